"""``json_bytes``: the standard library's path reads and writes exactly what orjson reads and writes.

Each test compares an outcome of the json path (``loads_small``, ``dumps_small``)
with orjson's own on the same input: the same value (same types, ``-0.0``
kept, keys in the same order) or the same error, and the same bytes written.
``BILAN_HYPOTHESIS_EXAMPLES`` runs more examples.
"""

from __future__ import annotations

import json
import math
import os
import subprocess
import sys
from collections import OrderedDict
from pathlib import Path

import orjson
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from journal.core.storage import json_bytes
from tests.hostile_toml import examples

SETTINGS = settings(max_examples=examples(400), deadline=None, suppress_health_check=[HealthCheck.too_slow])


def same(left: object, right: object) -> bool:
    """Equal values of the same types, floats by their bits (``-0.0`` is not ``0.0``), keys in the same order."""
    pending = [(left, right)]
    while pending:
        mine, theirs = pending.pop()
        if type(mine) is not type(theirs):
            return False
        if isinstance(mine, float):
            if math.copysign(1, mine) != math.copysign(1, theirs) or not (mine == theirs or mine != mine and theirs != theirs):
                return False
        elif isinstance(mine, dict):
            if list(mine) != list(theirs):
                return False
            pending.extend((mine[key], theirs[key]) for key in mine)
        elif isinstance(mine, list):
            if len(mine) != len(theirs):
                return False
            pending.extend(zip(mine, theirs))
        elif mine != theirs:
            return False
    return True


def outcome(call, argument) -> tuple:
    try:
        return ("value", call(argument))
    except Exception as error:  # noqa: BLE001 - the error itself is what is compared
        return ("error", type(error), str(error), getattr(error, "pos", None))


def assert_read_alike(raw: bytes) -> None:
    mine, theirs = outcome(json_bytes.loads_small, raw), outcome(orjson.loads, raw)
    if mine[0] == theirs[0] == "value":
        assert same(mine[1], theirs[1]), raw
    else:
        assert mine == theirs, raw


def assert_written_alike(value: object) -> None:
    assert outcome(json_bytes.dumps_small, value) == outcome(orjson.dumps, value)


# -- values and texts ------------------------------------------------------------------------

SCALARS = (
    st.none()
    | st.booleans()
    | st.integers(min_value=-(1 << 70), max_value=1 << 70)
    | st.sampled_from([json_bytes.INT_LOW, json_bytes.INT_LOW - 1, json_bytes.INT_HIGH, json_bytes.INT_HIGH + 1, 0])
    | st.floats()
    | st.text(st.characters(codec=None, categories=None), max_size=12)  # surrogates and controls included
)
VALUES = st.recursive(
    SCALARS,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=6), inner, max_size=4),
    max_leaves=30,
)
HOSTILE = [
    b"NaN", b"Infinity", b"-Infinity", b"nan", b"1e400", b"-1e400", b"1e-400", b"18446744073709551616",
    b"-9223372036854775809", b"9" * 5000, b"-0", b"-0.0", b"01", b"1.", b".5", b"1e", b"+1", b"0x10",
    b'"\\ud800"', b'"\\udc00"', b'"\\uD83D\\uDE00"', b'"\\ud83d\\ude00"', b'"\\\\ud800"', b"\xef\xbb\xbf",
    b"\xed\xa0\x80", b"\xff", b"\xc3", b"\x00", b"\x0c", b"\xc2\xa0", b" ", b"\t", b"\r\n", b'"', b"\\", b",",
    b":", b"[", b"]", b"{", b"}", b"\x1f", b"\x7f", b"\xd9\xa1", b"true", b"null", b"\\u0000", b"/*", b"'",
]


def rewritten(value: object, ensure_ascii: bool, spaced: bool) -> bytes:
    """A JSON text of ``value`` written by another writer than the one under test (or orjson's error)."""
    separators = (", ", ": ") if spaced else (",", ":")
    return json.dumps(value, ensure_ascii=ensure_ascii, separators=separators).encode("utf-8", "surrogatepass")


@SETTINGS
@given(VALUES, st.booleans(), st.booleans())
def test_a_written_value_is_read_as_orjson_reads_it(value, ensure_ascii, spaced):
    assert_read_alike(rewritten(value, ensure_ascii, spaced))


@SETTINGS
@given(VALUES, st.booleans(), st.lists(st.tuples(st.integers(min_value=0), st.sampled_from(HOSTILE)), max_size=3))
def test_a_damaged_text_is_read_or_refused_as_orjson_does(value, ensure_ascii, damage):
    raw = bytearray(rewritten(value, ensure_ascii, False))
    for position, piece in damage:
        at = position % (len(raw) + 1)
        raw[at:at] = piece
    assert_read_alike(bytes(raw))


@SETTINGS
@given(st.binary(max_size=64))
def test_any_bytes_are_read_or_refused_as_orjson_does(raw):
    assert_read_alike(raw)


@pytest.mark.parametrize("raw", HOSTILE + [b"[" + piece + b"]" for piece in HOSTILE] + [b'{"a":1,"b":2,"a":3}', b"  [] \n"])
def test_each_hostile_piece_is_read_or_refused_as_orjson_does(raw):
    assert_read_alike(raw)


@pytest.mark.parametrize("depth", [900, 990, 1000, 1023, 1024, 1025, 1100, 5000])
def test_deep_nesting_is_read_or_refused_as_orjson_does(depth):
    assert_read_alike(b"[" * depth + b"]" * depth)
    assert_read_alike(b'{"a":' * depth + b"1" + b"}" * depth)


def test_json_reads_what_needs_no_second_opinion_itself(monkeypatch):
    """The common case really is json's (a fallback on every text would pass every comparison above)."""
    monkeypatch.setattr(json_bytes, "_orjson", lambda: pytest.fail("orjson was asked"))
    text = b'{"1": {"exercise_id": "valeurs", "answers": {"q": ["\xc3\xa9t\xc3\xa9", 3, -0.5, true, null]}}}'
    assert json_bytes.loads_small(text) == orjson.loads(text)
    written = {"1": {"exercise_id": "valeurs", "answers": {"q": ["été", 3, -(1 << 63), True, None], "r": "\x1f"}}}
    assert json_bytes.dumps_small(written) == orjson.dumps(written)


@SETTINGS
@given(VALUES)
def test_a_value_is_written_as_orjson_writes_it(value):
    assert_written_alike(value)


class Text(str):
    pass


@pytest.mark.parametrize(
    "value",
    [
        {"a": 1.5e-7},
        [1e16, -0.0, float("nan"), float("inf")],
        {1: "clé entière"},
        {None: 1},
        (1, 2),
        [Text("sous-classe")],
        OrderedDict(a=1),
        {"a": "\ud800"},
        [json_bytes.INT_HIGH + 1],
        [json_bytes.INT_LOW - 1],
        {"a": b"octets"},
        "\x00\x08\x09\x0a\x0c\x0d\x1f\x7f\u2028\U0001f600\"\\/",
        [[[[[[[[]]]]]]]],
    ],
)
def test_each_awkward_value_is_written_or_refused_as_orjson_does(value):
    assert_written_alike(value)


def nested(depth: int, kind: type, leaf: object) -> object:
    value = leaf
    for _ in range(depth):
        value = [value] if kind is list else {"a": value}
    return value


@pytest.mark.parametrize("kind", [list, dict])
@pytest.mark.parametrize("leaf", [[], {}, 1, "x"])
@pytest.mark.parametrize("depth", [json_bytes.DEEPEST - 1, json_bytes.DEEPEST, json_bytes.DEEPEST + 1, 1000])
def test_deep_nesting_is_written_or_refused_as_orjson_does(depth, kind, leaf):
    """orjson refuses to write lists and dicts nested more than 254 deep; json would write them."""
    assert_written_alike(nested(depth, kind, leaf))


def test_a_value_that_holds_itself_is_refused_as_orjson_refuses_it():
    looped: list = []
    looped.append(looped)
    assert_written_alike(looped)


@pytest.mark.parametrize("number", [18446744073709551615, 18446744073709551616, -9223372036854775808, -9223372036854775809])
def test_the_integer_bounds_are_orjsons(number):
    assert_read_alike(str(number).encode())
    assert_written_alike([number])


def test_a_value_of_exactly_the_small_size_is_written_by_json(monkeypatch):
    monkeypatch.setattr(json_bytes, "_orjson", lambda: pytest.fail("orjson was asked"))
    small = ["x"] * (json_bytes.SMALL_NODES - 1)  # with the list itself
    assert json_bytes.dumps_small(small) == orjson.dumps(small)


def test_a_large_value_goes_to_orjson(monkeypatch):
    asked = []
    monkeypatch.setattr(json_bytes, "_orjson", lambda: asked.append(True) or orjson)
    large = {str(index): index for index in range(json_bytes.SMALL_NODES + 1)}
    assert json_bytes.dumps_small(large) == orjson.dumps(large)
    assert asked


def test_a_small_journal_is_noted_and_exported_without_loading_orjson(tmp_path: Path):
    """What this module is for: ``bilan note`` and ``bilan export`` on a small journal never import orjson."""
    script = (
        "import sys\n"
        "from journal.cli.main import main\n"
        "for arguments in (['note', 'Premier rendez-vous'], ['note', 'Deuxième'], ['export', '-o', '-']):\n"
        "    try:\n"
        "        main(['--data', sys.argv[1], *arguments])\n"
        "    except SystemExit as leaving:\n"
        "        assert not leaving.code, leaving.code\n"
        "print('orjson' in sys.modules, file=sys.stderr)\n"
    )
    environment = {**os.environ, "BILAN_LANG": "fr", "BILAN_CACHE_DIR": str(tmp_path / "cache")}
    environment.pop("BILAN_PASSPHRASE", None)
    done = subprocess.run([sys.executable, "-c", script, str(tmp_path / "data")], capture_output=True, text=True, env=environment)
    assert done.returncode == 0, done.stderr
    assert "Deuxième" in done.stdout
    assert done.stderr.strip().splitlines()[-1] == "False"


def test_orjson_loaded_in_the_background_is_used_from_then_on():
    script = (
        "import sys, threading\n"
        "from journal.core.storage import json_bytes\n"
        "assert 'orjson' not in sys.modules\n"
        "json_bytes.load_orjson_in_background()\n"
        "for thread in threading.enumerate():\n"
        "    if thread.name == 'load-orjson':\n"
        "        thread.join()\n"
        "assert 'orjson' in sys.modules\n"
        "import orjson\n"
        "json_bytes.loads_small = json_bytes.dumps_small = None  # json's path is no longer taken\n"
        "assert json_bytes.loads(b'[1.5]') == [1.5] and json_bytes.dumps([1.5]) == b'[1.5]'\n"
        "json_bytes.load_orjson_in_background()  # loaded: nothing more to do\n"
        "assert not [thread for thread in threading.enumerate() if thread.name == 'load-orjson']\n"
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr


async def test_the_app_loads_orjson_once_its_first_screen_is_drawn(data_dir, catalogue, monkeypatch):
    from journal.core.store import JournalStore
    from journal.tui import app as app_module
    from journal.tui.screens.home import HomeScreen

    calls = []
    monkeypatch.setattr(app_module, "load_orjson_in_background", lambda: calls.append(True))
    with JournalStore(data_dir) as store:
        app = app_module.BilanApp(store, catalogue)
        async with app.run_test(size=(100, 30)) as pilot:
            await pilot.pause()
            assert isinstance(app.screen, HomeScreen)
            assert calls == [True]
