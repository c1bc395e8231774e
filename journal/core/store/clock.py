"""The one clock of the journal: local time with its offset, to the second; stored dates read back the same way."""

from __future__ import annotations

from datetime import datetime


def now() -> datetime:
    return datetime.now().astimezone().replace(microsecond=0)


def parse(stamp: str) -> datetime:
    """A stored ISO 8601 date as an aware local time (a date without offset is taken as local time).

    Mixing dates with and without an offset would make sorting them fail; the
    storage's validation has already checked that every stored date converts.
    """
    return datetime.fromisoformat(stamp).astimezone()
