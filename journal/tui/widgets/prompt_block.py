"""One question of the exercise screen: its label, help, privacy mark and editor, outlined while answered."""

from __future__ import annotations

from textual.containers import Vertical

from journal.tui.widgets.focus_mark import FocusWithinMark


class PromptBlock(FocusWithinMark, Vertical):
    """The block of one question (CSS class ``prompt``; ``-focus-within`` while a field of it has the focus)."""
