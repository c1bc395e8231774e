"""Search across notes and answers, ignoring case and accents, in core, the CLI and the app."""

from __future__ import annotations

from textual.widgets import TextArea

from journal.cli.main import main
from journal.core.search import match_context, search
from journal.core.store import JournalStore
from journal.tui.app import BilanApp
from journal.tui.screens.exercise import ExerciseScreen
from journal.tui.screens.notes import NotesScreen
from journal.tui.screens.search import SearchScreen


def test_accents_and_case_are_ignored_and_context_is_the_original_text():
    assert match_context("Je suis allée à l'École normale", ["ecole"]) == "Je suis allée à l'École normale"
    assert match_context("ÉCOLE", ["ecole"]) == "ÉCOLE"
    assert match_context("Straße et école", ["strasse"]) == "Straße et école"
    assert match_context("un mot", ["mot", "absent"]) is None
    long = "a" * 100 + " cœur " + "b" * 100
    context = match_context(long, ["coeur"]) or match_context(long, ["cœur"])
    assert context.startswith("…") and context.endswith("…") and "cœur" in context


def test_search_finds_answers_and_notes_with_every_word(store, catalogue):
    exercise = catalogue.get("ma-demande")
    prompt = next(p for p in exercise.prompts if p.kind.value == "long_text")
    store.entries.save_answer(exercise.id, prompt.id, "Reprendre une formation à l'École du soir")
    store.notes.add("Appeler l'école demain", private=True)
    store.notes.add("Rien à voir")
    hits = search(store, catalogue, "ECOLE")
    assert [(hit.kind, hit.exercise_id, hit.prompt_id) for hit in hits][:1] == [("answer", exercise.id, prompt.id)]
    assert [hit.kind for hit in hits] == ["answer", "note"] and hits[1].private
    assert [hit.kind for hit in search(store, catalogue, "ecole formation")] == ["answer"]
    assert search(store, catalogue, "   ") == []


def test_bilan_search_prints_where_and_context(data_dir, catalogue, capsys):
    with JournalStore(data_dir) as store:
        store.notes.add("Visite de l'École des métiers")
    assert main(["--data", str(data_dir), "search", "ecole", "metiers"]) == 0
    out = capsys.readouterr().out
    assert "Note du" in out and "l'École des métiers" in out
    assert main(["--data", str(data_dir), "search", "introuvable"]) == 0
    assert "Aucun résultat" in capsys.readouterr().out


async def test_ctrl_f_from_an_exercise_opens_the_note_or_the_question(data_dir, catalogue):
    store = JournalStore(data_dir)
    exercise = catalogue.get("ma-demande")
    prompts = [p for p in exercise.prompts if p.kind.value == "long_text"]
    store.entries.save_answer(exercise.id, prompts[1].id, "Je rêve d'une école de musique")
    note = store.notes.add("Noté : portes ouvertes à l'École le 12")
    app = BilanApp(store, catalogue)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        app.open_exercise(catalogue.get("mes-valeurs"))
        await pilot.pause()
        await pilot.press("ctrl+f")
        await pilot.pause()
        assert isinstance(app.screen, SearchScreen)
        await pilot.press(*"ecole")
        await pilot.pause()
        assert len(app.screen.hits) == 2
        await pilot.press("down", "down", "enter")
        await pilot.pause(0.3)
        assert isinstance(app.screen, NotesScreen)
        assert app.screen.query_one("#note-input", TextArea).text == note.text
        await pilot.press("ctrl+f")
        await pilot.pause()
        await pilot.press(*"musique", "enter")
        await pilot.pause(0.3)
        screen = app.screen
        assert isinstance(screen, ExerciseScreen) and screen.exercise.id == exercise.id
        assert screen.focused is not None and screen.focused.text == "Je rêve d'une école de musique"
    store.close()


def test_bilan_search_finds_answers_to_the_conseillers_own_exercise(data_dir, capsys):
    from journal.core.assignments.importing import import_assignment
    from tests.assignment_files import assignment

    with JournalStore(data_dir) as store:
        import_assignment(store, assignment())
        store.entries.save_answer("ma-lettre", "lettre", "Chère moi, dans un an tu auras changé de métier.")
    assert main(["--data", str(data_dir), "search", "chere", "moi"]) == 0
    out = capsys.readouterr().out
    assert "Ma lettre à moi-même" in out and "Chère moi, dans un an" in out
