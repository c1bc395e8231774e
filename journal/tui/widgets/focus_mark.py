"""A container marked while the focus is inside it, restyling only itself.

The exercise screen outlines the question being answered (and a table row, a
card's questions). With CSS's ``:focus-within``, Textual restyles the
container and everything inside it at each move of the focus in or out; in a
table of several rows that is every field of every row, 35 to 50 ms on each
Tab. ``FocusWithinMark`` sets the class ``-focus-within`` instead and restyles
the container alone: no rule of bilan's styles anything inside it through that
class (``tests/test_focus_mark.py`` holds the stylesheet to it).
"""

from __future__ import annotations

from textual import events, on
from textual.widget import Widget

FOCUS_WITHIN = "-focus-within"


class FocusWithinMark(Widget):
    """Mixin: the class ``-focus-within`` while a descendant has the focus."""

    @on(events.Mount)
    def _follow_screen_focus(self) -> None:
        # The screen's focus, not the focus events: a field removed with the focus (a table row
        # deleted) sends no blur, and the mark must still go.
        self.watch(self.screen, "focused", self._update_focus_mark)

    def _update_focus_mark(self, focused: Widget | None = None) -> None:
        within = focused is not None and self in focused.ancestors
        if within != self.has_class(FOCUS_WITHIN):
            self.set_class(within, FOCUS_WITHIN, update=False)
            self.app.stylesheet.update_nodes([self], animate=False)
