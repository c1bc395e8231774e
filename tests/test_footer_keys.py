"""The footer shows the keys of where the focus is, and is rebuilt only when they change.

Textual's footer rebuilt its key widgets at every move of the focus; bilan's
keeps them while the keys shown are the same (most Tabs) and rebuilds them
when they differ (into a table: « Ajouter une ligne »), or when the terminal
crosses the width at which Ctrl+P is shown.
"""

from __future__ import annotations

from textual.widgets import Input
from textual.widgets._footer import FooterKey

from journal.core.catalogue import load_catalogue
from journal.core.store import JournalStore
from journal.tui.app import BilanApp
from journal.tui.screens.exercise import ExerciseScreen
from journal.tui.widgets.editors.table import TableRow
from journal.tui.widgets.footer import WIDE_ENOUGH

CATALOGUE = load_catalogue()


def footer_keys(app) -> list[FooterKey]:
    return list(app.screen.query(FooterKey))


def footer_text(app) -> str:
    return " ".join(f"{key.key}:{key.description}" for key in footer_keys(app))


async def test_keys_are_kept_while_the_same_and_follow_the_focus_when_they_change(tmp_path):
    store = JournalStore(tmp_path / "journal")
    store.entries.save_answer("mon-parcours", "ligne-du-temps", [{"periode": "2010"}])
    app = BilanApp(store, CATALOGUE)
    async with app.run_test(size=(WIDE_ENOUGH, 30)) as pilot:
        await pilot.pause()
        app.open_exercise(CATALOGUE.get("mon-parcours"))
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, ExerciseScreen)
        fields = [widget for widget in screen.focus_chain if not any(isinstance(a, TableRow) for a in widget.ancestors)]
        fields[0].focus()
        await pilot.pause()
        before = footer_keys(app)
        assert "ctrl+n" not in footer_text(app)
        fields[1].focus()
        await pilot.pause()
        assert footer_keys(app) == before  # the same widgets: nothing rebuilt

        screen.query_one(TableRow).query_one(Input).focus()
        await pilot.pause()
        assert "ctrl+n:" in footer_text(app)  # the table's own keys
        fields[0].focus()
        await pilot.pause()
        assert "ctrl+n" not in footer_text(app)
        await pilot.press("escape")
        await pilot.pause()
        assert "ctrl+n" not in footer_text(app) and footer_keys(app)
    store.close()


async def test_ctrl_p_comes_and_goes_with_the_width(tmp_path):
    store = JournalStore(tmp_path / "journal")
    app = BilanApp(store, CATALOGUE)
    async with app.run_test(size=(WIDE_ENOUGH, 30)) as pilot:
        await pilot.pause()
        assert "ctrl+p:" in footer_text(app)
        await pilot.resize_terminal(80, 24)
        await pilot.pause()
        await pilot.pause()
        assert "ctrl+p" not in footer_text(app) and footer_keys(app)
        await pilot.resize_terminal(WIDE_ENOUGH, 30)
        await pilot.pause()
        await pilot.pause()
        assert "ctrl+p:" in footer_text(app)
    store.close()


async def test_the_keys_are_built_once_as_an_exercise_opens(tmp_path, monkeypatch):
    from journal.tui.widgets.footer import BilanFooter

    rebuilt = []
    recompose = BilanFooter.recompose

    async def counted(self):
        rebuilt.append(type(self.screen).__name__)
        await recompose(self)

    monkeypatch.setattr(BilanFooter, "recompose", counted)
    store = JournalStore(tmp_path / "journal")
    app = BilanApp(store, CATALOGUE)
    async with app.run_test(size=(WIDE_ENOUGH, 30)) as pilot:
        await pilot.pause()
        rebuilt.clear()
        app.open_exercise(CATALOGUE.get("mes-competences"))
        await pilot.pause()
        await pilot.pause()
        # The screen signals its keys twice as it opens (Textual's footer was built twice).
        assert rebuilt == ["ExerciseScreen"]
        assert "escape:Retour" in footer_text(app)
    store.close()
