"""The app as a worker uses it: open an exercise, type, quit, come back, find every word."""

from __future__ import annotations

from textual.widgets import Button, OptionList, TextArea

from journal.core.models import EntryStatus
from journal.core.store import JournalStore
from journal.tui.app import BilanApp
from journal.tui.screens.exercise import ExerciseScreen
from journal.tui.screens.home import HomeScreen
from journal.tui.screens.missing_answers import MissingAnswersScreen

SIZE = (80, 24)


async def open_first_exercise(pilot) -> ExerciseScreen:
    await pilot.pause()
    assert isinstance(pilot.app.screen, HomeScreen)
    await pilot.press("enter")
    await pilot.pause()
    assert isinstance(pilot.app.screen, ExerciseScreen)
    return pilot.app.screen


async def test_typed_answer_survives_quit_and_reopen(data_dir, catalogue):
    store = JournalStore(data_dir)
    app = BilanApp(store, catalogue)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_first_exercise(pilot)
        assert screen.exercise.id == "ma-demande"
        area = screen.query_one(TextArea)
        for _ in range(8):
            if area.has_focus:
                break
            await pilot.press("tab")
        assert area.has_focus
        await pilot.press(*"Je veux [changer] de cap")
        await pilot.press("ctrl+q")
    store.close()

    reopened = JournalStore(data_dir)
    assert reopened.entries.get("ma-demande").answers["pourquoi-maintenant"] == "Je veux [changer] de cap"
    app = BilanApp(reopened, catalogue)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_first_exercise(pilot)
        assert screen.query_one(TextArea).text == "Je veux [changer] de cap"
        await pilot.press("ctrl+t")
        await pilot.pause()
        # Other required questions are still empty: « terminé » asks first.
        assert isinstance(app.screen, MissingAnswersScreen)
        app.screen.query_one("#done-anyway", Button).press()
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
    assert reopened.entries.get("ma-demande").status is EntryStatus.DONE
    reopened.close()


async def test_answer_is_saved_while_typing(data_dir, catalogue):
    store = JournalStore(data_dir)
    app = BilanApp(store, catalogue)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_first_exercise(pilot)
        screen.query_one(TextArea).focus()
        await pilot.press(*"Une phrase")
        await pilot.pause(1.0)
        await app.workers.wait_for_complete()
        with JournalStore(data_dir) as other_window:
            assert other_window.entries.get("ma-demande").answers["pourquoi-maintenant"] == "Une phrase"
    store.close()


async def test_home_lists_four_phases_and_opens_any_exercise(data_dir, catalogue):
    store = JournalStore(data_dir)
    app = BilanApp(store, catalogue)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        option_list = app.screen.query_one(OptionList)
        headings = [
            str(option_list.get_option_at_index(i).prompt)
            for i in range(option_list.option_count)
            if option_list.get_option_at_index(i).disabled
        ]
        assert [h.split("  ")[0] for h in headings] == [
            "Par où commencer\u00a0?",
            "Phase 1 — Préliminaire",
            "Phase 2 — Investigation",
            "Phase 3 — Conclusion",
            "Phase 4 — Suivi",
        ]
        await pilot.press("end")
        await pilot.press("up", "enter")
        await pilot.pause()
        assert isinstance(app.screen, ExerciseScreen)
        assert app.screen.exercise.id == "regard-sur-mon-bilan"
    store.close()


async def test_note_typed_in_the_app_is_kept_on_quit(data_dir, catalogue):
    store = JournalStore(data_dir)
    app = BilanApp(store, catalogue)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("n")
        await pilot.pause()
        await pilot.press(*"Idée du soir")
        await pilot.press("ctrl+q")
    assert [note.text for note in store.notes.all()] == ["Idée du soir"]
    store.close()


async def test_earlier_version_is_shown_after_coming_back(data_dir, catalogue):
    from textual.widgets import Static

    from journal.tui.screens.history import HistoryScreen

    with JournalStore(data_dir) as first_day:
        first_day.entries.save_answer("ma-demande", "pourquoi-maintenant", "Première idée")
    store = JournalStore(data_dir)
    store.entries.save_answer("ma-demande", "pourquoi-maintenant", "Idée revue")
    app = BilanApp(store, catalogue)
    async with app.run_test(size=SIZE) as pilot:
        await open_first_exercise(pilot)
        await pilot.press("f2")
        await pilot.pause()
        assert isinstance(app.screen, HistoryScreen)
        shown = str(app.screen.query_one("#diff", Static).render())
        assert "[-Première idée-][+Idée revue+]" in shown
        await pilot.press("escape")
    store.close()


async def test_quit_waits_when_an_answer_could_not_be_saved(data_dir, catalogue, monkeypatch):
    from journal.core.storage import JournalError

    store = JournalStore(data_dir)

    def disk_full(*args, **kwargs):
        raise JournalError("disque plein")

    monkeypatch.setattr(store.entries, "save_answer", disk_full)
    app = BilanApp(store, catalogue)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_first_exercise(pilot)
        screen.query_one(TextArea).focus()
        await pilot.press(*"Texte précieux")
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is screen, "leaving must not drop an answer that was not saved"
        await pilot.press("ctrl+q")
        await pilot.pause()
        assert app.is_running and screen.autosave.has_pending
        await pilot.press("ctrl+q")
        await pilot.pause()
    assert not app.is_running
    store.close()
