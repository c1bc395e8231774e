"""A list whose entries each get a mark from one key press: a pile for a card, a rating for a statement.

``MarkList`` keeps the marks, redraws the marked entry and moves the highlight
on to the next entry still without a mark, so a long list can be gone through
with the keyboard alone. Subclasses say how an entry looks with its mark and
bind the keys; the editor around the list listens to ``MarkList.Marked``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Sequence

from textual.content import Content
from textual.message import Message
from textual.widgets import OptionList

from journal.tui.safe_text import plain_line


class MarkList(OptionList):
    """Entries (anything with an ``id``) and their marks; ``set_mark`` marks the highlighted one."""

    @dataclass
    class Marked(Message):
        """``entry_id`` now has ``mark`` (``None``: no mark any more)."""

        mark_list: "MarkList"
        entry_id: str
        mark: Any

    def __init__(self, entries: Sequence[Any], marks: dict[str, Any], **kwargs: Any):
        super().__init__(markup=False, **kwargs)
        self.entries = list(entries)
        self.marks = dict(marks)

    def entry_prompt(self, entry: Any) -> Content:
        """How ``entry`` reads with its mark (subclasses draw the mark their own way)."""
        mark = self.marks.get(entry.id)
        return Content.assemble(plain_line(entry.label), ("" if mark is None else plain_line(f"  {mark}"), "bold"))

    def on_mount(self) -> None:
        self.set_options([self.entry_prompt(entry) for entry in self.entries])
        self.highlighted = self._next_unmarked(-1)

    @property
    def current_entry(self) -> Any | None:
        index = self.highlighted
        return self.entries[index] if index is not None else None

    def _next_unmarked(self, after: int) -> int:
        """The next entry without a mark after ``after`` (wrapping), else simply the next one."""
        count = len(self.entries)
        for step in range(1, count + 1):
            index = (after + step) % count
            if self.entries[index].id not in self.marks:
                return index
        return min(after + 1, count - 1)

    def set_mark(self, mark: Any) -> None:
        """Mark the highlighted entry (``None`` removes its mark); a new mark moves on."""
        index = self.highlighted
        if index is None:
            return
        entry = self.entries[index]
        if mark is None:
            self.marks.pop(entry.id, None)
        else:
            self.marks[entry.id] = mark
        self.replace_option_prompt_at_index(index, self.entry_prompt(entry))
        if mark is not None:
            self.highlighted = self._next_unmarked(index)
        self.post_message(self.Marked(self, entry.id, mark))
