"""The line under a question that says whether its answer is private, and changes it on a click.

A private answer shows a glyph and a word (not only a colour): « ⊘ Privée ». A
shared one shows, in muted text, how to keep it private. Clicking the line (or
F3 with the focus in the question, handled by the exercise screen) posts
``PrivacyMarker.Toggled``; the screen saves the choice and calls ``show``.
"""

from __future__ import annotations

from dataclasses import dataclass

from textual.message import Message
from textual.widgets import Static

from journal.i18n import t


class PrivacyMarker(Static):
    DEFAULT_CSS = """
    PrivacyMarker { color: $text-muted; width: auto; }
    PrivacyMarker:hover { text-style: underline; }
    PrivacyMarker.-private { color: $warning; text-style: bold; }
    """

    @dataclass
    class Toggled(Message):
        """The worker clicked the marker of ``prompt_id``."""

        prompt_id: str

    def __init__(self, prompt_id: str, private: bool) -> None:
        super().__init__(markup=False, classes="privacy-marker")
        self.prompt_id = prompt_id
        self.show(private)

    def show(self, private: bool) -> None:
        self.private = private
        self.set_class(private, "-private")
        self.update(t("hardening.answer_private") if private else t("hardening.answer_shared"))

    def on_click(self) -> None:
        self.post_message(self.Toggled(self.prompt_id))
