"""States read without colour: ticked and unticked boxes differ by their mark; a high-contrast theme exists."""

from __future__ import annotations

from textual.app import App, ComposeResult
from textual.widgets import Checkbox, RadioButton, SelectionList

import journal.tui.app  # noqa: F401 - installs the marks
from journal.tui.themes import load_themes


class Boxes(App):
    def compose(self) -> ComposeResult:
        yield Checkbox("oui", value=True, id="on")
        yield Checkbox("non", value=False, id="off")
        yield RadioButton("radio", value=False, id="radio")
        yield SelectionList(("un", 1, True), ("deux", 2, False), id="list")


async def test_ticked_and_unticked_boxes_have_different_marks():
    app = Boxes()
    async with app.run_test() as pilot:
        await pilot.pause()
        on, off = app.query_one("#on", Checkbox), app.query_one("#off", Checkbox)
        assert "X" in on._button.plain and "X" not in off._button.plain
        assert "●" not in app.query_one("#radio", RadioButton)._button.plain
        options = app.query_one("#list", SelectionList)
        first, second = options.render_line(0), options.render_line(1)
        assert "X" in first.text and "X" not in second.text
        assert first.cell_length == second.cell_length


def test_a_high_contrast_theme_is_offered():
    themes = {theme.name: theme for theme in load_themes()}
    contrast = themes["bilan-contraste"]
    assert contrast.background == "#000000" and contrast.foreground == "#FFFFFF"
