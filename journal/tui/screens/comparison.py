"""Shows the dated instances of a repeatable exercise side by side (« Où j'en suis », suivis)."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import DataTable, Static

from journal.core.comparison import compare_entries, one_line
from journal.core.models import Entry, Exercise
from journal.core.text_safety import inert_line
from journal.i18n import t

LABEL_WIDTH = 26
CELL_WIDTH = 20


class ComparisonScreen(ModalScreen[None]):
    BINDINGS = [Binding("escape,q", "dismiss(None)", t("keys.close")), Binding("question_mark", "app.help", t("keys.help"), show=False)]
    DEFAULT_CSS = """
    ComparisonScreen DataTable { height: 1fr; }
    """

    def __init__(self, exercise: Exercise, entries: list[Entry]):
        super().__init__()
        self.exercise = exercise
        self.entries = entries

    def compose(self) -> ComposeResult:
        comparison = compare_entries(self.exercise, self.entries)
        with Vertical(classes="modal-box", id="comparison-box"):
            yield Static(t("comparison.title", title=inert_line(self.exercise.title)), classes="prompt-label", markup=False)
            yield Static(t("comparison.hint"), classes="prompt-help", markup=False)
            table: DataTable = DataTable(zebra_stripes=True, cursor_type="row")
            table.add_column(t("comparison.question"), key="question", width=LABEL_WIDTH)
            for entry in comparison.entries:
                header = t("comparison.column", number=entry.instance, date=entry.created_at.strftime(t("formats.date")))
                table.add_column(header, key=f"instance-{entry.instance}", width=CELL_WIDTH)
            for index, (label, cells) in enumerate(comparison.rows):
                row = [Content(inert_line(one_line(label, LABEL_WIDTH)))] + [Content(inert_line(one_line(cell, CELL_WIDTH)) or "–") for cell in cells]
                table.add_row(*row, key=str(index))
            yield table

    def on_mount(self) -> None:
        # Wider than the other dialogs (the shared .modal-box rule wins over DEFAULT_CSS): the
        # dated columns need the room.
        box = self.query_one("#comparison-box")
        box.styles.width = "95%"
        box.styles.max_width = 160
        box.styles.height = "90%"
        self.query_one(DataTable).focus()
