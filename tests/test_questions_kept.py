"""F4 « Mes questions »: a question being typed is kept however the worker leaves (Escape, Ctrl+Q) and after a
crash, as a note being typed is; a blank field keeps nothing."""

from __future__ import annotations

import pytest
from textual.widgets import Input

from journal.core.store import JournalStore
from journal.tui.app import BilanApp
from journal.tui.draft_timer import DraftTimer
from journal.tui.screens.questions import QuestionsScreen
from tests.screen_keys import open_by_key


async def open_questions(pilot) -> QuestionsScreen:
    return await open_by_key(pilot, "f4", QuestionsScreen)


def left(app, leaving: str) -> bool:
    return not app.is_running if leaving == "ctrl+q" else not isinstance(app.screen, QuestionsScreen)


def questions(store) -> list[str]:
    return [question.text for question in store.questions.for_bilan(None)]


@pytest.mark.parametrize("leaving", ["escape", "ctrl+q"])
async def test_a_question_typed_and_not_validated_is_kept_on_leaving(store, catalogue, leaving):
    app = BilanApp(store, catalogue)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_questions(pilot)
        await pilot.press(*"Première", "enter", *"Question pas finie", leaving)
        await pilot.pause()
        assert left(app, leaving)
    assert questions(store) == ["Première", "Question pas finie"]
    assert store.questions.draft() is None


@pytest.mark.parametrize("leaving", ["escape", "ctrl+q"])
@pytest.mark.parametrize("typed", ["", "   "], ids=["empty", "spaces"])
async def test_a_blank_field_keeps_nothing(store, catalogue, leaving, typed):
    app = BilanApp(store, catalogue)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_questions(pilot)
        await pilot.press(*"Première", "enter", *typed, leaving)
        await pilot.pause()
        assert left(app, leaving)
    assert questions(store) == ["Première"]
    assert store.questions.draft() is None


async def test_the_question_being_typed_survives_a_kill_and_comes_back(data_dir, catalogue, monkeypatch):
    # Each key saves the draft at once rather than a moment later: the test does not wait on a clock.
    monkeypatch.setattr(DraftTimer, "restart", lambda timer: timer._save())
    store = JournalStore(data_dir)
    app = BilanApp(store, catalogue)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_questions(pilot)
        await pilot.press(*"Question pas finie")
        await pilot.pause()
        # What a second program reads now is what a kill -9 would leave on disk.
        with JournalStore(data_dir, snapshot_on_open=False) as other:
            assert other.questions.draft() == "Question pas finie"
            assert questions(other) == []
    # (the app is not asked to quit: the store is closed as a crash would leave it)
    store.close()
    store = JournalStore(data_dir)
    app = BilanApp(store, catalogue)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_questions(pilot)
        assert screen.query_one("#question-input", Input).value == "Question pas finie"
        await pilot.press("enter")
        await pilot.pause()
        assert screen.query_one("#question-input", Input).value == ""
    assert questions(store) == ["Question pas finie"]
    assert store.questions.draft() is None
    store.close()


def test_status_says_a_question_is_waiting_in_its_draft(store):
    from journal.core.status_warnings import status_warnings

    store.questions.save_draft("Question pas finie")
    assert any("question commencée" in warning for warning in status_warnings(store))
    store.questions.add_typed("Question pas finie", None)
    assert not any("question commencée" in warning for warning in status_warnings(store))


def test_leaving_with_nothing_typed_does_not_rewrite_the_journal(data_dir):
    store = JournalStore(data_dir)
    journal = data_dir / "journal.json"
    # A save replaces the file by a new one (a new inode), whatever the clock's resolution.
    written = journal.read_bytes(), journal.stat().st_ino, journal.stat().st_mtime_ns
    assert store.questions.add_typed("  ", None) is None
    store.questions.save_draft("")
    store.notes.save_draft("   ")
    store.notes.clear_draft()
    assert (journal.read_bytes(), journal.stat().st_ino, journal.stat().st_mtime_ns) == written, "no draft to clear: nothing written"
    store.questions.save_draft("Une question")
    assert store.questions.draft() == "Une question"
    store.questions.save_draft(" ")
    assert store.questions.draft() is None, "a blank draft still replaces one that was kept"
    store.close()
