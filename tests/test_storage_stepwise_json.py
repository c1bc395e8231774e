"""A journal serialised in short steps is byte for byte what ``orjson.dumps`` writes, and saves still work."""

from __future__ import annotations

import threading

import orjson
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from journal.core.storage import codec, stepwise_json
from journal.core.storage.stepwise_json import dumps_in_steps
from tests.hostile_toml import examples

TEXT = st.text(st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=30)
SCALAR = st.none() | st.booleans() | st.integers(-(2**63), 2**63 - 1) | st.floats(allow_nan=False, allow_infinity=False) | TEXT
VALUE = st.recursive(SCALAR, lambda inner: st.lists(inner, max_size=4) | st.dictionaries(TEXT, inner, max_size=4), max_leaves=12)
TABLES = st.dictionaries(TEXT, st.dictionaries(st.integers(1, 10_000).map(str), VALUE, max_size=40) | VALUE, max_size=5)


def joined(data) -> bytes:
    return b"".join(dumps_in_steps(data))


@settings(max_examples=examples(150), deadline=None)
@given(TABLES)
def test_any_journal_shape_gives_the_bytes_orjson_gives(data):
    assert joined(data) == orjson.dumps(data)


def test_a_large_table_is_cut_into_many_slices_in_order(monkeypatch):
    monkeypatch.setattr(stepwise_json, "STEP_SECONDS", 0.0)  # every slice "too slow": slices stay small
    notes = {str(number): {"text": f"Note n° {number} « é »", "private": number % 7 == 0} for number in range(1, 3001)}
    data = {"meta": {"1": {"schema": 1}}, "notes": notes, "settings": {}}
    pieces = dumps_in_steps(data)
    assert len(pieces) > 100
    assert joined(data) == orjson.dumps(data)
    assert list(orjson.loads(joined(data))["notes"]) == list(notes)


def test_in_a_background_thread_the_bytes_are_the_same(monkeypatch):
    monkeypatch.setattr(stepwise_json, "STEP_SECONDS", 0.0)
    slept = []
    monkeypatch.setattr(stepwise_json.time, "sleep", slept.append)
    data = {"notes": {str(number): {"text": "é" * number} for number in range(1, 200)}}
    result = []
    worker = threading.Thread(target=lambda: result.append(joined(data)))
    worker.start()
    worker.join()
    assert result == [orjson.dumps(data)]
    assert len(slept) > 10 and set(slept) == {stepwise_json.PAUSE_SECONDS}
    slept.clear()
    joined(data)
    assert slept == []  # the main thread does not pause


@pytest.mark.parametrize("data", [[1, 2], {"a": {}}, {"a": {"1": 1}}, {}, {"t": {"1": {"x": [1, {"y": None}]}, "2": "z"}}])
def test_small_and_odd_shapes(data):
    assert joined(data) == orjson.dumps(data)


def test_what_orjson_refuses_is_still_refused():
    with pytest.raises(TypeError):
        dumps_in_steps({"t": {"1": {1: "a key that is not text"}, "2": {}}})
    with pytest.raises(TypeError):
        dumps_in_steps({1: {"1": "x"}})
    with pytest.raises(TypeError):
        dumps_in_steps({"t": {"1": object(), "2": 1}})


def test_an_encoded_journal_decodes_to_the_same_data():
    data = {
        "meta": {"1": {"kind": "bilan-journal", "schema": 1, "created_at": "2025-01-02T10:00:00+01:00"}},
        "notes": {str(n): {"text": f"note {n}", "created_at": "2025-01-02T10:00:00+01:00", "private": False} for n in range(1, 50)},
    }
    raw = b"".join(codec.encode(data, None))
    assert raw == orjson.dumps(data)
    assert codec.decode(raw, None).data == data
