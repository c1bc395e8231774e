"""Text from the journal, an exercise file or a file name, made safe to show in a widget.

Every text the app did not write itself goes through here on its way into a
widget: ``text`` (several lines) and ``line`` (one line: titles, list rows,
buttons) build a Textual ``Content`` — never parsed as markup — whose control
characters and bidi overrides are shown inert by ``journal.core.text_safety``.
``plain`` and ``plain_line`` give the same as a ``str`` for the places Textual
wants a string (screen titles, notifications, Markdown sources).

``visible_strip`` does the same job one step later, for editors that must show
the worker's text exactly as stored (``TextArea``, ``Input``: see
``journal.tui.widgets.safe_editors``): it swaps each unsafe character in a
rendered line for a one-cell stand-in, so the cursor still lands where Textual
computed it.

``install_output_guard`` is the last line of defence: Textual turns each
rendered line into terminal bytes in ``Strip.render``; the guard drops any
control character still left in a segment's text there, whatever widget it came
from, so nothing on screen can ever be obeyed by the terminal.
"""

from __future__ import annotations

import re
from typing import Any

from rich.segment import Segment
from textual.content import Content
from textual.strip import Strip

from journal.core.text_safety import inert, inert_line

# What a terminal may obey in a segment's text: C0 (but tab), DEL, C1, line and
# paragraph separators, bidi embeddings, overrides, isolates and marks.
_OBEYED = re.compile("[\x00-\x08\x0a-\x1f\x7f-\x9f\u2028\u2029\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def plain(value: Any) -> str:
    """``value`` as text with its control characters inert (newlines and tabs kept)."""
    return inert(str(value))


def plain_line(value: Any) -> str:
    """``value`` as one line of text with every control character inert."""
    return inert_line(str(value))


def text(value: Any) -> Content:
    """Content for several lines of foreign text: no markup, nothing a terminal obeys."""
    return Content(plain(value))


def line(value: Any) -> Content:
    """Content for one line of foreign text (a title, a list row, a button)."""
    return Content(plain_line(value))


def _one_cell(character: str) -> str:
    code = ord(character)
    if code < 0x20:
        return chr(0x2400 + code)  # ␛ for ESC, ␀ for NUL…
    if code == 0x7F:
        return "\u2421"  # ␡
    return "\ufffd"  # �: C1 controls, separators and bidi marks have no picture of their own


def visible_strip(strip: Strip) -> Strip:
    """``strip`` with each unsafe character replaced by a visible one-cell stand-in, same width."""
    if not any(_OBEYED.search(segment.text) for segment in strip if not segment.control):
        return strip
    width = strip.cell_length
    segments = [
        segment if segment.control else Segment(_OBEYED.sub(lambda m: _one_cell(m.group()), segment.text), segment.style)
        for segment in strip
    ]
    # Textual counted the unsafe characters as zero cells wide: keep the line as wide as it planned.
    return Strip(segments).crop(0, width)


class VisibleControls:
    """Mixin for editors (``TextArea``, ``Input``): their lines are drawn through ``visible_strip``."""

    def render_line(self, y: int) -> Strip:
        return visible_strip(super().render_line(y))  # type: ignore[misc]


_guard_installed = False


def install_output_guard() -> None:
    """Make ``Strip.render`` drop any character a terminal would obey from the text it writes (once)."""
    global _guard_installed
    if _guard_installed:
        return
    original = Strip.render

    def render(self: Strip, console) -> str:
        if self._render_cache is None and any(
            _OBEYED.search(segment.text) for segment in self._segments if not segment.control
        ):
            clean = Strip(
                [
                    segment if segment.control else Segment(_OBEYED.sub("", segment.text), segment.style)
                    for segment in self._segments
                ],
                self._cell_length,
            )
            self._render_cache = original(clean, console)
        return original(self, console)

    Strip.render = render  # type: ignore[method-assign]
    _guard_installed = True
