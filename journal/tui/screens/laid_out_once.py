"""A screen that is not laid out a second time for the size it was just laid out at.

When a screen is shown, Textual lays it out, then sends every widget just
shown a ``Resize`` event — the screen itself included — and the screen answers
its own by laying everything out again, at the same size. On the exercise
screen (80 to 170 widgets) that second pass is 30 to 45 ms of the time to open
an exercise. A ``Resize`` to the size the screen is already laid out at has
nothing to move: anything else that needs a layout has asked for one and gets
it at the next frame, as always. A real change of size goes through Textual's
handler as before.

Used by the exercise screen, where the pass is costly and the screen was
checked to come out the same at every exercise. Not by the synthesis screen:
it puts the focus in its first field as it mounts, and with a single pass it
opened scrolled down to that field instead of at the top of the page.
"""

from __future__ import annotations

from textual import events, on
from textual.screen import Screen


class LaidOutOnce(Screen):
    """Mixin for screens: skips the layout of a ``Resize`` to the size already laid out, and the restyle
    of the first ``ScreenResume``."""

    _resumed_before = False

    @on(events.ScreenResume)
    def _keep_styles_at_first_showing(self, event: events.ScreenResume) -> None:
        # Every widget was styled as it was mounted, a moment ago; restyling them all again (40 ms on
        # an exercise) is for a screen coming back, whose styles may be out of date (a theme changed).
        if not self._resumed_before:
            self._resumed_before = True
            event.refresh_styles = False

    def _on_resize(self, event: events.Resize) -> None:
        breakpoints = (self.HORIZONTAL_BREAKPOINTS or self.app.HORIZONTAL_BREAKPOINTS) or (
            self.VERTICAL_BREAKPOINTS or self.app.VERTICAL_BREAKPOINTS
        )
        if event.size == self._compositor.size and not breakpoints:
            event.stop()
            event.prevent_default()  # Textual's handler (in Screen) would lay the screen out again
