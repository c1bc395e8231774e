"""A large journal is read after the first screen: titles at once, states « … » until read, keys kept, same errors."""

from __future__ import annotations

import threading

from textual import events
from textual.widgets import OptionList, Static

from journal.core.models import EntryStatus, Phase
from journal.core.store import JournalStore
from journal.tui.app import BilanApp
from journal.tui.journal_opening import JournalOpening
from journal.tui.screens.exercise import ExerciseScreen
from journal.tui.screens.home import STATUS_MARKS, UNKNOWN, HomeScreen


class Gate:
    """Opens the journal only once the test lets it through, as a long read would take its time."""

    def __init__(self, data_dir, **options):
        self.data_dir = data_dir
        self.options = options
        self.through = threading.Event()

    def __call__(self):
        assert self.through.wait(20)
        return JournalStore(self.data_dir, **self.options)


def _later(data_dir, catalogue, gate, **options) -> BilanApp:
    return BilanApp(None, catalogue, opening=JournalOpening(gate, data_dir), **options)


def _lines(app) -> list[str]:
    option_list = app.screen.query_one(OptionList)
    return [str(option_list.get_option_at_index(index).prompt) for index in range(option_list.option_count)]


async def _until(pilot, condition, rounds: int = 100) -> bool:
    for _ in range(rounds):
        if condition():
            return True
        await pilot.pause(0.05)
    return condition()


async def test_titles_first_states_unknown_then_read_and_keys_typed_meanwhile_kept(data_dir, catalogue):
    first = catalogue.in_phase(Phase.PRELIMINAIRE)[0]
    assert not first.repeatable
    store = JournalStore(data_dir)
    store.entries.save_answer(first.id, first.prompts[0].id, "déjà")
    store.entries.set_status(first.id, EntryStatus.DONE)
    store.close()
    gate = Gate(data_dir)
    app = _later(data_dir, catalogue, gate)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen) and app.store is None
        lines = _lines(app)
        assert any(str(first.title) in line for line in lines)
        assert not any(mark in line for line in lines for mark in STATUS_MARKS.values()), "no state shown before it is known"
        assert f"{UNKNOWN} {first.title}" in "\n".join(lines)
        # Down to the first exercise (finished), Enter to open it, then a few letters: all typed before the journal is read.
        for key, character in (("down", None), ("enter", "\r"), ("x", "x"), ("y", "y")):
            app.post_message(events.Key(key, character))
        await pilot.pause(0.2)
        assert isinstance(app.screen, HomeScreen), "nothing opens before the journal is read"
        gate.through.set()
        assert await _until(pilot, lambda: isinstance(app.screen, ExerciseScreen) and app.screen.focused is not None and "xy" in (app.screen.focused.text or ""))
        assert app.screen.exercise.id == first.id
        await pilot.press("escape")
        assert await _until(pilot, lambda: isinstance(app.screen, HomeScreen))
        assert f"{STATUS_MARKS[EntryStatus.DONE]} {first.title}" in "\n".join(_lines(app))
    app.opening.wait().close()
