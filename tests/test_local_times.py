"""Dates read through ``LocalTimes`` (the zone asked once per day) are exactly what ``clock.parse`` gives, change of hour or not.

Each test reads a whole list with one converter, as the notes are read, in
zones with summer time, half-hour changes and a skipped day, so that a day
cached before or after a change is reused for the other dates of that day.
"""

from __future__ import annotations

import time
from datetime import datetime, timedelta, timezone

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from journal.core.store.clock import parse
from journal.core.store.local_times import LocalTimes
from tests.hostile_toml import examples

ZONES = ["UTC", "Europe/Paris", "America/New_York", "Australia/Lord_Howe", "Pacific/Apia", "America/St_Johns", "Africa/Casablanca"]

# Around changes of hour: Paris (31 March and 27 October 2024), Lord Howe (half an hour, 2024),
# Apia (30 December 2011 skipped), St John's (-03:30 / -02:30), Casablanca (Ramadan, 2024).
CHANGES = [
    datetime(2024, 3, 31, 1, tzinfo=timezone.utc),
    datetime(2024, 10, 27, 1, tzinfo=timezone.utc),
    datetime(2024, 4, 6, 15, tzinfo=timezone.utc),
    datetime(2024, 10, 5, 15, 30, tzinfo=timezone.utc),
    datetime(2011, 12, 30, 10, tzinfo=timezone.utc),
    datetime(2024, 3, 10, 5, 30, tzinfo=timezone.utc),
    datetime(2024, 3, 10, 2, tzinfo=timezone.utc),
]
OFFSETS = [timedelta(0), timedelta(hours=1), timedelta(hours=2), timedelta(hours=-5), timedelta(hours=10, minutes=30), timedelta(hours=14)]


@pytest.fixture
def zone(monkeypatch):
    """Set the system's zone for one test, and put it back."""

    def use(name: str) -> None:
        monkeypatch.setenv("TZ", name)
        time.tzset()

    yield use
    monkeypatch.undo()
    time.tzset()


def _same(stamps: list[str]) -> None:
    local = LocalTimes()
    for stamp in stamps:
        expected, got = parse(stamp), local(stamp)
        assert got == expected, stamp
        assert (got.isoformat(), got.tzname(), got.fold) == (expected.isoformat(), expected.tzname(), expected.fold), stamp


def _around(change: datetime) -> list[str]:
    """Dates every few minutes for a day around a change, each written in several offsets (shuffled by offset)."""
    moments = [change + timedelta(minutes=minutes) for minutes in range(-13 * 60, 13 * 60, 7)]
    return [moment.astimezone(timezone(offset)).isoformat() for offset in OFFSETS for moment in moments]


@pytest.mark.parametrize("name", ZONES)
def test_dates_around_every_change_of_hour_read_as_one_by_one(zone, name):
    zone(name)
    stamps = [stamp for change in CHANGES for stamp in _around(change)]
    _same(stamps)
    _same(list(reversed(stamps)))


@pytest.mark.parametrize("name", ["UTC", "Europe/Paris"])
def test_odd_dates_read_as_one_by_one(zone, name):
    zone(name)
    _same([
        "2024-03-31T02:30:00",  # no offset: local time
        "2024-03-31T01:59:59.999999+00:00",
        "2024-03-31T03:00:00.5+02:00",
        "2024-03-31T12:00:00+01:00:30",
        "2024-03-31T12:00:00+01:00:00.5",
        "2024-03-31 12:00:00+01:00",
        "20240331T120000+0100",
        "2024-W13-7T12:00:00+01:00",
        "1850-06-01T12:00:00+00:09:21",
        "2500-06-01T12:00:00+02:00",
        "2024-03-31T12:00:00-23:59",
        "2024-03-31T12:00:00+23:59",
    ])


@settings(max_examples=examples(100), deadline=None)
@given(
    st.sampled_from(ZONES),
    st.lists(
        st.datetimes(min_value=datetime(1900, 1, 1), max_value=datetime(2100, 12, 31), timezones=st.sampled_from([timezone(offset) for offset in OFFSETS])),
        min_size=1,
        max_size=60,
    ),
)
def test_any_dates_read_as_one_by_one(name, moments):
    import os

    before = os.environ.get("TZ")
    os.environ["TZ"] = name
    time.tzset()
    try:
        _same([moment.isoformat() for moment in moments])
    finally:
        if before is None:
            del os.environ["TZ"]
        else:
            os.environ["TZ"] = before
        time.tzset()
