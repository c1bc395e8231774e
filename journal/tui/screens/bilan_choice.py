"""« Même bilan ou nouveau bilan ? »: asked when an assignment comes from a conseiller or dossier the journal does not know."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Static

from journal.core.text_safety import inert_line
from journal.i18n import t


class BilanChoice(ModalScreen[bool | None]):
    """Dismissed with True (same bilan), False (new bilan) or None (cancelled)."""

    BINDINGS = [Binding("escape", "dismiss(None)", t("keys.cancel"))]

    def __init__(self, conseiller: str, dossier: str, current: str):
        super().__init__()
        self._body = t("bilan_choice.body", conseiller=inert_line(conseiller), dossier=inert_line(dossier), current=inert_line(current))

    def compose(self) -> ComposeResult:
        with Vertical(classes="modal-box", id="bilan-choice"):
            yield Static(t("bilan_choice.title"), classes="detail-title", markup=False)
            yield Static(self._body, markup=False)
            yield Static(t("bilan_choice.explain"), classes="muted", markup=False)
            with Horizontal(classes="buttons"):
                yield Button(t("bilan_choice.same"), id="same", variant="primary")
                yield Button(t("bilan_choice.new"), id="new")
                yield Button(t("bilan_choice.cancel"), id="cancel")

    @on(Button.Pressed)
    def _pressed(self, event: Button.Pressed) -> None:
        self.dismiss({"same": True, "new": False}.get(event.button.id))
