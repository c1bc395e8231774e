"""Typing a path while the folder list has the focus fills the path field."""

from __future__ import annotations

from textual.widgets import Input

from journal.tui.app import BilanApp


async def test_typed_path_goes_to_the_path_field(store, catalogue):
    app = BilanApp(store, catalogue)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("i")
        await pilot.pause()
        assert app.screen.focused is not None and app.screen.focused.id == "import-tree"
        await pilot.press("/", "t", "m", "p")
        await pilot.pause()
        field = app.screen.query_one("#import-path", Input)
        assert field.value == "/tmp"
        assert app.screen.focused is field
        await pilot.press("escape")
        await pilot.pause()
