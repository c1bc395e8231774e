"""Notes: edit, delete with confirmation and undo, #tags and their filter, period filter, mood,
private keeps the selection, and the note being typed saved as a draft (survives a kill)."""

from __future__ import annotations

from datetime import timedelta

from textual.widgets import OptionList, Select, TextArea

from journal.core.note_tags import in_period, tags_in
from journal.core.store import JournalStore, now
from journal.tui.app import BilanApp
from journal.tui.screens.confirm import Confirm
from journal.tui.screens.notes import NotesScreen
from tests.screen_keys import open_by_key


def test_tags_are_words_after_a_hash_and_periods_count_back_from_now():
    assert tags_in("Vu #Formation puis #santé, #formation encore; pas#ça ni # seul ni &#39;") == ("formation", "santé")
    moment = now()
    assert in_period(moment - timedelta(days=3), "week", moment)
    assert not in_period(moment - timedelta(days=8), "week", moment)
    assert in_period(moment - timedelta(days=800), "all", moment)


def test_store_updates_deletes_and_restores_notes(store):
    note = store.notes.add("Premier jet", mood="fatigue")
    assert store.notes.update(note.id, "Version revue", mood="bien").text == "Version revue"
    removed = store.notes.delete(note.id)
    assert store.notes.all() == [] and removed.mood == "bien"
    back = store.notes.restore(removed)
    assert (back.text, back.created_at, back.mood) == ("Version revue", note.created_at, "bien")
    store.notes.save_draft("à moitié", editing=back.id, mood="nope")
    assert store.notes.draft() == {"text": "à moitié", "editing": back.id, "mood": None}
    store.notes.clear_draft()
    assert store.notes.draft() is None


async def open_notes(pilot) -> NotesScreen:
    return await open_by_key(pilot, "n", NotesScreen)


def listed(screen) -> list[str]:
    options = screen.query_one("#notes-list", OptionList)
    return [str(options.get_option_at_index(i).prompt) for i in range(options.option_count)]


async def test_edit_delete_and_undo_a_note(data_dir, catalogue):
    store = JournalStore(data_dir)
    store.notes.add("Ancienne idée #formation", created_at=now() - timedelta(days=40))
    store.notes.add("Idée récente #santé")
    app = BilanApp(store, catalogue)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_notes(pilot)
        assert "Idée récente" in listed(screen)[0]
        notes_list = screen.query_one("#notes-list", OptionList)
        notes_list.focus()
        notes_list.highlighted = 0
        await pilot.press("enter")
        await pilot.pause()
        area = screen.query_one("#note-input", TextArea)
        assert area.has_focus and area.text == "Idée récente #santé"
        await pilot.press(*" revue")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert [note.text for note in store.notes.all()] == ["Ancienne idée #formation", "Idée récente #santé revue"]

        notes_list.focus()
        notes_list.highlighted = 1
        await pilot.press("delete")
        await pilot.pause()
        assert isinstance(app.screen, Confirm)
        await pilot.press("escape")
        await pilot.pause()
        assert len(store.notes.all()) == 2, "cancelled: nothing deleted"
        await pilot.press("delete")
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        assert [note.text for note in store.notes.all()] == ["Idée récente #santé revue"]
        await pilot.press("ctrl+z")
        await pilot.pause()
        texts = [note.text for note in store.notes.all()]
        assert texts == ["Ancienne idée #formation", "Idée récente #santé revue"]
    store.close()


async def test_filters_by_tag_and_period_and_private_keeps_the_selection(data_dir, catalogue):
    store = JournalStore(data_dir)
    store.notes.add("Ancienne #formation", created_at=now() - timedelta(days=40))
    store.notes.add("Récente #formation")
    store.notes.add("Autre #santé")
    app = BilanApp(store, catalogue)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_notes(pilot)
        screen.query_one("#tag", Select).value = "formation"
        await pilot.pause()
        assert [line.split(" — ")[1] for line in listed(screen)] == ["Récente #formation", "Ancienne #formation"]
        screen.query_one("#period", Select).value = "month"
        await pilot.pause()
        assert [line.split(" — ")[1] for line in listed(screen)] == ["Récente #formation"]
        screen.query_one("#tag", Select).value = ""
        await pilot.pause()
        notes_list = screen.query_one("#notes-list", OptionList)
        notes_list.focus()
        notes_list.highlighted = 1
        await pilot.press("ctrl+r")
        await pilot.pause()
        assert notes_list.highlighted == 1 and "[privé]" in listed(screen)[1]
        assert [note.private for note in store.notes.all()] == [False, True, False]
    store.close()


async def test_the_note_being_typed_survives_a_kill(data_dir, catalogue):
    store = JournalStore(data_dir)
    app = BilanApp(store, catalogue)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_notes(pilot)
        screen.query_one("#mood", Select).value = "inquiet"
        await pilot.press(*"Une idée pas finie")
        await pilot.pause(0.8)
        # What a second program reads now is what a kill -9 would leave on disk.
        with JournalStore(data_dir, snapshot_on_open=False) as other:
            assert other.notes.draft() == {"text": "Une idée pas finie", "editing": None, "mood": "inquiet"}
            assert other.notes.all() == []
    # (the app is not asked to quit: the store is closed as a crash would leave it)
    store.close()
    store = JournalStore(data_dir)
    store.notes.clear_draft()
    store.notes.save_draft("Reprise après coupure", mood="inquiet")
    app = BilanApp(store, catalogue)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_notes(pilot)
        assert screen.query_one("#note-input", TextArea).text == "Reprise après coupure"
        assert screen.query_one("#mood", Select).value == "inquiet"
        await pilot.press("ctrl+s")
        await pilot.pause()
    assert [(note.text, note.mood) for note in store.notes.all()] == [("Reprise après coupure", "inquiet")]
    assert store.notes.draft() is None
    store.close()
