"""F1 (or ?) in ``bilan review``: the keys of the viewer and what it shows, in plain words."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen

from journal.i18n import t
from journal.tui.screens.help import HelpText


class ReviewHelp(ModalScreen[None]):
    BINDINGS = [Binding("escape,q,question_mark,f1", "dismiss(None)", t("keys.close"))]

    def compose(self) -> ComposeResult:
        with VerticalScroll(classes="modal-box help-box"):
            yield HelpText(t("review.help_text"))

    def on_mount(self) -> None:
        self.query_one(VerticalScroll).focus()
