"""The right side of the viewer: who and when, then the summary (or what changed) rendered as Markdown.

The text was made inert when the file was read; links are never opened by a
click (``open_links=False``), and very long texts are shown up to a bound so
that one file cannot freeze the viewer.
"""

from __future__ import annotations

from markdown_it import MarkdownIt
from textual.app import ComposeResult
from textual.containers import Vertical, VerticalScroll
from textual.widgets import Markdown, Static
from textual.widgets.markdown import MarkdownBlock

from journal.core.review import Dossier, Refusal, SummaryDocument
from journal.core.review.changes_markdown import changes_markdown
from journal.core.review.search import matching_lines
from journal.core.text_safety import inert_line
from journal.i18n import t

MAX_SHOWN_CHARS = 200_000
# A summary nests a list in a quote at most; hundreds of nested quotes would cost seconds to lay out.
MAX_MARKDOWN_NESTING = 10
MATCH_CLASS = "search-match"
# A long summary is shown in two steps: its beginning at once, then the whole text (a 90 KB summary is a thousand
# Markdown blocks, over a second to lay out; the first screenful needs a few dozen).
HEAD_CHARS = 6_000


def header_lines(dossier: Dossier, summary: SummaryDocument) -> str:
    header = summary.header
    lines = [
        t(
            "review.header_line",
            alias=inert_line(header.alias) or t("review.no_alias"),
            dossier=inert_line(header.dossier) or t("review.no_dossier"),
            conseiller=inert_line(header.conseiller) or t("review.no_conseiller"),
        )
    ]
    export = t("review.header_export", sequence=header.sequence, date=header.exported_at.strftime(t("review.date_format")))
    day = t("review.date_format")
    if header.period_to and header.period_from:
        export += " · " + t("review.header_period", start=header.period_from.strftime(day), end=header.period_to.strftime(day))
    elif header.period_to:
        export += " · " + t("review.header_period_open", end=header.period_to.strftime(day))
    lines.append(export)
    if dossier.is_superseded(summary):
        lines.append(t("review.header_superseded", sequence=dossier.newest.header.sequence))
    lines.append(t("review.header_file", path=inert_line(str(summary.path))))
    return "\n".join(lines)


def beginning(text: str, size: int) -> str | None:
    """The text up to a blank line before ``size`` characters, outside any code fence; None for a short text."""
    if len(text) <= size:
        return None
    cut = text.rfind("\n\n", 0, size)
    if cut <= 0:
        return None
    head = text[:cut]
    fences = sum(1 for line in head.splitlines() if line.lstrip().startswith(("```", "~~~")))
    return head if fences % 2 == 0 else None


def _bounded_parser() -> MarkdownIt:
    return MarkdownIt("gfm-like", {"maxNesting": MAX_MARKDOWN_NESTING})


class SummaryPane(Vertical):
    """Shows one summary, its changes, or why a file was refused; finds words in what is shown."""

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.source = ""
        self._matches: list[int] = []
        self._match_index = -1

    def compose(self) -> ComposeResult:
        yield Static("", id="summary-header", markup=False)
        with VerticalScroll(id="summary-scroll"):
            yield Markdown("", id="summary-text", open_links=False, parser_factory=_bounded_parser)

    def show_summary(self, dossier: Dossier, summary: SummaryDocument, *, changes: bool) -> None:
        self.query_one("#summary-header", Static).update(header_lines(dossier, summary))
        if changes:
            text = f"*{t('review.showing_changes')}*\n\n" + changes_markdown(dossier.previous(summary), summary)
        else:
            text = summary.body
        self._show_markdown(text)

    def show_refusal(self, refusal: Refusal) -> None:
        self.query_one("#summary-header", Static).update(t("review.refusal_title"))
        # The reason is already inert; as a quote it cannot become a heading or a list.
        self._show_markdown("> " + refusal.reason.replace("\n", " "))

    def _show_markdown(self, text: str) -> None:
        if len(text) > MAX_SHOWN_CHARS:
            note = t("review.truncated", shown=MAX_SHOWN_CHARS // 1024, total=len(text) // 1024)
            text = text[:MAX_SHOWN_CHARS] + "\n\n" + note + "\n"
        self.source = text
        self._matches, self._match_index = [], -1
        self.run_worker(self._show_in_steps(text), exclusive=True, group="summary-text")
        self.query_one("#summary-scroll", VerticalScroll).scroll_home(animate=False)

    async def _show_in_steps(self, text: str) -> None:
        """The beginning of a long text first (drawn while the rest is parsed), then the whole text."""
        markdown = self.query_one("#summary-text", Markdown)
        head = beginning(text, HEAD_CHARS)
        if head is not None:
            await markdown.update(head)
        await markdown.update(text)

    # -- search -----------------------------------------------------------------

    def search(self, query: str) -> tuple[int, int]:
        """Find ``query`` in what is shown; go to the first match. Returns (current, total)."""
        self._matches = matching_lines(self.source, query)
        self._match_index = -1
        if not self._matches:
            self._mark(None)
            return 0, 0
        return self.step(1)

    def step(self, direction: int) -> tuple[int, int]:
        """Go to the next (1) or previous (-1) match, wrapping around."""
        if not self._matches:
            return 0, 0
        self._match_index = (self._match_index + direction) % len(self._matches)
        block = self._block_at(self._matches[self._match_index])
        self._mark(block)
        if block is not None:
            self.query_one("#summary-scroll", VerticalScroll).scroll_to_widget(block, animate=False, top=True)
        return self._match_index + 1, len(self._matches)

    def clear_search(self) -> None:
        self._matches, self._match_index = [], -1
        self._mark(None)

    def _block_at(self, line: int) -> MarkdownBlock | None:
        """The smallest rendered block whose source holds ``line``."""
        best: MarkdownBlock | None = None
        for block in self.query(MarkdownBlock):
            start, end = block.source_range
            if start <= line < max(end, start + 1):
                if best is None or (end - start) <= (best.source_range[1] - best.source_range[0]):
                    best = block
        return best

    def _mark(self, block: MarkdownBlock | None) -> None:
        for marked in self.query(f".{MATCH_CLASS}"):
            marked.remove_class(MATCH_CLASS)
        if block is not None:
            block.add_class(MATCH_CLASS)
