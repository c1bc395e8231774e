"""Hostile variants of TOML files, to check that a validator answers with problems, never an exception.

Reusable for any TOML format bilan reads (exercise files, assignment files):

    from hypothesis import given, settings
    from tests.hostile_toml import examples, hostile_files, load_documents

    DOCUMENTS = load_documents(sorted(Path("exercises").glob("*.toml")))

    @settings(max_examples=examples(1000), deadline=None)
    @given(hostile_files(DOCUMENTS))
    def test_validation_never_raises(content: bytes): ...

``hostile_files`` starts from real, valid documents and applies one to four
mutations: a value replaced by one of another type (huge integers, special
floats, dates, long or odd strings, lists, tables), a value nested in arrays or
tables, a list or string enlarged, a key deleted or added; or it works on the
bytes: cut short, random bytes inserted, invalid UTF-8, arrays nested thousands
deep, integers of thousands of digits, pure noise. ``BILAN_HYPOTHESIS_EXAMPLES``
raises the number of examples (``examples``) for a longer run.
"""

from __future__ import annotations

import copy
import datetime as dt
import math
import os
import tomllib
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from hypothesis import strategies as st

EXAMPLES_VARIABLE = "BILAN_HYPOTHESIS_EXAMPLES"
Path_ = tuple[Any, ...]


def examples(default: int) -> int:
    """How many examples a property test runs: ``default``, or ``BILAN_HYPOTHESIS_EXAMPLES``."""
    value = os.environ.get(EXAMPLES_VARIABLE, "")
    return int(value) if value.isdigit() and int(value) > 0 else default


def load_documents(paths: Sequence[Path]) -> list[dict]:
    return [tomllib.loads(Path(path).read_text("utf-8")) for path in paths]


# -- writing TOML (inline form, so any nesting and any mix of types can be written) --------


def _string(text: str) -> str:
    out = []
    for char in text:
        if char in '"\\':
            out.append("\\" + char)
        elif ord(char) < 0x20 or ord(char) == 0x7F:
            out.append(f"\\u{ord(char):04x}")
        else:
            out.append(char)
    return '"' + "".join(out) + '"'


def _value(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        if math.isnan(value):
            return "nan"
        if math.isinf(value):
            return "inf" if value > 0 else "-inf"
        return repr(value)
    if isinstance(value, str):
        return _string(value)
    if isinstance(value, (dt.datetime, dt.date, dt.time)):
        return value.isoformat()
    if isinstance(value, list):
        return "[" + ", ".join(_value(item) for item in value) + "]"
    if isinstance(value, dict):
        return "{" + ", ".join(f"{_string(str(key))} = {_value(item)}" for key, item in value.items()) + "}"
    raise TypeError(type(value))


def to_toml(document: dict) -> str:
    """``document`` as TOML text (each top-level key on a line, everything below inline)."""
    return "".join(f"{_string(str(key))} = {_value(value)}\n" for key, value in document.items())


# -- values of every TOML type ----------------------------------------------------------

_TEXT = st.text(st.characters(blacklist_categories=("Cs",)), max_size=40)
SCALARS = st.one_of(
    st.integers(min_value=-(2**70), max_value=2**70),
    st.integers(min_value=1, max_value=4000).map(lambda digits: int("9" * digits)),
    st.floats(allow_nan=True, allow_infinity=True),
    st.booleans(),
    _TEXT,
    st.sampled_from(["", " ", "essentiel", "long_text", "rome", "questionnaire", "a/b", "x" * 10_000]),
    st.datetimes(),
    st.dates(),
    st.times(),
)
VALUES = st.recursive(
    SCALARS,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(_TEXT, inner, max_size=4),
    max_leaves=12,
)


# -- mutations of a parsed document -----------------------------------------------------


def _paths(node: Any, prefix: Path_ = ()) -> list[Path_]:
    found = [prefix]
    if isinstance(node, dict):
        for key, child in node.items():
            found += _paths(child, (*prefix, key))
    elif isinstance(node, list):
        for index, child in enumerate(node):
            found += _paths(child, (*prefix, index))
    return found


def _get(document: Any, path: Path_) -> Any:
    for step in path:
        document = document[step]
    return document


def _nest(value: Any, depth: int, as_table: bool) -> Any:
    for _ in range(depth):
        value = {"x": value} if as_table else [value]
    return value


def _enlarge(value: Any, times: int) -> Any:
    if isinstance(value, list):
        return value * times
    if isinstance(value, str):
        return value * times
    if isinstance(value, dict):
        return {**value, **{f"cle-{n}": copy.deepcopy(value) for n in range(min(times, 8))}}
    if isinstance(value, bool):
        return [value] * times
    if isinstance(value, (int, float)):
        return int("9" * (times * 80))
    return value


@st.composite
def _mutated(draw, document: dict) -> dict:
    document = copy.deepcopy(document)
    for _ in range(draw(st.integers(1, 4))):
        paths = _paths(document)
        path = draw(st.sampled_from(paths))
        action = draw(st.sampled_from(["replace", "replace", "delete", "nest", "enlarge", "add", "unwrap"]))
        if not path:
            if action == "add":
                document[draw(_TEXT)] = draw(VALUES)
            continue
        parent, last = _get(document, path[:-1]), path[-1]
        current = parent[last]
        if action == "replace":
            parent[last] = draw(VALUES)
        elif action == "delete":
            del parent[last]
        elif action == "nest":
            parent[last] = _nest(current, draw(st.integers(1, 60)), draw(st.booleans()))
        elif action == "enlarge":
            parent[last] = _enlarge(current, draw(st.integers(2, 40)))
        elif action == "add" and isinstance(current, dict):
            current[draw(_TEXT)] = draw(VALUES)
        elif action == "unwrap":
            if isinstance(current, list) and current:
                parent[last] = current[0]
            elif isinstance(current, dict) and current:
                parent[last] = list(current.values())
            else:
                parent[last] = [current]
    return document


# -- mutations of the bytes -------------------------------------------------------------


@st.composite
def _damaged_bytes(draw, documents: list[dict]) -> bytes:
    text = to_toml(draw(st.sampled_from(documents))).encode("utf-8")
    action = draw(st.sampled_from(["cut", "insert", "invalid-utf8", "deep-array", "deep-table", "huge-integer", "noise"]))
    at = draw(st.integers(0, len(text)))
    if action == "cut":
        return text[:at]
    if action == "insert":
        return text[:at] + draw(st.binary(min_size=1, max_size=20)) + text[at:]
    if action == "invalid-utf8":
        return text[:at] + draw(st.sampled_from([b"\xff", b"\xc3", b"\xed\xa0\x80", b"\xf8\x88\x80\x80\x80"])) + text[at:]
    depth = draw(st.integers(100, 5000))
    if action == "deep-array":
        return text + b"profond = " + b"[" * depth + b"1" + b"]" * depth + b"\n"
    if action == "deep-table":
        return text + b"profond = " + b"{a = " * depth + b"1" + b"}" * depth + b"\n"
    if action == "huge-integer":
        return text.replace(b"order = ", b"order = " + b"7" * depth, 1) + b"grand = " + b"9" * depth + b"\n"
    return draw(st.binary(max_size=400))



def hostile_files(documents: list[dict]) -> st.SearchStrategy[bytes]:
    """Bytes of hostile variants of ``documents`` (parsed TOML of valid files)."""
    structured = st.deferred(lambda: st.sampled_from(documents).flatmap(_mutated)).map(lambda doc: to_toml(doc).encode("utf-8"))
    return st.one_of(structured, structured, structured, _damaged_bytes(documents))
