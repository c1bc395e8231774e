"""Search (Ctrl+F from anywhere): notes and answers, ignoring case and accents; Enter opens
the question (cursor on the match's answer) or the note."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from journal.core.search import Hit, search
from journal.core.search_text import hit_context, hit_place
from journal.core.text_safety import inert_line
from journal.i18n import t


class SearchScreen(ModalScreen[Hit | None]):
    OPENS_ON_ENTER = True  # Enter opens what was found: keys typed meanwhile are held for it (see BilanApp.on_event)
    BINDINGS = [
        Binding("escape", "dismiss(None)", t("keys.close")),
        Binding("down", "into_results", show=False),
        Binding("question_mark", "app.help", t("keys.help"), show=False),
    ]

    def __init__(self, query: str = ""):
        super().__init__()
        self.query_text = query
        self.hits: list[Hit] = []

    def compose(self) -> ComposeResult:
        with Vertical(classes="modal-box search-box"):
            yield Static(t("worker.search.title"), classes="prompt-label")
            yield Input(self.query_text, placeholder=t("worker.search.placeholder"), id="search-input", max_length=200)
            yield Static(id="search-count", classes="muted", markup=False)
            yield OptionList(id="search-results")

    def on_mount(self) -> None:
        self.query_one("#search-input", Input).focus()
        self._run(self.query_text)

    def help_section(self) -> str:
        return t("worker.search.help")

    @on(Input.Changed, "#search-input")
    def _typed(self, event: Input.Changed) -> None:
        self._run(event.value)

    def _run(self, query: str) -> None:
        self.hits = search(self.app.store, self.app.catalogue, query) if query.strip() else []
        results = self.query_one("#search-results", OptionList)
        catalogue = self.app.catalogue
        results.set_options(
            Option(Content.assemble((hit_place(hit, catalogue), "bold"), "\n  ", hit_context(hit)), id=str(index))
            for index, hit in enumerate(self.hits)
        )
        count = self.query_one("#search-count", Static)
        if not query.strip():
            count.update("")
        elif self.hits:
            count.update(t("worker.search.count", count=len(self.hits)))
        else:
            count.update(t("worker.search.none", query=inert_line(query.strip())))
        if self.hits:
            results.highlighted = 0

    def action_into_results(self) -> None:
        if self.hits:
            self.query_one("#search-results", OptionList).focus()

    @on(Input.Submitted, "#search-input")
    def _open_first(self) -> None:
        if self.hits:
            results = self.query_one("#search-results", OptionList)
            self.dismiss(self.hits[results.highlighted or 0])

    @on(OptionList.OptionSelected, "#search-results")
    def _open(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(self.hits[event.option_index])
