"""A titled group of field editors: one table row, or the questions about one ranked card.

``FieldGroup`` shows each field's label and help above the field's own editor
(from the registry), keeps the group's values as ``{field_id: value}``, stops
the children's ``AnswerChanged`` messages and posts ``FieldGroup.Changed``
instead, so the composite editor around it can rebuild its whole value.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Sequence

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.message import Message
from textual.widget import Widget
from textual.widgets import Static

from journal.core.models import Field
from journal.tui.safe_text import line, text
from journal.tui.widgets.editors.base import AnswerChanged
from journal.tui.widgets.focus_mark import FocusWithinMark


def first_focusable(widget: Widget) -> Widget | None:
    """The first widget inside ``widget`` that can take the focus, in Tab order."""
    return next((child for child in widget.query("*") if child.focusable), None)


class FieldGroup(FocusWithinMark, Vertical):
    """A bordered group with one labelled editor per field."""

    DEFAULT_CSS = """
    FieldGroup {
        height: auto;
        border: round $primary 40%;
        border-title-color: $text;
        border-title-style: bold;
        padding: 0 1;
        margin: 1 0 0 0;
    }
    FieldGroup.-focus-within { border: round $accent; }
    FieldGroup > .field-label { margin: 1 0 0 0; text-style: bold; }
    FieldGroup > .field-label.-first { margin: 0; }
    FieldGroup > .field-help { color: $text-muted; }
    """

    @dataclass
    class Changed(Message):
        """The field ``field_id`` of ``group`` changed; ``group.values`` holds all its values."""

        group: "FieldGroup"
        field_id: str

    def __init__(self, fields: Sequence[Field], values: dict[str, Any] | None, title: str = "", **kwargs: Any):
        super().__init__(**kwargs)
        self.fields = tuple(fields)
        self.values: dict[str, Any] = dict(values or {})
        self.set_title(title)

    def set_title(self, title: str) -> None:
        self.border_title = line(title) if title else None

    def compose(self) -> ComposeResult:
        # Imported here: the registry imports the composite editors that use this group.
        from journal.tui.widgets.editors import editor_for

        for position, field in enumerate(self.fields):
            yield Static(line(field.label), classes="field-label" + (" -first" if position == 0 else ""))
            if field.help:
                yield Static(text(field.help), classes="field-help")
            yield editor_for(field, self.values.get(field.id))

    def on_answer_changed(self, event: AnswerChanged) -> None:
        event.stop()
        self.values = {**self.values, event.prompt_id: event.value}
        self.post_message(self.Changed(self, event.prompt_id))

    def focus_first(self) -> None:
        target = first_focusable(self)
        if target is not None:
            target.focus()
