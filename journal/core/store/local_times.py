"""Many stored dates read as aware local times, each exactly as ``clock.parse`` reads it, for less.

``datetime.astimezone()`` asks the system for the local zone of every date (a
third of reading 20,000 notes). The local zone only changes at a zone's
transitions, so it is asked once per day, from the second date of a day on
(notes days apart gain nothing). For the dates written on one day in one offset
(one span of 24 hours), if the zone (offset and name) is the same at the span's
first and last second, every date of the span gets it, since no zone changes
twice within a day (tz database 2025b: two changes of a zone are at least 95
hours apart, Africa/Freetown 1939). A span holding a change, a date without
offset or with an offset in fractions of a second goes through
``astimezone()`` itself. The zones are shared objects, so dates of the same
zone compare at full speed. A day is known by the first ten characters of the
date as written (« 2024-03-31 »: two dates starting alike are of the same day),
cheaper to look up than the parsed date.
"""

from __future__ import annotations

from datetime import datetime, timedelta, tzinfo

_LAST_SECOND = timedelta(seconds=86_399)
_ONCE = object()  # a day seen once: its zone is looked for when a second date of it comes
_fromisoformat = datetime.fromisoformat


class LocalTimes:
    """A converter for one read of many dates (a new one per read: the system's zone may change in between)."""

    __slots__ = ("_days", "_zones")

    def __init__(self) -> None:
        # the first ten characters of a date (its day, « 2024-03-31 ») → (its offset, the local zone for that
        # day in that offset, or None when it changes that day); a day written in two offsets keeps the first.
        self._days: dict[str, tuple[tzinfo, object]] = {}
        self._zones: dict[tuple, tzinfo] = {}

    def __call__(self, stamp: str) -> datetime:
        moment = _fromisoformat(stamp)
        written = moment.tzinfo
        day = stamp[:10]
        known = self._days.get(day)
        if known is None:  # the first date of its day is converted alone: notes a day apart gain nothing here
            if written is not None and moment.date().isoformat() == day:
                self._days[day] = (written, _ONCE)
            return moment.astimezone()
        offset, zone = known
        if written != offset:
            return moment.astimezone()
        if zone is _ONCE:
            zone = self._zone_of(moment)
            self._days[day] = (offset, zone)
        return moment.astimezone() if zone is None else moment.astimezone(zone)

    def _zone_of(self, moment: datetime) -> tzinfo | None:
        """The local zone for the whole day of ``moment`` in its own offset, or None if it changes that day."""
        start = datetime(moment.year, moment.month, moment.day, 0, 0, 0, 0, moment.tzinfo)
        offset = start.utcoffset()
        if offset is None or offset.microseconds:  # the span would not start on a whole second
            return None
        try:
            first = start.astimezone().tzinfo
            last = (start + _LAST_SECOND).astimezone().tzinfo
        except (OverflowError, OSError, ValueError):
            return None
        key = (first.utcoffset(None), first.tzname(None))
        if key != (last.utcoffset(None), last.tzname(None)):
            return None
        return self._zones.setdefault(key, first)
