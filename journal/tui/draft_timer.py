"""Saves the text being typed (a note, a question) as a draft a moment after the last key: a crash or a closed
terminal loses at most that moment, and typing is not slowed by a save at every key."""

from __future__ import annotations

from collections.abc import Callable

from textual.timer import Timer
from textual.widget import Widget

DRAFT_DELAY = 0.4


class DraftTimer:
    def __init__(self, owner: Widget, save: Callable[[], object]):
        self._owner = owner
        self._save = save
        self._timer: Timer | None = None

    def restart(self) -> None:
        """A key was typed: save once the typing pauses."""
        self.stop()
        self._timer = self._owner.set_timer(DRAFT_DELAY, self._save)

    def stop(self) -> None:
        """The text is being saved for good (or left): no draft save is due any more."""
        if self._timer is not None:
            self._timer.stop()
            self._timer = None
