"""The footer of every screen: compact, and without the Ctrl+P entry when the terminal is narrow,
so that the keys of the screen (and F1 for help) are never cut at 80 columns. Ctrl+P still works,
and the help lists it."""

from __future__ import annotations

from textual import events
from textual.widgets import Footer

WIDE_ENOUGH = 100


class BilanFooter(Footer):
    def __init__(self, **kwargs):
        super().__init__(compact=True, **kwargs)

    def on_resize(self, event: events.Resize) -> None:
        self.show_command_palette = event.size.width >= WIDE_ENOUGH
