"""Home « Par où commencer ? »: one suggested next step that Enter opens, and progress per phase."""

from __future__ import annotations

from textual.widgets import Static

from journal.core.models import EntryStatus, Phase
from journal.core.progress import bar
from journal.core.store import JournalStore
from journal.tui.app import BilanApp
from journal.tui.screens.exercise import ExerciseScreen


async def test_enter_opens_the_suggested_exercise_and_progress_is_shown(data_dir, catalogue):
    store = JournalStore(data_dir)
    store.entries.set_status("ma-demande", EntryStatus.DONE)
    store.entries.save_answer("mes-reussites", catalogue.get("mes-reussites").prompts[0].id, "Un projet mené")
    app = BilanApp(store, catalogue)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        detail = str(app.screen.query_one("#detail", Static).render())
        assert "➜ Mes réussites" in detail
        assert "Vous l'avez commencé" in detail
        assert f"1 exercice terminé sur {len(catalogue.exercises)}" in detail.replace("\n", " ")
        first_phase = len(catalogue.in_phase(Phase.PRELIMINAIRE))
        assert f"Préliminaire\u00a0: 1/{first_phase}" in detail and bar(1, first_phase) in detail
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ExerciseScreen) and app.screen.exercise.id == "mes-reussites"
        await pilot.press("escape")
        await pilot.pause()
        # Back home, the suggestion stays highlighted and still opens with Enter.
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen.exercise.id == "mes-reussites"
    store.close()
