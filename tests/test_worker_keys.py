"""Keys typed right after Enter (while the exercise opens) land in the first answer, none lost."""

from __future__ import annotations

import pytest
from textual import events

from journal.core.store import JournalStore
from journal.tui.app import BilanApp
from journal.tui.screens.exercise import ExerciseScreen


@pytest.mark.parametrize(
    "enter, letters",
    [
        pytest.param(events.Key("enter", "\r"), "nez", id="enter"),
        # A terminal not yet in raw mode turns Enter into a line feed: Textual reads it as ctrl+j.
        pytest.param(events.Key("ctrl+j", "\n"), "ok", id="line-feed-before-raw-mode"),
    ],
)
async def test_keys_typed_within_50_ms_after_enter_are_kept(data_dir, catalogue, enter, letters):
    store = JournalStore(data_dir)
    app = BilanApp(store, catalogue)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        # As a terminal delivers them: Enter, then letters a few milliseconds apart, no waiting for the screen.
        app.post_message(enter)
        for letter in letters:
            app.post_message(events.Key(letter, letter))
        # On a busy machine the exercise can take a while to mount, and the held keys to arrive one after the
        # other once it has: wait for as many letters as were typed (or 8 seconds).
        for _ in range(80):
            await pilot.pause(0.1)
            screen = app.screen
            if isinstance(screen, ExerciseScreen) and screen.focused is not None and len(screen.focused.text) >= len(letters):
                break
        assert isinstance(screen, ExerciseScreen)
        assert screen.focused.text == letters
    store.close()


async def test_every_key_tells_the_collector_that_the_worker_is_typing(data_dir, catalogue):
    from journal.tui.runtime import IdleCollector

    store = JournalStore(data_dir)
    app = BilanApp(store, catalogue)
    async with app.run_test(size=(80, 24)) as pilot:
        collector = IdleCollector(due_after=1)
        collector._last_input = 0.0
        app.collector = collector
        await pilot.press("down")
        assert collector._last_input > 0.0
    store.close()


async def test_a_key_bubbling_back_after_the_last_screen_closed_is_dropped(data_dir, catalogue):
    store = JournalStore(data_dir)
    app = BilanApp(store, catalogue)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        stack = app._screen_stack
        saved = list(stack)
        stack.clear()
        forwarded = events.Key("x", "x")
        forwarded._set_forwarded()
        await app.on_event(forwarded)
        await app.on_event(events.Key("y", "y"))
        stack.extend(saved)
    store.close()
