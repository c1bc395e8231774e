"""After Enter opens a screen, the keys typed next reach that screen as soon as it can take them.

Enter on a list that opens something holds the keys typed meanwhile for the
screen being opened (an exercise takes a moment to mount). The sheet picker of
a repeatable exercise and the side-by-side view are opened that way too: their
keys were held until the time limit (5 s), so the picker seemed frozen. And a
hold's time limit ends that hold only, not one begun by a later Enter.
"""

from __future__ import annotations

from textual.widgets import DataTable, OptionList, Static

from journal.core.store import JournalStore
from journal.tui import app as app_module
from journal.tui.app import BilanApp
from journal.tui.screens.comparison import ComparisonScreen
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
