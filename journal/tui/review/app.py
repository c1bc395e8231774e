"""The review app: the caseload on the left, the summary on the right, search, what changed.

Read-only by construction: it receives summaries already read in memory,
opens no journal, and refuses screenshots (they would write the text to disk).
"""

from __future__ import annotations

from textual import on
from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.widgets import Footer, Tree

from journal.core.review import Dossier, Refusal
from journal.i18n import t
from journal.resources import themes_dir
from journal.tui.safe_text import install_output_guard
from journal.tui.review.caseload_tree import CaseloadTree, RefusalChoice, SummaryChoice
from journal.tui.review.search_bar import SearchBar
from journal.tui.review.summary_pane import SummaryPane
from journal.tui.themes import DEFAULT_THEME, load_themes
from journal.tui.widgets.steady_header import SteadyHeader


class ReviewApp(App):
    CSS_PATH = str(themes_dir() / "review.tcss")
    ENABLE_COMMAND_PALETTE = False
    BINDINGS = [
        Binding("ctrl+q", "quit", t("review.keys.quit"), priority=True),
        Binding("escape", "back", t("review.keys.back")),
        Binding("ctrl+f", "search", t("review.keys.search")),
        Binding("f3", "step(1)", t("review.keys.next"), show=False),
        Binding("shift+f3", "step(-1)", t("review.keys.previous"), show=False),
        Binding("c", "toggle_changes", t("review.keys.changes")),
        Binding("q", "quit", t("review.keys.quit"), show=False),
        Binding("f1", "help", t("review.keys.help"), key_display="F1", priority=True),
        Binding("question_mark", "help", t("review.keys.help"), show=False),
    ]

    def __init__(self, dossiers: list[Dossier], refusals: list[Refusal]):
        super().__init__()
        # Summaries come from other machines: the same last line of defence as the worker's app.
        install_output_guard()
        self.dossiers = dossiers
        self.refusals = refusals
        self.showing_changes = False
        self.crashed = False
        self.choice: SummaryChoice | RefusalChoice | None = None
        self.title = t("review.title")
        self.sub_title = t("review.counts", dossiers=len(dossiers), summaries=sum(len(dossier.summaries) for dossier in dossiers))

    def compose(self) -> ComposeResult:
        yield SteadyHeader()
        with Horizontal(id="review-body"):
            yield CaseloadTree(self.dossiers, self.refusals, id="caseload")
            yield SummaryPane(id="summary")
        search = SearchBar(id="search-bar")
        search.display = False
        yield search
        yield Footer()

    def on_mount(self) -> None:
        for theme in load_themes():
            self.register_theme(theme)
        self.theme = DEFAULT_THEME
        tree = self.query_one(CaseloadTree)
        tree.focus()
        first = next(iter(tree.root.children), None)
        if first is not None:
            tree.move_cursor(first)
            self._show(first.data)
        if self.refusals:
            self.notify(t("review.refused_notice", count=len(self.refusals)), severity="warning", timeout=10, markup=False)

    # -- choosing -----------------------------------------------------------------

    @on(Tree.NodeHighlighted, "#caseload")
    def _highlighted(self, event: Tree.NodeHighlighted) -> None:
        self._show(event.node.data)

    @on(Tree.NodeSelected, "#caseload")
    def _selected(self, event: Tree.NodeSelected) -> None:
        if isinstance(event.node.data, SummaryChoice) and not event.node.allow_expand:
            self.query_one("#summary-scroll").focus()

    def _show(self, choice: SummaryChoice | RefusalChoice | None) -> None:
        if choice is None or choice == self.choice:
            return
        self.choice = choice
        pane = self.query_one(SummaryPane)
        if isinstance(choice, RefusalChoice):
            pane.show_refusal(choice.refusal)
        else:
            pane.show_summary(choice.dossier, choice.summary, changes=self.showing_changes)
        self._search_again()

    def action_toggle_changes(self) -> None:
        if not isinstance(self.choice, SummaryChoice):
            return
        self.showing_changes = not self.showing_changes
        self.query_one(SummaryPane).show_summary(self.choice.dossier, self.choice.summary, changes=self.showing_changes)
        self._search_again()

    # -- search ---------------------------------------------------------------------

    def action_search(self) -> None:
        self.query_one(SearchBar).open()

    def _search_again(self) -> None:
        bar = self.query_one(SearchBar)
        if bar.display and bar.query_text.strip():
            self.call_after_refresh(self._run_search)

    def _run_search(self) -> None:
        bar = self.query_one(SearchBar)
        bar.show_count(*self.query_one(SummaryPane).search(bar.query_text))

    @on(SearchBar.Step)
    def _step(self, event: SearchBar.Step) -> None:
        self.action_step(event.direction)

    def action_step(self, direction: int) -> None:
        bar = self.query_one(SearchBar)
        if bar.query_text.strip():
            bar.show_count(*self.query_one(SummaryPane).step(direction))

    @on(SearchBar.Closed)
    def _search_closed(self) -> None:
        self.query_one(SummaryPane).clear_search()
        self.query_one("#summary-scroll").focus()

    def on_input_changed(self, event) -> None:
        if event.input.id == "search-input":
            self._run_search()

    def action_help(self) -> None:
        from journal.tui.review.help_screen import ReviewHelp

        if isinstance(self.screen, ReviewHelp):
            self.screen.dismiss(None)
        else:
            self.push_screen(ReviewHelp())

    # -- leaving ----------------------------------------------------------------------

    def action_back(self) -> None:
        """Esc: from the text back to the list; from the list, leave the viewer."""
        if self.query_one(SearchBar).display:
            self.query_one(SearchBar).action_close()
        elif self.focused is not None and self.focused.id == "caseload":
            self.exit()
        else:
            self.query_one(CaseloadTree).focus()

    # -- unexpected errors ----------------------------------------------------------
    # A traceback could quote the decrypted text, and review writes nothing to disk: no report file,
    # no traceback on the terminal; ``bilan review`` says it in one line and exits 1.

    def _handle_exception(self, error: Exception) -> None:
        self.crashed = True
        super()._handle_exception(error)

    def panic(self, *renderables) -> None:
        self.crashed = True
        super().panic(*renderables)

    def _print_error_renderables(self) -> None:
        if self.crashed:
            self._exit_renderables.clear()
        super()._print_error_renderables()

    # Screenshots would write the decrypted text to a file: not in this app.
    def action_screenshot(self, filename: str | None = None, path: str | None = None) -> None:
        self.notify(t("review.screenshot_refused"), severity="warning")

    def save_screenshot(self, *args, **kwargs) -> str:  # type: ignore[override]
        raise PermissionError(t("review.screenshot_refused"))

    def deliver_screenshot(self, *args, **kwargs) -> str | None:  # type: ignore[override]
        self.notify(t("review.screenshot_refused"), severity="warning")
        return None
