"""Undoing or redoing a long paste in an answer field never crashes the app (Textual 8.2's TextArea did).

Textual puts the text back before the cursor: if the scroll bar appears or goes meanwhile, it scrolled to a
cursor on a line that no longer existed and raised ``ValueError`` (Textualize/textual#6686). A worker who
pastes a long text into an answer and changes their mind must get their answer back, not a crash.
"""

from __future__ import annotations

from textual.app import App, ComposeResult
from textual.widgets import TextArea

from journal.tui.widgets.safe_editors import SafeTextArea

PASTED = "\n".join(f"Ligne {number} de ce que je voulais dire." for number in range(2, 50))


class PasteApp(App):
    CSS = "TextArea { height: 8; }"

    def compose(self) -> ComposeResult:
        yield SafeTextArea("Ligne 0\nLigne 1\n", soft_wrap=True, id="field")


async def test_undo_then_redo_of_a_long_paste():
    app = PasteApp()
    async with app.run_test(size=(60, 16)) as pilot:
        area = app.query_one("#field", TextArea)
        area.focus()
        area.move_cursor(area.document.end)
        app.copy_to_clipboard(PASTED)
        await pilot.press("ctrl+v")
        await pilot.pause()
        assert area.text == "Ligne 0\nLigne 1\n" + PASTED
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert area.text == "Ligne 0\nLigne 1\n"
        assert area.cursor_location == (2, 0)
        await pilot.press("ctrl+y")
        await pilot.pause()
        assert area.text == "Ligne 0\nLigne 1\n" + PASTED
        assert area.scroll_offset.y > 0  # back at the end of the paste, in view
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert area.text == "Ligne 0\nLigne 1\n"
        assert area.scroll_offset.y == 0


async def test_an_answer_pasted_then_undone_is_saved_as_it_is_back(data_dir, catalogue):
    from journal.core.store import JournalStore
    from journal.tui.app import BilanApp
    from journal.tui.screens.exercise import SAVE_DELAY, ExerciseScreen

    store = JournalStore(data_dir)
    app = BilanApp(store, catalogue)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        exercise = next(exercise for exercise in catalogue.exercises if exercise.id == "ma-demande")
        await app.push_screen(ExerciseScreen(exercise))
        await pilot.pause()
        area = app.screen.query_one("#prompt-pourquoi-maintenant TextArea", TextArea)
        area.focus()
        await pilot.press(*"Mon envie")
        app.copy_to_clipboard("\n" + PASTED)
        await pilot.press("ctrl+v")
        await pilot.pause()
        await pilot.press("ctrl+z")
        await pilot.pause(SAVE_DELAY * 3)
        await app.workers.wait_for_complete()
        assert area.text == "Mon envie"
        assert store.entries.get("ma-demande").answers["pourquoi-maintenant"] == "Mon envie"
    store.close()
