"""Keys typed right after Enter (while the exercise opens) land in the first answer, none lost."""

from __future__ import annotations

import asyncio

from textual import events

from journal.core.store import JournalStore
from journal.tui.app import BilanApp
from journal.tui.screens.exercise import ExerciseScreen


async def test_keys_typed_within_50_ms_after_enter_are_kept(data_dir, catalogue):
    store = JournalStore(data_dir)
    app = BilanApp(store, catalogue)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        # As a terminal delivers them: Enter, then letters a few milliseconds apart, no waiting for the screen.
        app.post_message(events.Key("enter", "\r"))
        for letter in "nez":
            app.post_message(events.Key(letter, letter))
        await pilot.pause(1.0)
        screen = app.screen
        assert isinstance(screen, ExerciseScreen)
        assert screen.focused.text == "nez"
    store.close()
