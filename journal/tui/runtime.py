"""What the app changes in Python's runtime while it runs, so that typing never waits for it.

Three pauses a worker would feel, measured by ``python -m benchmarks typing``:

- The cyclic garbage collector. The journal and the modules, loaded before the
  app starts, live as long as it does: ``gc.freeze()`` moves them out of the
  collector's reach. What the screens create still grows the oldest
  generation, and a full pass over it took 65–115 ms in the middle of typing.
  Full passes are therefore postponed while keys come in and run once input
  has been quiet for ``IDLE_SECONDS`` (checked by the app's timer), or in any
  case after ``FORCE_AFTER`` young collections; the young collections that
  keep running while typing walk only recent objects (a few milliseconds).
  From the start of ``run`` until the first screen is drawn the collector does
  not run at all (``IdleCollector.first_screen_drawn`` switches it back on):
  what is made meanwhile — the stylesheet, the screen's widgets — is new and
  lives on, so a pass would only walk it (10–20 ms of start-up).
- The interpreter lock. A save serialises the journal in a thread; the UI
  thread gets the lock back after at most the switch interval, lowered from
  5 ms to ``SWITCH_INTERVAL`` (see also ``journal.core.storage.codec.encode``,
  which serialises in short steps so that it can hand the lock over).

Everything is restored when the app stops, so tests and commands that run in
the same process afterwards get Python's defaults back (the frozen objects
stay frozen: they are the journal and modules still in use).
"""

from __future__ import annotations

import gc
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager

IDLE_SECONDS = 1.0
CHECK_SECONDS = 0.5
SWITCH_INTERVAL = 0.001
POSTPONED = 1_000_000_000  # an oldest-generation threshold the collector never reaches by itself
FORCE_AFTER = 2_000  # young collections (each after ~7,000 allocations): a full pass runs even mid-typing


class IdleCollector:
    """Runs the full collections the collector would have run, at moments when nobody is typing."""

    def __init__(self, due_after: int, *, paused: bool = False):
        self.due_after = max(1, due_after)
        self.full_passes = 0
        self._last_input = time.monotonic()
        self._paused = paused  # the collector was on, and is off until the first screen is drawn

    def first_screen_drawn(self) -> None:
        """Switch the collector back on, if ``tuned_for_typing`` switched it off for the start."""
        if self._paused:
            self._paused = False
            gc.enable()

    def input_seen(self) -> None:
        self._last_input = time.monotonic()

    def due(self) -> bool:
        """Whether a full pass is owed (as many young collections as Python's own threshold)."""
        return gc.get_count()[2] >= self.due_after

    def tick(self) -> bool:
        """Collect everything if a pass is owed and input is quiet (or it has been put off too long)."""
        if not self.due():
            return False
        quiet = time.monotonic() - self._last_input >= IDLE_SECONDS
        if not quiet and gc.get_count()[2] < FORCE_AFTER:
            return False
        gc.collect()
        self.full_passes += 1
        return True


@contextmanager
def tuned_for_typing() -> Iterator[IdleCollector]:
    """Freeze what is loaded, postpone full collections to idle moments, shorten the lock's switch interval.

    The collector is off until ``first_screen_drawn`` is called on what this yields (or until the end).
    """
    thresholds = gc.get_threshold()
    interval = sys.getswitchinterval()
    running = gc.isenabled()
    gc.disable()
    gc.freeze()
    gc.set_threshold(thresholds[0], thresholds[1], POSTPONED)
    sys.setswitchinterval(SWITCH_INTERVAL)
    try:
        yield IdleCollector(thresholds[2], paused=running)
    finally:
        gc.set_threshold(*thresholds)
        sys.setswitchinterval(interval)
        if running:
            gc.enable()
