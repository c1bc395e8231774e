"""``orjson.dumps`` of a journal in short steps, so that a save never holds the interpreter for long.

A save runs in a thread while the worker types. ``orjson.dumps`` is one call
into C that keeps the interpreter lock from start to end: 15–20 ms for a
20,000-entry journal, a few hundred for the largest ones, during which the
screen cannot draw a key. Serialising each table a slice of documents at a
time gives the other threads a chance to run between slices; each slice is
sized to take about ``STEP_SECONDS``. In a background thread (the autosave),
each slice is followed by a ``PAUSE_SECONDS`` sleep: the save then takes a
little longer, but leaves the processor and the lock to the screen half the
time instead of competing for them (on 2 busy cores: typing during saves of
a 20,000-entry journal, p95 29–30 ms instead of 40–58 ms). On the main
thread (``bilan note``, saving on quit) there is nobody to make room for.

The bytes are exactly those of ``orjson.dumps(data)`` (a slice ``{"1":…,"2":…}``
without its braces is the same members as in the whole table; ``json_bytes``
writes small slices without loading orjson, with the same bytes), returned as
the pieces to write one after the other: joining them would copy the whole
journal once more (as slow as the serialisation itself on a busy machine).
"""

from __future__ import annotations

import threading
import time
from itertools import islice
from typing import Any

from journal.core.storage import json_bytes

STEP_SECONDS = 0.0005
PAUSE_SECONDS = 0.0005
FIRST_SLICE = 16
LARGEST_SLICE = 4096


Piece = bytes | memoryview


def dumps_in_steps(data: Any) -> list[Piece]:
    """The pieces of ``orjson.dumps(data)``; a dict of tables is serialised a slice of documents at a time."""
    if not isinstance(data, dict) or any(type(key) is not str for key in data):
        return [json_bytes.dumps(data)]  # not a journal's shape: one step (and orjson's own error if it cannot)
    pieces: list[Piece] = [b"{"]
    for position, (name, table) in enumerate(data.items()):
        if position:
            pieces.append(b",")
        pieces.append(json_bytes.dumps(name))
        pieces.append(b":")
        if isinstance(table, dict) and len(table) > 1:
            _table_in_slices(table, pieces)
        else:
            pieces.append(json_bytes.dumps(table))
    pieces.append(b"}")
    return pieces


def _table_in_slices(table: dict, pieces: list[Piece]) -> None:
    pieces.append(b"{")
    background = threading.current_thread() is not threading.main_thread()
    items = iter(table.items())
    size = FIRST_SLICE
    first = True
    while True:
        started = time.perf_counter()
        dumped = json_bytes.dumps(dict(islice(items, size)))
        if len(dumped) == 2:  # "{}": no documents left
            break
        if not first:
            pieces.append(b",")
        pieces.append(memoryview(dumped)[1:-1])
        first = False
        elapsed = time.perf_counter() - started
        if background:
            time.sleep(PAUSE_SECONDS)
        if elapsed < STEP_SECONDS / 2:
            size = min(size * 2, LARGEST_SLICE)
        elif elapsed > STEP_SECONDS * 2:
            size = max(size // 2, 1)
    pieces.append(b"}")
