"""Summaries are built and rendered with the cyclic garbage collector paused.

A summary and its document are new trees of dataclasses, tuples, lists and
strings without a single reference cycle: reference counting frees every one
of them. The cyclic collector would still walk them, and the loaded journal
with them, every few hundred allocations: 15 ms of a 20,000-note export, and
55 ms (a full pass) of the stress journal's.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def collector_paused() -> Iterator[None]:
    """Pause the cyclic collector (if it runs) for the duration; it is switched back on after."""
    running = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if running:
            gc.enable()
