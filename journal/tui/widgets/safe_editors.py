"""Text fields that keep the worker's text exactly and show its control characters as symbols.

Kept apart from ``journal.tui.safe_text`` so that the home screen, which has no
text field, starts without importing Textual's ``TextArea`` and ``Input``.
"""

from __future__ import annotations

from textual.widgets import Input, TextArea

from journal.tui.safe_text import VisibleControls
from journal.tui.widgets.cursor_in_bounds import CursorInBounds
from journal.tui.widgets.stable_lines import StableLines
from journal.tui.widgets.theme_on_change import ThemeOnChange


class SafeTextArea(CursorInBounds, StableLines, ThemeOnChange, VisibleControls, TextArea):
    """A ``TextArea`` that keeps the text exactly, shows its control characters as symbols, redraws only changed lines
    and survives undoing a long paste."""


class SafeInput(VisibleControls, Input):
    """An ``Input`` that keeps the text exactly and shows its control characters as symbols."""
