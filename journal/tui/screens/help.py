"""A short guide to the app: the bilan's phases, the keys, where the journal lives, and the help pages."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Markdown

from journal.core.help_pages import HELP_PAGES, page_key
from journal.i18n import t
from journal.tui.safe_text import plain


class HelpScreen(ModalScreen[None]):
    BINDINGS = [Binding("escape,q,question_mark", "dismiss(None)", t("keys.close"))]

    def compose(self) -> ComposeResult:
        with VerticalScroll(classes="modal-box"):
            yield Markdown(plain(t("help.body", folder=self.app.store.data_dir)))
            for page in HELP_PAGES:
                yield Markdown(t(page_key(page, "body")), id=f"page-{page}")
            yield Markdown(t("panel.help"), id="page-conseiller")
