"""JSON bytes to values and back, exactly as orjson reads and writes them, without loading orjson for small data.

orjson is the journal's reader and writer, strict and fast. Loading it costs
more than a small journal's whole reading: it imports ``dataclasses`` (so
``inspect``, ``ast``, ``dis``, ``tokenize``), ``uuid`` (so ``platform``),
``enum`` and ``json`` when it loads, ~15 ms of a ~90 ms ``bilan note``. The
standard library's ``json`` reads and writes a 100 KB journal within a
millisecond of orjson, so small data goes through it, but only where it
gives what orjson gives:

- **Reading**: a value is returned from ``json`` only when ``json`` accepted
  the text under orjson's rules (no ``NaN`` or ``Infinity``, integers within
  64 bits, finite numbers, no escaped surrogate at all). Anything ``json``
  refuses, or anything it might read otherwise, is read again by orjson,
  which decides: its value, or its error with its position. A file never
  means something else because it was small.
- **Writing**: ``json`` writes only values made of exact ``dict`` (string
  keys), ``list``, ``str``, ``int`` within 64 bits, ``bool`` and ``None``; its
  bytes are then those of ``orjson.dumps`` (compact, UTF-8, the same escapes).
  Floats (written ``1e-07`` by one and ``1e-7`` by the other), subclasses,
  other types, unpaired surrogates, containers nested deeper than ``DEEPEST``
  and anything larger than ``SMALL_NODES`` go to orjson, whose error is the error.

Once orjson is loaded (a large journal was read or written, or the app loaded
it after its first screen), it is used for everything: it is faster and costs
nothing more. ``tests/test_json_bytes.py``
compares both paths on generated and hostile input.
"""

from __future__ import annotations

import json
import re
import sys
from types import ModuleType

SMALL_BYTES = 1 << 20  # above this, orjson's speed outweighs its loading (~15 ms ≈ 1 MB read and written by json)
SMALL_NODES = 50_000  # values in one ``dumps`` written by json (a 100-entry journal is ~3,000)
DEEPEST = 254  # lists and dicts nested deeper are refused by orjson's writer (json would write them)

INT_LOW = -(1 << 63)
INT_HIGH = (1 << 64) - 1  # orjson reads integers outside [INT_LOW, INT_HIGH] as floats

DecodeError = json.JSONDecodeError  # orjson's own decode error is a subclass


class _Refused(ValueError):
    """The text is one that ``json`` reads otherwise than orjson: orjson decides."""


def _refuse_constant(name: str) -> object:
    raise _Refused(name)


def _int64(text: str) -> int:
    value = int(text)  # over 4,300 digits raises ValueError: orjson decides
    if INT_LOW <= value <= INT_HIGH:
        return value
    raise _Refused(text)


def _finite(text: str) -> float:
    value = float(text)
    if value in (float("inf"), float("-inf")):
        raise _Refused(text)  # orjson refuses a number that overflows a double
    return value


_DECODER = json.JSONDecoder(parse_constant=_refuse_constant, parse_int=_int64, parse_float=_finite)
_ENCODER = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"), allow_nan=False, check_circular=False)
_SURROGATE_ESCAPE = re.compile(rb"\\u[dD][89a-fA-F]")  # orjson refuses unpaired ones; json keeps them


def loads(raw: bytes | bytearray | memoryview) -> object:
    """The JSON value in ``raw``, as ``orjson.loads`` gives it; raises ``DecodeError`` (orjson's) when it is not JSON."""
    if "orjson" in sys.modules or len(raw) > SMALL_BYTES:
        return _orjson().loads(raw)
    return loads_small(raw)


def dumps(value: object) -> bytes:
    """``orjson.dumps(value)``: the same bytes, or orjson's own error (a ``TypeError``)."""
    if "orjson" in sys.modules:
        return _orjson().dumps(value)
    return dumps_small(value)


def loads_small(raw: bytes | bytearray | memoryview) -> object:
    """``loads`` through json while orjson is not loaded: json's value where it reads as orjson does, else orjson's."""
    if _SURROGATE_ESCAPE.search(raw):
        return _orjson().loads(raw)
    try:
        return _DECODER.decode(str(raw, "utf-8"))
    except (ValueError, RecursionError):  # UnicodeDecodeError and json's own error are ValueErrors
        return _orjson().loads(raw)


def dumps_small(value: object) -> bytes:
    """``dumps`` through json while orjson is not loaded: json's bytes where they are orjson's, else orjson's."""
    if _plain(value):
        try:
            return _ENCODER.encode(value).encode("utf-8")
        except (UnicodeEncodeError, RecursionError):
            pass  # an unpaired surrogate or a deep value: orjson says what it says
    return _orjson().dumps(value)


def load_orjson_in_background() -> None:
    """Load orjson in a thread now, so that what follows goes through it (the app, once its first screen is drawn).

    The app saves every few seconds while the worker types: orjson writes a small
    journal in a few hundredths of what json takes, and holds the interpreter
    that much less while keys wait. A thread importing it while another asks
    for it makes the other wait for the import to finish (Python's import lock).
    """
    if "orjson" not in sys.modules:
        import threading

        threading.Thread(target=_orjson, name="load-orjson").start()


def _plain(value: object) -> bool:
    """Whether ``value`` holds only what json writes exactly as orjson does: at most ``SMALL_NODES`` values, ``DEEPEST`` levels."""
    level = [value]
    depth = 0
    seen = 0
    while level:
        depth += 1  # a list or dict of ``level`` is nested ``depth`` deep
        inner: list = []
        for item in level:
            seen += 1
            if seen > SMALL_NODES:
                return False
            kind = type(item)
            if kind is str or kind is bool or item is None:
                continue
            if kind is int:
                if not INT_LOW <= item <= INT_HIGH:
                    return False
            elif kind is dict:
                if depth > DEEPEST:
                    return False
                for key in item:
                    if type(key) is not str:
                        return False
                inner.extend(item.values())
            elif kind is list:
                if depth > DEEPEST:
                    return False
                inner.extend(item)
            else:
                return False
        level = inner
    return True


def _orjson() -> ModuleType:
    import orjson

    return orjson
