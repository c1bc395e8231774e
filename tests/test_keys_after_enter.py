"""After Enter opens a screen, the keys typed next reach that screen as soon as it can take them.

Enter on a list that opens something holds the keys typed meanwhile for the
screen being opened (an exercise takes a moment to mount). The sheet picker of
a repeatable exercise and the side-by-side view are opened that way too: their
keys were held until the time limit (5 s), so the picker seemed frozen. And a
hold's time limit ends that hold only, not one begun by a later Enter.

A held key is handed on as typed: Esc (or F2) typed before the exercise is on
screen reaches the exercise's own binding. It was lost: the key was handed on
as a copy made while the exercise screen ran, so that screen was its sender,
and Textual stops a key's bubbling at its sender, short of the app, which runs
the screen's bindings.
"""

from __future__ import annotations

from textual import events
from textual.widgets import DataTable, OptionList, Static

from journal.core.store import JournalStore
from journal.tui import app as app_module
from journal.tui.app import BilanApp
from journal.tui.screens.comparison import ComparisonScreen
from journal.tui.screens.exercise import ExerciseScreen
from journal.tui.screens.history import HistoryScreen
from journal.tui.screens.home import HomeScreen
from journal.tui.screens.instances import InstancePicker

SIZE = (80, 24)
LONG_ANSWER = "Je dors mal depuis la réorganisation du service, et les trajets me prennent deux heures par jour."


def two_sheets(data_dir) -> JournalStore:
    store = JournalStore(data_dir)
    store.entries.save_answer("ou-j-en-suis", "clarte-projet", 1, instance=1)
    store.entries.save_answer("ou-j-en-suis", "energie-pourquoi", LONG_ANSWER, instance=1)
    second = store.entries.new_instance("ou-j-en-suis")
    store.entries.save_answer("ou-j-en-suis", "clarte-projet", 4, instance=second)
    return store


async def enter_on_ou_j_en_suis(pilot) -> InstancePicker:
    """Enter on « Où j'en suis » in the home list: its sheet picker, a moment later."""
    await pilot.pause()
    home = pilot.app.screen
    assert isinstance(home, HomeScreen)
    option_list = home.query_one(OptionList)
    option_list.highlighted = option_list.get_option_index("exercise:ou-j-en-suis")
    await pilot.press("enter")
    await pilot.pause(0.2)
    assert isinstance(pilot.app.screen, InstancePicker)
    return pilot.app.screen


async def test_the_sheet_picker_takes_keys_at_once(data_dir, catalogue):
    store = two_sheets(data_dir)
    app = BilanApp(store, catalogue)
    async with app.run_test(size=SIZE) as pilot:
        options = (await enter_on_ou_j_en_suis(pilot)).query_one(OptionList)
        before = options.highlighted
        await pilot.press("down")
        await pilot.pause(0.2)
        assert options.highlighted == before + 1, "the arrow moved the picker's highlight, not 5 s later"
    store.close()


async def test_the_side_by_side_view_takes_keys_at_once_and_shows_the_answers_whole(data_dir, catalogue):
    store = two_sheets(data_dir)
    app = BilanApp(store, catalogue)
    async with app.run_test(size=SIZE) as pilot:
        await enter_on_ou_j_en_suis(pilot)
        await pilot.press("down", "enter")  # « Voir côte à côte », second in the picker
        await pilot.pause(0.2)
        screen = app.screen
        assert isinstance(screen, ComparisonScreen)
        table = screen.query_one(DataTable)
        cut = [str(cell) for cell in table.get_row_at(1)]
        assert cut[1].endswith("…") and len(cut[1]) < len(LONG_ANSWER), "the table shows a short line"
        await pilot.press("down")
        await pilot.pause(0.2)
        assert table.cursor_row == 1
        shown = str(screen.query_one("#comparison-full", Static).render())
        question = str(catalogue.get("ou-j-en-suis").prompt("energie-pourquoi").label)
        assert shown.startswith(question)
        assert LONG_ANSWER in shown, "below the table, the whole answer"
        assert "(pas de réponse sur cette fiche)" in shown, "the second sheet has no answer to that question"
        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(app.screen, ComparisonScreen)
    store.close()


async def test_a_hold_s_time_limit_ends_that_hold_only(data_dir, catalogue, monkeypatch):
    monkeypatch.setattr(app_module, "HOLD_LIMIT", 0.4)
    store = JournalStore(data_dir)
    app = BilanApp(store, catalogue)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        app.hold_keys()
        app.release_keys(force=True)  # the first screen opened at once
        await pilot.pause(0.25)
        app.hold_keys()  # Enter again: a slower screen is opening
        await pilot.pause(0.25)  # the first hold's limit has passed, not the second's
        assert app._held_keys is not None, "the keys typed since the second Enter are still kept for its screen"
        await pilot.pause(0.3)
        assert app._held_keys is None, "and handed on at the second hold's own limit"
    store.close()


def type_at_once(app: BilanApp, *keys: str) -> None:
    """Keys read in one go, as a terminal delivers them: all queued before the app handles the first."""
    for key in keys:
        app.post_message(events.Key(key, {"escape": "\x1b", "enter": "\r"}.get(key)))


async def handed_on(pilot, condition) -> bool:
    """Whether, once the keys held for the screen being opened are handed on, ``condition()`` comes to hold."""
    for _ in range(200):  # at most about 10 s, for a busy machine
        if pilot.app._held_keys is None and condition():
            return True
        await pilot.pause(0.05)
    return False


async def open_with_keys(pilot, exercise_id: str, *keys: str) -> OptionList:
    """Enter on ``exercise_id`` in the home list, with ``keys`` typed before its screen is even built."""
    await pilot.pause()
    options = pilot.app.screen.query_one(OptionList)
    options.highlighted = options.get_option_index(f"exercise:{exercise_id}")
    type_at_once(pilot.app, "enter", *keys)
    return options


async def test_esc_typed_while_an_exercise_opens_goes_back_and_the_next_keys_reach_the_list(data_dir, catalogue):
    store = JournalStore(data_dir)
    app = BilanApp(store, catalogue)
    async with app.run_test(size=SIZE) as pilot:
        home = app.screen
        options = await open_with_keys(pilot, "mon-equilibre", "escape", "down")
        below = options.highlighted + 1
        assert await handed_on(pilot, lambda: app.screen is home and options.highlighted == below), (
            "Esc left the exercise, and Down moved through the list"
        )
        entry = store.entries.latest("mon-equilibre", 1)
        assert entry is None or not entry.answers, "no key reached the first question"
    store.close()


async def test_an_exercise_s_own_key_typed_while_it_opens_works_once_it_is_shown(data_dir, catalogue):
    store = JournalStore(data_dir)
    app = BilanApp(store, catalogue)
    async with app.run_test(size=SIZE) as pilot:
        await open_with_keys(pilot, "mon-equilibre", "f2")
        assert await handed_on(pilot, lambda: isinstance(app.screen, HistoryScreen)), "F2 opened the history"
        assert isinstance(app.screen_stack[-2], ExerciseScreen)
    store.close()
