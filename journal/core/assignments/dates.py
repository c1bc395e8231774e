"""Dates and times as people type them: ``2025-03-27`` or ``27/03/2025``, ``14:00`` or ``14h00``."""

from __future__ import annotations

import re
from datetime import date, datetime, time

from journal.i18n import t

_ISO = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")
_FRENCH = re.compile(r"^(\d{1,2})/(\d{1,2})/(\d{4})$")
_TIME = re.compile(r"^(\d{1,2})[:hH](\d{2})?$")


class BadDate(ValueError):
    """A date or time that cannot be read; the message says what was expected."""


def parse_day(text: str) -> date:
    text = text.strip()
    if match := _ISO.match(text):
        year, month, day = (int(part) for part in match.groups())
    elif match := _FRENCH.match(text):
        day, month, year = (int(part) for part in match.groups())
    else:
        raise BadDate(t("assign_dates.bad_day", value=text))
    try:
        return date(year, month, day)
    except ValueError as error:
        raise BadDate(t("assign_dates.no_such_day", value=text)) from error


def parse_moment(text: str) -> datetime:
    """A date and time of the local time zone, with its offset (``2025-03-28 14:00``)."""
    day_part, _, time_part = text.strip().partition(" ")
    match = _TIME.match(time_part.strip())
    if not match:
        raise BadDate(t("assign_dates.bad_moment", value=text.strip()))
    hour, minute = int(match.group(1)), int(match.group(2) or 0)
    if hour > 23 or minute > 59:
        raise BadDate(t("assign_dates.bad_moment", value=text.strip()))
    return datetime.combine(parse_day(day_part), time(hour, minute)).astimezone()


def parse_window(text: str) -> tuple[date, date]:
    """A follow-up window ``2025-09-01..2025-09-15`` (first day, last day)."""
    first, separator, last = text.partition("..")
    if not separator:
        raise BadDate(t("assign_dates.bad_window", value=text.strip()))
    start, end = parse_day(first), parse_day(last)
    if end < start:
        raise BadDate(t("assign_dates.window_backwards", value=text.strip()))
    return start, end
