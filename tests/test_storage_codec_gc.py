"""Parsing a journal pauses the garbage collector and always gives it back as it was."""

from __future__ import annotations

import gc

import orjson
import pytest

from journal.core.storage import codec

JOURNAL = {
    "meta": {"1": {"kind": "bilan-journal", "schema": 1, "created_at": "2025-01-02T10:00:00+01:00"}},
    "notes": {"1": {"text": "Une note « privée » ?", "created_at": "2025-01-02T10:00:00+01:00", "private": True}},
}


@pytest.fixture
def collector():
    was = gc.isenabled()
    yield
    gc.enable() if was else gc.disable()


def test_the_journal_parses_as_orjson_parses_it_and_the_collector_runs_again(collector):
    gc.enable()
    raw = orjson.dumps(JOURNAL)
    assert codec.decode(raw, None).data == orjson.loads(raw)
    assert gc.isenabled()


def test_a_broken_journal_gives_the_collector_back_too(collector):
    gc.enable()
    with pytest.raises(codec.Problem):
        codec.decode(b'{"meta": {', None)
    assert gc.isenabled()


def test_a_collector_turned_off_by_someone_else_stays_off(collector):
    gc.disable()
    codec.decode(orjson.dumps(JOURNAL), None)
    assert not gc.isenabled()
