"""Many stored dates read as aware local times, each exactly as ``clock.parse`` reads it, for less.

``datetime.astimezone()`` asks the system for the local zone of every date (a
third of reading 20,000 notes). The local zone only changes at a zone's
transitions, so it is asked once per day: for the dates written on one day in
one offset (one span of 24 hours), if the zone (offset and name) is the same
at the span's first and last second, every date of the span gets it, since no
zone changes twice within a day (tz database 2025b: two changes of a zone are
at least 95 hours apart, Africa/Freetown 1939). A span holding a change, a
date without offset or with an offset in fractions of a second goes through
``astimezone()`` itself. The zones are shared objects, so dates of the same
zone compare at full speed. A day is known by the first ten characters of the
date as written (« 2024-03-31 »: two dates starting alike are of the same day),
cheaper to look up than the parsed date.
"""

from __future__ import annotations

from datetime import datetime, timedelta, tzinfo

_LAST_SECOND = timedelta(seconds=86_399)
_fromisoformat = datetime.fromisoformat


class LocalTimes:
    """A converter for one read of many dates (a new one per read: the system's zone may change in between)."""

    __slots__ = ("_days", "_zones")

    def __init__(self) -> None:
        # the first ten characters of a date (its day, « 2024-03-31 ») → (its offset, the local zone for that
        # day in that offset, or None when it changes that day); a day written in two offsets keeps the first.
        self._days: dict[str, tuple[tzinfo, tzinfo | None]] = {}
        self._zones: dict[tuple, tzinfo] = {}

    def __call__(self, stamp: str) -> datetime:
        moment = _fromisoformat(stamp)
        written = moment.tzinfo
        known = self._days.get(stamp[:10])
        if known is None:
            if written is None or moment.date().isoformat() != stamp[:10]:
                return moment.astimezone()
            known = self._days[stamp[:10]] = (written, self._zone_of(moment))
        offset, zone = known
        if zone is None or written != offset:
            return moment.astimezone()
        return moment.astimezone(zone)

    def _zone_of(self, moment: datetime) -> tzinfo | None:
        """The local zone for the whole day of ``moment`` in its own offset, or None if it changes that day."""
        start = moment.replace(hour=0, minute=0, second=0, microsecond=0)
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
