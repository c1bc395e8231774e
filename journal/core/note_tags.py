"""Tags written in notes as ``#mot`` (letters, digits, - and _; accents kept), and the note periods."""

from __future__ import annotations

import re
from datetime import datetime, timedelta

_TAG = re.compile(r"(?<![\w&#])#([^\W_][\w-]{0,39})", re.UNICODE)

MOODS = ("bien", "motive", "partage", "fatigue", "inquiet")
PERIODS = {"all": None, "week": 7, "month": 31, "quarter": 92, "year": 366}


def tags_in(text: str) -> tuple[str, ...]:
    seen: dict[str, None] = {}
    for match in _TAG.finditer(text if isinstance(text, str) else ""):
        seen.setdefault(match.group(1).casefold(), None)
    return tuple(seen)


def in_period(moment: datetime, period: str, now: datetime) -> bool:
    """True when ``moment`` is within the last days named by ``period`` (``all`` keeps everything)."""
    days = PERIODS.get(period)
    return days is None or moment >= now - timedelta(days=days)
