"""Ticked and unticked boxes look different without colour.

Textual 8.2.8 (pinned) draws a checkbox, a radio button and a selection-list box
with the same inner mark whether it is on or off, and tells them apart by colour
only: with NO_COLOR=1 or a monochrome terminal both read « X ». Here the mark is
drawn only when the box is on ([X] / [ ]), so the state reads without colour.
Checked by tests/test_worker_colours.py.
"""

from __future__ import annotations

from rich.segment import Segment
from textual.content import Content
from textual.strip import Strip
from textual.style import Style
from textual.widgets import SelectionList
from textual.widgets._toggle_button import ToggleButton

_original_render_line = SelectionList.render_line
OFF = " "


def _button(self: ToggleButton) -> Content:
    """As Textual draws it (same styles), with the inner mark only when the box is on."""
    button_style = self.get_visual_style("toggle--button")
    side_style = Style(foreground=button_style.background, background=self.background_colors[1])
    return Content.assemble(
        (self.BUTTON_LEFT, side_style),
        (self.BUTTON_INNER if self.value else OFF, button_style),
        (self.BUTTON_RIGHT, side_style),
    )


def _render_line(self: SelectionList, y: int) -> Strip:
    strip = _original_render_line(self, y)
    _, scroll_y = self.scroll_offset
    try:
        selection = self.get_option_at_index(scroll_y + y)
    except Exception:  # noqa: BLE001 - past the last option: nothing to change
        return strip
    if selection.value in self._selected:
        return strip
    segments = list(strip)
    if len(segments) > 1 and segments[1].text == ToggleButton.BUTTON_INNER:
        segments[1] = Segment(OFF, segments[1].style, segments[1].control)
        return Strip(segments, strip.cell_length)
    return strip


def show_marks_without_colour() -> None:
    ToggleButton._button = property(_button)
    SelectionList.render_line = _render_line
