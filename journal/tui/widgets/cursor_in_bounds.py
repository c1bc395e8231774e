"""A ``TextArea`` that never scrolls to a cursor beyond its text (undo and redo crashed Textual 8.2's).

Undo and redo put the text back first and the cursor after. If the scroll bar
appears or goes in between (undoing a long paste in a field that scrolls),
Textual scrolls to the cursor where it was — on a line the text no longer
has — and raises ``ValueError`` (Textualize/textual#6686): the app stopped.
While the cursor is beyond the text, scrolling to it is left for later: the
cursor is put back right after, and scrolled to then.
"""

from __future__ import annotations

from typing import Any

from textual.geometry import Offset


class CursorInBounds:
    """Mixin for a ``TextArea``: scrolling to the cursor waits while the cursor is beyond the text."""

    def scroll_cursor_visible(self, center: bool = False, animate: bool = False) -> Offset:
        area: Any = self
        if area.selection.end[0] >= area.document.line_count:
            return Offset(0, 0)  # what Textual returns when there is no cursor to scroll to
        return super().scroll_cursor_visible(center, animate)  # type: ignore[misc]
