"""The one clock of the journal: local time with its offset, to the second."""

from __future__ import annotations

from datetime import datetime


def now() -> datetime:
    return datetime.now().astimezone().replace(microsecond=0)
