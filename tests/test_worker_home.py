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


def test_exercises_to_go_further_are_marked_in_the_list_and_the_command_line(catalogue, capsys):
    import json

    from journal.cli.main import main

    further = [exercise for exercise in catalogue.exercises if not exercise.essential]
    assert further and len(further) < len(catalogue.exercises)
    assert main(["exercises", "list"]) == 0
    lines = capsys.readouterr().out.splitlines()
    for exercise in catalogue.exercises:
        line = next(line for line in lines if f" {exercise.id} " in line)
        assert line.endswith("min, pour aller plus loin)") == (not exercise.essential), line
    assert main(["exercises", "list", "--json"]) == 0
    rows = {row["id"]: row["depth"] for row in json.loads(capsys.readouterr().out)}
    assert rows == {exercise.id: exercise.depth.value for exercise in catalogue.exercises}


async def test_the_home_list_marks_what_goes_further_and_says_so(data_dir, catalogue):
    from journal.core.store import JournalStore
    from journal.tui.app import BilanApp

    store = JournalStore(data_dir)
    app = BilanApp(store, catalogue)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        options = app.screen.query_one("#exercise-list")
        for exercise in catalogue.exercises:
            index = next(i for i in range(options.option_count) if options.get_option_at_index(i).id == f"exercise:{exercise.id}")
            assert str(options.get_option_at_index(index).prompt).endswith("  +") == (not exercise.essential)
        further = next(exercise for exercise in catalogue.exercises if not exercise.essential)
        options.highlighted = next(i for i in range(options.option_count) if options.get_option_at_index(i).id == f"exercise:{further.id}")
        await pilot.pause()
        detail = str(app.screen.query_one("#detail").render())
        assert "pour aller plus loin" in detail and "+ pour aller plus loin (hors du chemin court)" in detail
    store.close()
