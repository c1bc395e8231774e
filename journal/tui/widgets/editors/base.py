"""What every answer editor shares: the spec it edits and the message it posts.

An editor shows one prompt (or one table column / card detail) and posts
``AnswerChanged`` whenever its value changes; the exercise screen saves it.
Composite editors (tables, card sorts) stop their children's messages and post
their own with the whole value.
"""

from __future__ import annotations

from typing import Any

from textual.message import Message
from textual.widget import Widget

from journal.core.models import Field, Prompt


class AnswerChanged(Message):
    """The value of the prompt ``prompt_id`` is now ``value``."""

    def __init__(self, editor: "PromptEditor", prompt_id: str, value: Any) -> None:
        super().__init__()
        self.editor = editor
        self.prompt_id = prompt_id
        self.value = value

    @property
    def control(self) -> "PromptEditor":
        return self.editor


class PromptEditor(Widget):
    """Base class: subclasses build their inputs in ``compose`` and call ``set_value``."""

    DEFAULT_CSS = """
    PromptEditor { height: auto; }
    """

    def __init__(self, spec: Prompt | Field, value: Any = None, *, id: str | None = None, classes: str | None = None):
        super().__init__(id=id, classes=classes)
        self.spec = spec
        self.value = value

    def set_value(self, value: Any) -> None:
        """Record a new value and tell the screen, unless nothing changed."""
        if value == self.value:
            return
        self.value = value
        self.post_message(AnswerChanged(self, self.spec.id, value))
