"""The cyclic garbage collector paused while long-lived objects, or trees without cycles, are made.

Two uses. Start-up (modules, the parser, the exercises, the journal) makes
objects that stay for the whole command: pausing alone would only defer the
collector's passes over them, so they are then frozen (``gc.freeze``) out of
every later pass; they are still freed as usual when nothing refers to them.
A summary and its document are new trees of records, tuples, lists and
strings without a single reference cycle: reference counting frees them, and
the collector would only walk them, and the loaded journal with them (15 ms of
a 20,000-note export, a 55 ms full pass on the stress journal's).
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def collector_paused(*, freeze: bool = False) -> Iterator[None]:
    """Pause the cyclic collector (if it runs) for the duration; it is switched back on after,
    having first frozen what exists when ``freeze``."""
    running = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if running:
            if freeze:
                gc.freeze()
            gc.enable()
