"""Dates in documents: the precompiled formats write exactly what ``strftime`` writes."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from journal.core.export.date_format import date_formatter
from journal.i18n import set_language, t
from tests.hostile_toml import examples

PIECES = ["%d", "%m", "%Y", "%H", "%M", "%S", "%%", "%y", "%B", "%A", "%j", "%", "/", " à ", " at ", "-", ":", "h", "é", "{0}", "%s"]
FORMATS = st.lists(st.sampled_from(PIECES), max_size=8).map("".join)
MOMENTS = st.datetimes(min_value=datetime(1, 1, 1), max_value=datetime(9999, 12, 31), timezones=st.none() | st.just(timezone(timedelta(hours=2))))


@settings(max_examples=examples(300), deadline=None)
@given(FORMATS, MOMENTS)
def test_a_compiled_format_writes_what_strftime_writes(pattern, moment):
    try:
        expected = moment.strftime(pattern)
    except ValueError:  # a format strftime refuses here is refused as before
        with pytest.raises(ValueError):
            date_formatter(pattern)(moment)
        return
    assert date_formatter(pattern)(moment) == expected
    assert date_formatter(pattern)(moment.date()) == moment.date().strftime(pattern)


@pytest.mark.parametrize("language", ["fr", "en"])
@pytest.mark.parametrize("key", ["formats.date", "formats.datetime"])
@pytest.mark.parametrize(
    "moment",
    [datetime(2022, 1, 3, 9, 5, 7), datetime(999, 12, 31, 23, 59), datetime(9999, 1, 1), datetime(1000, 10, 10, 10, 10).astimezone(), date(2026, 12, 1)],
)
def test_the_languages_formats_are_written_as_before(language, key, moment):
    set_language(language)
    try:
        pattern = t(key)
        assert date_formatter(pattern)(moment) == moment.strftime(pattern)
    finally:
        set_language("fr")
