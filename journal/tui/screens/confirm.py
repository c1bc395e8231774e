"""A yes/no question in a small dialog (deleting a note, restoring a version)."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Static

from journal.i18n import t


class Confirm(ModalScreen[bool]):
    BINDINGS = [
        Binding("escape", "dismiss(False)", t("keys.cancel")),
        Binding("question_mark", "app.help", t("keys.help"), show=False),
    ]

    def __init__(self, question: str, yes: str):
        super().__init__()
        self.question = question
        self.yes = yes

    def compose(self) -> ComposeResult:
        with Vertical(classes="modal-box confirm-box"):
            yield Static(self.question, markup=False)
            with Horizontal(id="exercise-actions"):
                yield Button(self.yes, id="yes", variant="error")
                yield Button(t("keys.cancel"), id="no")

    def on_mount(self) -> None:
        self.query_one("#yes", Button).focus()

    @on(Button.Pressed, "#yes")
    def _yes(self) -> None:
        self.dismiss(True)

    @on(Button.Pressed, "#no")
    def _no(self) -> None:
        self.dismiss(False)
