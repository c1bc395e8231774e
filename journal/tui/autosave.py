"""Saves answers shortly after the worker stops typing, off the UI thread.

Changes collect in a pending map; a short debounce later a worker thread hands
them to the journal store. ``flush`` saves whatever is pending right away (on
leaving a screen, on quit), so nothing shown for more than a moment is lost.
"""

from __future__ import annotations

import threading
from typing import Any, Callable

from journal.core.store import JournalStore


class Autosave:
    def __init__(self, store: JournalStore, exercise_id: str, instance: int, on_saved: Callable[[Exception | None], None]):
        self.store = store
        self.exercise_id = exercise_id
        self.instance = instance
        self.on_saved = on_saved
        self._pending: dict[str, Any] = {}
        self._carried: dict[str, Any] = {}
        self._lock = threading.Lock()
        self._save_lock = threading.Lock()

    def carry(self, prompt_id: str, value: Any) -> None:
        """A value shown but not yet typed by the worker (a pre-fill): saved with the first real change."""
        self._carried[prompt_id] = value

    def change(self, prompt_id: str, value: Any) -> None:
        with self._lock:
            if self._carried:
                for carried_id, carried in self._carried.items():
                    self._pending.setdefault(carried_id, carried)
                self._carried.clear()
            self._pending[prompt_id] = value

    @property
    def has_pending(self) -> bool:
        with self._lock:
            return bool(self._pending)

    def flush(self) -> Exception | None:
        """Save all pending answers now (safe to call from any thread)."""
        with self._save_lock:
            with self._lock:
                pending, self._pending = self._pending, {}
            error = None
            for prompt_id, value in pending.items():
                try:
                    self.store.entries.save_answer(self.exercise_id, prompt_id, value, self.instance)
                except Exception as failure:  # noqa: BLE001 - reported to the worker, answer kept pending
                    error = failure
                    with self._lock:
                        self._pending.setdefault(prompt_id, value)
        # Reported once the save lock is released: ``on_saved`` may wait for the UI thread, and the UI
        # thread may be waiting for this lock in its own ``flush`` (leaving the screen during a save).
        if pending:
            self.on_saved(error)
        return error
