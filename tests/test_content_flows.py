"""The new exercises as a worker uses them: they open, save as typed, export; « terminé » asks
when required answers are empty; « Où j'en suis » shows its dated sheets side by side; the
decision table follows the ratings; the help shows « Prendre soin de soi »."""

from __future__ import annotations

import pytest
from textual.widgets import Button, DataTable, Markdown

from journal.core.export import build_summary, render
from journal.core.models import EntryStatus
from journal.core.store import JournalStore
from journal.tui.app import BilanApp
from journal.tui.screens.comparison import ComparisonScreen
from journal.tui.screens.exercise import ExerciseScreen
from journal.tui.screens.help import HelpScreen, HelpText
from journal.tui.screens.instances import InstancePicker
from journal.tui.screens.missing_answers import MissingAnswersScreen
from journal.tui.widgets.decision_table import DecisionTableView
from journal.tui.widgets.editors import editor_for

SIZE = (80, 24)
NEW_EXERCISES = ("mon-emploi-actuel", "ou-j-en-suis", "mes-recherches", "aide-a-la-decision", "regard-sur-mon-bilan")


async def open_exercise(pilot, exercise_id: str) -> ExerciseScreen:
    await pilot.pause()
    pilot.app.open_exercise(pilot.app.catalogue.get(exercise_id))
    await pilot.pause()
    assert isinstance(pilot.app.screen, ExerciseScreen)
    return pilot.app.screen


@pytest.mark.parametrize("exercise_id", NEW_EXERCISES)
async def test_new_exercise_opens_saves_and_exports(data_dir, catalogue, exercise_id):
    store = JournalStore(data_dir)
    app = BilanApp(store, catalogue)
    exercise = catalogue.get(exercise_id)
    prompt = next(p for p in exercise.prompts if p.kind in ("long_text", "short_text", "list"))
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_exercise(pilot, exercise_id)
        editor = screen.query_one(f"#prompt-{prompt.id}")
        editor.set_value("Réponse de test" if prompt.kind != "list" else ["Réponse de test"])
        await pilot.pause(0.6)
        await pilot.press("escape")
        await pilot.pause()
    saved = store.entries.for_exercise(exercise_id)[0].answer(prompt.id)
    assert saved in ("Réponse de test", ["Réponse de test"])
    assert "Réponse de test" in render(build_summary(store, catalogue), "markdown")
    store.close()


async def test_done_with_empty_required_answers_asks_and_lists_them(data_dir, catalogue):
    store = JournalStore(data_dir)
    app = BilanApp(store, catalogue)
    async with app.run_test(size=SIZE) as pilot:
        await open_exercise(pilot, "mes-valeurs")
        await pilot.press("ctrl+t")
        await pilot.pause()
        modal = app.screen
        assert isinstance(modal, MissingAnswersScreen)
        listed = str(modal.query_one("#missing-list").render())
        assert str(catalogue.get("mes-valeurs").prompts[0].label) in listed
        await pilot.press("escape")  # the safe way out: nothing changes
        await pilot.pause()
        assert isinstance(app.screen, ExerciseScreen)
        assert store.entries.status("mes-valeurs") is not EntryStatus.DONE
        await pilot.press("ctrl+t")
        await pilot.pause()
        app.screen.query_one("#done-anyway", Button).press()
        await pilot.pause()
        assert isinstance(app.screen, ExerciseScreen)
    assert store.entries.status("mes-valeurs") is EntryStatus.DONE
    store.close()


async def test_done_with_everything_answered_does_not_ask(data_dir, catalogue):
    store = JournalStore(data_dir)
    exercise = catalogue.get("mon-emploi-actuel")
    for prompt in exercise.prompts:
        value = {"scale": 3, "multi_choice": ["formation"], "list": ["a"]}.get(prompt.kind, "texte")
        store.entries.save_answer(exercise.id, prompt.id, value)
    app = BilanApp(store, catalogue)
    async with app.run_test(size=SIZE) as pilot:
        await open_exercise(pilot, exercise.id)
        await pilot.press("ctrl+t")
        await pilot.pause()
        assert isinstance(app.screen, ExerciseScreen)
    assert store.entries.status(exercise.id) is EntryStatus.DONE
    store.close()


async def test_ou_j_en_suis_shows_two_sheets_side_by_side(data_dir, catalogue):
    store = JournalStore(data_dir)
    store.entries.save_answer("ou-j-en-suis", "clarte-projet", 1, instance=1)
    second = store.entries.new_instance("ou-j-en-suis")
    store.entries.save_answer("ou-j-en-suis", "clarte-projet", 4, instance=second)
    app = BilanApp(store, catalogue)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        app.open_exercise(catalogue.get("ou-j-en-suis"))
        await pilot.pause()
        picker = app.screen
        assert isinstance(picker, InstancePicker)
        picker.dismiss("compare")
        await pilot.pause()
        assert isinstance(app.screen, ComparisonScreen)
        table = app.screen.query_one(DataTable)
        assert len(table.columns) == 3
        cells = [str(cell) for cell in table.get_row_at(0)]
        assert cells[1].startswith("1/5") and cells[2].startswith("4/5")
        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(app.screen, ComparisonScreen)
    store.close()


async def test_decision_table_follows_the_ratings(data_dir, catalogue):
    store = JournalStore(data_dir)
    store.entries.save_answer("aide-a-la-decision", "criteres", [{"critere": "Autonomie", "poids": 4}])
    app = BilanApp(store, catalogue)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await open_exercise(pilot, "aide-a-la-decision")
        view = screen.query_one(DecisionTableView)
        assert "apparaîtra" in str(view.render())
        screen.query_one("#prompt-pistes").set_value([{"piste": "Formatrice", "critere-1": 5}])
        await pilot.pause()
        shown = str(view.render())
        assert "Autonomie (×4)" in shown and "Formatrice" in shown and "5,0" in shown
        await pilot.press("escape")
        await pilot.pause()
    store.close()


async def test_self_care_page_in_help_and_in_mon_equilibre(data_dir, catalogue):
    store = JournalStore(data_dir)
    app = BilanApp(store, catalogue)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        app.action_help()
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        assert app.screen.query_one("#page-prendre-soin-de-soi", HelpText)
        await pilot.press("escape")
        await pilot.pause()
        screen = await open_exercise(pilot, "mon-equilibre")
        assert screen.query_one("#page-prendre-soin-de-soi")
    store.close()


def test_every_new_exercise_has_an_editor_for_each_prompt(catalogue):
    for exercise_id in NEW_EXERCISES:
        for prompt in catalogue.get(exercise_id).prompts:
            assert editor_for(prompt, None) is not None
