"""Asks the worker to compare the fingerprint of the conseiller's key before it is ever used.

The safe answer (« Plus tard ») is the default focus and Esc: a key is only
trusted by a deliberate choice, after comparing it with the conseiller's screen.
"""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Static

from journal.core.sharing.conseiller_key import KeyToConfirm
from journal.core.text_safety import inert_line
from journal.i18n import t


def conseiller_name(name: str) -> str:
    return inert_line(name)[:80] or t("key_check.no_name")


class KeyConfirmationScreen(ModalScreen[bool]):
    BINDINGS = [Binding("escape", "dismiss(False)", t("key_check.later"))]
    DEFAULT_CSS = """
    KeyConfirmationScreen #key-fingerprint { text-style: bold; color: $accent; margin: 1 0; content-align: center middle; width: 100%; }
    KeyConfirmationScreen #key-actions { height: auto; margin-top: 1; }
    KeyConfirmationScreen #key-actions Button { margin-right: 1; }
    """

    def __init__(self, waiting: KeyToConfirm):
        super().__init__()
        self.waiting = waiting

    def compose(self) -> ComposeResult:
        name = conseiller_name(self.waiting.conseiller)
        with Vertical(classes="modal-box", id="key-box"):
            yield Static(t("key_check.title", conseiller=name), classes="prompt-label", markup=False)
            if self.waiting.replaces_fingerprint:
                yield Static(t("key_check.changed", conseiller=name, previous=self.waiting.replaces_fingerprint), markup=False)
            else:
                yield Static(t("key_check.first", conseiller=name), markup=False)
            yield Static(t("key_check.fingerprint", fingerprint=self.waiting.fingerprint), id="key-fingerprint", markup=False)
            yield Static(t("key_check.compare"), classes="prompt-help", markup=False)
            with Horizontal(id="key-actions"):
                yield Button(t("key_check.later"), id="key-later", variant="primary")
                yield Button(t("key_check.confirm"), id="key-confirm")

    def on_mount(self) -> None:
        self.query_one("#key-later", Button).focus()

    @on(Button.Pressed, "#key-later")
    def _later(self) -> None:
        self.dismiss(False)

    @on(Button.Pressed, "#key-confirm")
    def _confirm(self) -> None:
        self.dismiss(True)
