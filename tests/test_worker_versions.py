"""Versions: coalesced (not one per keystroke), compared word by word, restored without loss."""

from __future__ import annotations

from datetime import timedelta

from journal.core.store import JournalStore
from journal.core.store import entries as entries_module
from journal.core.version_diff import ADDED, REMOVED, SAME, counts, version_text, word_diff


def test_word_diff_marks_added_and_removed_words():
    pieces = word_diff("J'aime le bois et le métal", "J'aime le bois et la couture")
    assert [(p.kind, p.text) for p in pieces if p.kind != SAME] == [(REMOVED, "le métal"), (ADDED, "la couture")]
    assert counts(pieces) == (2, 2)
    assert word_diff("", "tout neuf")[0] == word_diff("", "tout neuf")[0]
    assert [p.kind for p in word_diff("", "tout neuf")] == [ADDED]


def test_many_saves_in_one_session_make_one_version(data_dir):
    with JournalStore(data_dir) as store:
        store.entries.save_answer("ma-demande", "q", "premier")
    with JournalStore(data_dir) as store:
        for text in ("premier m", "premier mo", "premier mot"):
            store.entries.save_answer("ma-demande", "q", text)
        history = store.entries.get("ma-demande").history
        assert [version.answers["q"] for version in history] == ["premier"]


def test_a_long_pause_in_one_session_starts_a_version(data_dir, monkeypatch):
    with JournalStore(data_dir) as store:
        store.entries.save_answer("ma-demande", "q", "matin")
        later = store.entries.get("ma-demande").updated_at + timedelta(hours=1)
        monkeypatch.setattr(entries_module, "now", lambda: later)
        store.entries.save_answer("ma-demande", "q", "soir")
        assert [version.answers["q"] for version in store.entries.get("ma-demande").history] == ["matin"]


def test_restoring_keeps_the_current_text_as_a_version(data_dir, catalogue):
    with JournalStore(data_dir) as store:
        store.entries.save_answer("ma-demande", "q", "ancienne idée")
    with JournalStore(data_dir) as store:
        store.entries.save_answer("ma-demande", "q", "nouvelle idée")
        old = store.entries.get("ma-demande").history[0]
        restored = store.entries.restore_version("ma-demande", 0, old.saved_at)
        assert restored.answers["q"] == "ancienne idée"
        assert [version.answers["q"] for version in restored.history] == ["ancienne idée", "nouvelle idée"]
        assert store.entries.restore_version("ma-demande", 0, old.saved_at - timedelta(days=9)) is None
        assert store.entries.restore_version("ma-demande", 7, old.saved_at) is None
    exercise = catalogue.get("ma-demande")
    prompt = exercise.prompts[0]
    assert version_text(exercise, {prompt.id: "texte"}) == f"{prompt.label}\ntexte"


async def test_history_screen_compares_and_restores(data_dir, catalogue):
    from textual.widgets import Select, Static, TextArea

    from journal.tui.app import BilanApp
    from journal.tui.screens.confirm import Confirm
    from journal.tui.screens.exercise import ExerciseScreen
    from journal.tui.screens.history import HistoryScreen

    prompt = "pourquoi-maintenant"
    with JournalStore(data_dir) as day_one:
        day_one.entries.save_answer("ma-demande", prompt, "Je veux du bois")
    with JournalStore(data_dir) as day_two:
        day_two.entries.save_answer("ma-demande", prompt, "Je veux du métal")
    store = JournalStore(data_dir)
    store.entries.save_answer("ma-demande", prompt, "Je veux du tissu")
    app = BilanApp(store, catalogue)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("f2")
        await pilot.pause()
        history = app.screen
        assert isinstance(history, HistoryScreen)
        diff = str(history.query_one("#diff", Static).render())
        assert "[-métal-]" in diff and "[+tissu+]" in diff
        oldest = list(history.versions())[-1]
        history.query_one("#before", Select).value = oldest
        await pilot.pause()
        diff = str(history.query_one("#diff", Static).render())
        assert "[-bois-]" in diff and "[+tissu+]" in diff
        history.query_one("#restore").press()
        await pilot.pause()
        assert isinstance(app.screen, Confirm)
        await pilot.press("enter")
        await pilot.pause(0.3)
        screen = app.screen
        assert isinstance(screen, ExerciseScreen)
        assert any(area.text == "Je veux du bois" for area in screen.query(TextArea))
    entry = store.entries.get("ma-demande")
    assert entry.answers[prompt] == "Je veux du bois"
    assert [version.answers[prompt] for version in entry.history] == ["Je veux du bois", "Je veux du métal", "Je veux du tissu"]
    store.close()


async def test_ctrl_e_edits_the_answer_in_the_workers_editor(data_dir, catalogue, tmp_path, monkeypatch):
    import stat

    from textual.widgets import TextArea

    from journal.tui.app import BilanApp

    seen = tmp_path / "seen.txt"
    editor = tmp_path / "fake-editor"
    editor.write_text(
        "#!/bin/sh\n"
        f"stat -c %a \"$1\" > {seen}\n"
        "printf 'Réponse écrite\\ndans mon éditeur' > \"$1\"\n"
    )
    editor.chmod(editor.stat().st_mode | stat.S_IEXEC)
    monkeypatch.setenv("VISUAL", str(editor))
    monkeypatch.setattr("tempfile.tempdir", str(tmp_path))
    store = JournalStore(data_dir)
    app = BilanApp(store, catalogue)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        area = app.screen.query_one(TextArea)
        area.focus()
        await pilot.press(*"brouillon")
        await pilot.press("ctrl+e")
        await pilot.pause(0.8)
        assert area.text == "Réponse écrite\ndans mon éditeur"
        await pilot.press("escape")
        await pilot.pause()
    assert seen.read_text().strip() == "600"
    assert [path.name for path in tmp_path.glob("bilan-*.txt")] == [], "the temporary file is removed"
    assert store.entries.get("ma-demande").answers["pourquoi-maintenant"] == "Réponse écrite\ndans mon éditeur"
    store.close()


async def test_only_the_history_screen_reads_the_versions_file(data_dir, catalogue, monkeypatch):
    """Opening an exercise, marking it private: the entry's file of versions stays unread until F2."""
    from journal.core.store.versions import EntryVersions
    from journal.tui.app import BilanApp
    from journal.tui.screens.exercise import ExerciseScreen
    from journal.tui.screens.history import HistoryScreen

    prompt = catalogue.get("ma-demande").prompts[0].id
    with JournalStore(data_dir) as store:
        store.entries.save_answer("ma-demande", prompt, "première idée")
    with JournalStore(data_dir) as store:
        store.entries.save_answer("ma-demande", prompt, "idée reprise")
    reads = []
    original = EntryVersions._read_entry
    monkeypatch.setattr(EntryVersions, "_read_entry", lambda self, *identity: reads.append(identity) or original(self, *identity))
    store = JournalStore(data_dir)
    app = BilanApp(store, catalogue)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        app.open_exercise(catalogue.get("ma-demande"))
        await pilot.pause()
        assert isinstance(app.screen, ExerciseScreen)
        app.screen.action_toggle_private()
        await pilot.pause()
        assert reads == []
        await pilot.press("f2")
        await pilot.pause()
        assert isinstance(app.screen, HistoryScreen) and reads
        assert [version.answers[prompt] for version in app.screen.entry.history] == ["première idée"]
    store.close()
