"""The screens' header: its title line changes without laying the screen out again.

Textual's ``Header`` shows the title and subtitle in a ``HeaderTitle``, and
each change asks for a layout of the whole screen, as if the line could change
size. It cannot: it is one row, the header's full width, never wrapped. The
exercise screen shows « Enregistrement… » / « Enregistré » there, so the first
key of every burst of typing paid for a layout of the whole screen (about
13 ms on the exercise screen, in the frame after the key's).
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.visual import VisualType
from textual.widgets import Header
from textual.widgets._header import HeaderClock, HeaderClockSpace, HeaderIcon, HeaderTitle


class SteadyHeaderTitle(HeaderTitle):
    """The title line: repainted, never laid out again, when its text changes."""

    def update(self, content: VisualType = "", *, layout: bool = False) -> None:
        super().update(content, layout=False)


class SteadyHeader(Header):
    """Textual's ``Header`` with a ``SteadyHeaderTitle``."""

    def compose(self) -> ComposeResult:
        yield HeaderIcon().data_bind(Header.icon)
        yield SteadyHeaderTitle()
        yield HeaderClock().data_bind(Header.time_format) if self._show_clock else HeaderClockSpace()
