"""F1 opens the contextual help in every screen; ? does too wherever it would not be typed."""

from __future__ import annotations

import pytest
from textual.widgets import TextArea

from journal.core.store import JournalStore
from journal.tui.app import BilanApp
from journal.tui.screens.exercise import ExerciseScreen
from journal.tui.screens.export import ExportScreen
from journal.tui.screens.help import HelpScreen, HelpText
from journal.tui.screens.history import HistoryScreen
from journal.tui.screens.home import HomeScreen
from journal.tui.screens.instances import InstancePicker
from journal.tui.screens.comparison import ComparisonScreen
from journal.tui.screens.missing_answers import MissingAnswersScreen
from journal.tui.screens.notes import NotesScreen
from journal.tui.screens.search import SearchScreen


async def reach(pilot, where: str):
    app = pilot.app
    await pilot.pause()
    if where == "exercise":
        app.open_exercise(app.catalogue.get("ma-demande"))
    elif where == "notes":
        await pilot.press("n")
    elif where == "export":
        await pilot.press("e")
    elif where == "history":
        app.open_exercise(app.catalogue.get("ma-demande"))
        await pilot.pause()
        await pilot.press("f2")
    elif where == "missing":
        app.open_exercise(app.catalogue.get("mes-valeurs"))
        await pilot.pause()
        await pilot.press("ctrl+t")
    elif where == "comparison":
        exercise = next(e for e in app.catalogue.exercises if e.repeatable)
        for instance in (1, 2):
            app.store.entries.save_answer(exercise.id, exercise.prompts[0].id, f"fiche {instance}", instance)
        app.push_screen(ComparisonScreen(exercise, app.store.entries.for_exercise(exercise.id)))
    elif where == "search":
        await pilot.press("ctrl+f")
    elif where == "instances":
        app.store.entries.save_answer("point-de-suivi", app.catalogue.get("point-de-suivi").prompts[0].id, "x", 1)
        app.open_exercise(app.catalogue.get("point-de-suivi"))
    await pilot.pause(0.3)
    return app.screen


SCREENS = {
    "home": HomeScreen,
    "exercise": ExerciseScreen,
    "notes": NotesScreen,
    "export": ExportScreen,
    "history": HistoryScreen,
    "instances": InstancePicker,
    "missing": MissingAnswersScreen,
    "comparison": ComparisonScreen,
    "search": SearchScreen,
}


@pytest.mark.parametrize("where", SCREENS)
async def test_f1_and_question_mark_open_help_in_every_screen(where, data_dir, catalogue):
    store = JournalStore(data_dir)
    app = BilanApp(store, catalogue)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await reach(pilot, where)
        assert isinstance(screen, SCREENS[where])
        await pilot.press("f1")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        text = app.screen.markdown
        assert "Les touches de cet écran" in text and "Ce qu'est un bilan" in text and "vie privée" in text
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is screen
        # ? opens it too once the focus is off any text field.
        app.set_focus(None)
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        await pilot.press("question_mark")
        await pilot.pause()
        assert app.screen is screen
    store.close()


async def test_question_mark_is_typed_in_an_answer_and_help_is_about_the_exercise(data_dir, catalogue):
    store = JournalStore(data_dir)
    app = BilanApp(store, catalogue)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await reach(pilot, "exercise")
        area = screen.query_one(TextArea)
        area.focus()
        await pilot.press(*"Pourquoi?")
        assert area.text.endswith("Pourquoi?")
        assert not isinstance(app.screen, HelpScreen)
        await pilot.press("f1")
        await pilot.pause()
        text = app.screen.markdown
        assert "Cet exercice\u00a0: Ma demande" in text
        assert "**ctrl+t**" in text.lower() or "^t" in text
        assert app.screen.query_one(HelpText)
    store.close()
