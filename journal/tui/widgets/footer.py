"""The footer of every screen: compact, rebuilt only when the keys it shows change.

Without the Ctrl+P entry when the terminal is narrow, so that the keys of the
screen (and F1 for help) are never cut at 80 columns. Ctrl+P still works, and
the help lists it.

Textual's ``Footer`` rebuilds all its key widgets each time the screen's
bindings may have changed, which is every move of the focus: on the exercise
screen, 9 to 16 widgets removed, created, styled and laid out again on each
Tab (about 50 ms of the key's frame), for the same keys most of the time. The
footer remembers what it last showed and is rebuilt only when that differs.
"""

from __future__ import annotations

from typing import Hashable

from textual import events
from textual.app import ComposeResult
from textual.screen import Screen
from textual.widgets import Footer

WIDE_ENOUGH = 100


def shown_keys(screen: Screen, with_palette: bool) -> Hashable:
    """Everything of the screen's active bindings that the footer shows, comparable."""
    return (
        with_palette,
        tuple(
            (key, binding.action, binding.description, binding.key_display, binding.group, binding.tooltip, enabled, tip)
            for key, (_, binding, enabled, tip) in screen.active_bindings.items()
            if binding.show or key == screen.app.COMMAND_PALETTE_BINDING
        ),
    )


class BilanFooter(Footer):
    def __init__(self, **kwargs):
        super().__init__(compact=True, **kwargs)
        self._composed: Hashable | None = None
        self._rebuild_pending = False

    def on_resize(self, event: events.Resize) -> None:
        wide = event.size.width >= WIDE_ENOUGH
        if wide != self.show_command_palette:
            self.show_command_palette = wide
            if self._composed is not None:
                self._rebuild_soon()

    def compose(self) -> ComposeResult:
        self._composed = shown_keys(self.screen, self.show_command_palette) if self._bindings_ready else None
        yield from super().compose()

    def bindings_changed(self, screen: Screen) -> None:
        # Textual's, except that the keys are rebuilt once for several signals before the next frame
        # (two as a screen opens), and not at all when they are the ones shown.
        self._bindings_ready = True
        if not screen.app.app_focus or not self.is_attached or screen is not self.screen:
            return
        if not self._shows_current_keys():
            self._rebuild_soon()

    def _rebuild_soon(self) -> None:
        if not self._rebuild_pending:
            self._rebuild_pending = True
            self.call_after_refresh(self._rebuild)

    def _shows_current_keys(self) -> bool:
        return self._composed is not None and shown_keys(self.screen, self.show_command_palette) == self._composed

    async def _rebuild(self) -> None:
        self._rebuild_pending = False
        if self.is_attached and not self._shows_current_keys():
            await self.recompose()
