"""Shows the dated instances of a repeatable exercise side by side (« Où j'en suis », suivis).

The table gives each answer in one short line; below it, the highlighted
question and its answer on every sheet are shown in full, so nothing the
worker wrote is out of reach at 80 columns.
"""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import DataTable, Static

from journal.core.comparison import Comparison, compare_entries, one_line
from journal.core.models import Entry, Exercise
from journal.core.text_safety import inert_line
from journal.i18n import t
from journal.tui.safe_text import plain

LABEL_WIDTH = 26
CELL_WIDTH = 20


class ComparisonScreen(ModalScreen[None]):
    BINDINGS = [Binding("escape,q", "dismiss(None)", t("keys.close")), Binding("question_mark", "app.help", t("keys.help"), show=False)]
    DEFAULT_CSS = """
    ComparisonScreen DataTable { height: auto; max-height: 50%; }
    ComparisonScreen #comparison-detail { height: 1fr; margin-top: 1; }
    """

    def __init__(self, exercise: Exercise, entries: list[Entry]):
        super().__init__()
        self.exercise = exercise
        self.entries = entries
        self.comparison: Comparison = compare_entries(exercise, entries)

    def compose(self) -> ComposeResult:
        comparison = self.comparison
        with Vertical(classes="modal-box", id="comparison-box"):
            yield Static(t("comparison.title", title=inert_line(self.exercise.title)), classes="prompt-label", markup=False)
            yield Static(t("comparison.hint"), classes="prompt-help", markup=False)
            table: DataTable = DataTable(zebra_stripes=True, cursor_type="row")
            table.add_column(t("comparison.question"), key="question", width=LABEL_WIDTH)
            for entry in comparison.entries:
                table.add_column(self._column(entry), key=f"instance-{entry.instance}", width=CELL_WIDTH)
            for index, (label, cells) in enumerate(comparison.rows):
                row = [Content(inert_line(one_line(label, LABEL_WIDTH)))] + [Content(inert_line(one_line(cell, CELL_WIDTH)) or "–") for cell in cells]
                table.add_row(*row, key=str(index))
            yield table
            with VerticalScroll(id="comparison-detail"):
                yield Static(id="comparison-full", markup=False)

    def on_mount(self) -> None:
        # Wider than the other dialogs (the shared .modal-box rule wins over DEFAULT_CSS): the
        # dated columns need the room.
        box = self.query_one("#comparison-box")
        box.styles.width = "95%"
        box.styles.max_width = 160
        box.styles.height = "90%"
        self.query_one(DataTable).focus()

    @on(DataTable.RowHighlighted)
    def _show_in_full(self, event: DataTable.RowHighlighted) -> None:
        """The highlighted question, then its answer on each sheet, whole."""
        label, cells = self.comparison.rows[int(event.row_key.value)]
        parts: list = [(plain(label), "bold")]
        for entry, cell in zip(self.comparison.entries, cells):
            parts += ["\n\n", (self._column(entry), "bold"), "\n"]
            parts.append(plain(cell) if cell.strip() else (t("comparison.unanswered"), "italic"))
        self.query_one("#comparison-full", Static).update(Content.assemble(*parts))
        self.query_one("#comparison-detail", VerticalScroll).scroll_home(animate=False)

    @staticmethod
    def _column(entry: Entry) -> str:
        return t("comparison.column", number=entry.instance, date=entry.created_at.strftime(t("formats.date")))
