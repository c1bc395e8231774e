"""Table: a list of rows (jobs of a timeline, stories, competences, leads, actions…).

Each row is a ``TableRow``: a titled group with one editor per column and a
small toolbar (move up, move down, delete). Deleting a row that holds
something asks first, in the row itself (``DeleteConfirmation``), so text is
never lost silently. ``TableEditor`` adds rows, moves and deletes them, shows
the suggested number of rows as a hint, and posts the whole list of non-empty
rows as its value.
"""

from __future__ import annotations

from typing import Any

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.widget import Widget
from textual.widgets import Button, Static

from journal.core.answer_view import Items, Text, field_view, is_empty
from journal.core.models import Field, Prompt, PromptKind
from journal.i18n import t
from journal.tui.safe_text import line
from journal.tui.widgets.editors.base import PromptEditor
from journal.tui.widgets.editors.fields import FieldGroup
from journal.tui.widgets.editors.keys import translate_bindings
from journal.tui.widgets.editors.pick import picked_text

SUBTITLE_WIDTH = 40


def row_noun(row_label: str) -> str:
    """« une expérience » → « Expérience »: the row label without its article, capitalised."""
    text = row_label.strip()
    lowered = text.casefold()
    for article in t("editor.table.articles").split("|"):
        if article and lowered.startswith(article):
            text = text[len(article) :].strip()
            break
    return text[:1].upper() + text[1:]


def cell_summary(column: Field, value: Any) -> str:
    """A cell's value as one short line (for the row title)."""
    view = field_view(column, value)
    if column.kind == PromptKind.PICK and isinstance(value, list):
        text = ", ".join(picked_text(pick, column.source) for pick in value if isinstance(pick, dict))
    elif isinstance(view, Text):
        text = view.text.strip().splitlines()[0] if view.text.strip() else ""
    elif isinstance(view, Items):
        text = ", ".join(view.items)
    else:
        text = ""
    return text if len(text) <= SUBTITLE_WIDTH else text[: SUBTITLE_WIDTH - 1] + "…"


class DeleteConfirmation(Horizontal):
    """Asks, inside the row, whether to delete it; the safe answer has the focus."""

    BINDINGS = [Binding("escape", "keep", "editor.table.keep")]

    DEFAULT_CSS = """
    DeleteConfirmation { height: auto; background: $error 15%; padding: 0 1; }
    DeleteConfirmation > Static { width: 1fr; }
    DeleteConfirmation > Button { margin: 0 0 0 1; }
    """

    def __init__(self) -> None:
        super().__init__()
        translate_bindings(self)

    def compose(self) -> ComposeResult:
        yield Static(t("editor.table.confirm_delete"), markup=False)
        yield Button(t("editor.table.confirm_yes"), variant="error", compact=True, classes="confirm-yes")
        yield Button(t("editor.table.confirm_no"), compact=True, classes="confirm-no")

    def on_mount(self) -> None:
        self.call_after_refresh(self.query_one(".confirm-no", Button).focus)

    def action_keep(self) -> None:
        self.query_one(".confirm-no", Button).press()


class TableRow(FieldGroup):
    """One row: its column editors, then buttons to move or delete it."""

    DEFAULT_CSS = """
    TableRow > .row-tools { height: auto; margin: 1 0 0 0; }
    TableRow > .row-tools > Button { margin: 0 1 0 0; }
    """

    def compose(self) -> ComposeResult:
        yield from super().compose()
        with Horizontal(classes="row-tools"):
            yield Button(t("editor.table.button_up"), compact=True, classes="row-up")
            yield Button(t("editor.table.button_down"), compact=True, classes="row-down")
            yield Button(t("editor.table.button_delete"), compact=True, classes="row-delete")

    @property
    def empty(self) -> bool:
        return is_empty(self.values)

    def ask_delete(self) -> None:
        if not self.query(DeleteConfirmation):
            # At the top of the row, next to its title: the worker sees what would go.
            self.mount(DeleteConfirmation(), before=0)

    def cancel_delete(self) -> None:
        for confirmation in self.query(DeleteConfirmation):
            confirmation.remove()
        self.query_one(".row-delete", Button).focus()


class TableEditor(PromptEditor):
    """Rows of column editors; add, move and delete rows; the value is the list of rows."""

    BINDINGS = [
        Binding("ctrl+n", "add_row", "editor.table.add_key"),
        Binding("ctrl+up", "move_row(-1)", "editor.table.move_up", key_display="ctrl+↑"),
        Binding("ctrl+down", "move_row(1)", "editor.table.move_down", key_display="ctrl+↓"),
        Binding("ctrl+delete", "delete_row", "editor.table.delete", key_display="editor.table.delete_key"),
    ]

    DEFAULT_CSS = """
    TableEditor { height: auto; }
    TableEditor > .table-rows { height: auto; }
    TableEditor > .table-hint { color: $text-muted; margin: 1 0 0 0; }
    TableEditor > .table-add { margin: 1 0 0 0; }
    """

    def __init__(self, spec: Prompt, value: Any = None, **kwargs: Any):
        super().__init__(spec, value, **kwargs)
        translate_bindings(self)
        rows = [dict(row) for row in value if isinstance(row, dict)] if isinstance(value, list) else []
        self._initial_rows = rows or [{}]

    # -- layout -------------------------------------------------------------------------

    @property
    def noun(self) -> str:
        return row_noun(str(self.spec.row_label)) or t("editor.table.row")

    def compose(self) -> ComposeResult:
        with Vertical(classes="table-rows"):
            for number, row in enumerate(self._initial_rows, start=1):
                yield TableRow(self.spec.columns, row, self._title(number, row))
        if self.spec.min_rows:
            filled = sum(1 for row in self._initial_rows if not is_empty(row))
            yield Static(self._hint_text(filled), markup=False, classes="table-hint")
        label = str(self.spec.row_label) or t("editor.table.row").lower()
        yield Button(line(t("editor.table.add", label=label)), variant="primary", classes="table-add")

    def _title(self, number: int, row: dict[str, Any]) -> str:
        title = t("editor.table.row_title", noun=self.noun, number=number)
        first = self.spec.columns[0]
        summary = cell_summary(first, row.get(first.id))
        return f"{title} · {summary}" if summary else title

    def _hint_text(self, filled: int) -> str:
        key = "editor.table.min_rows_done" if filled >= self.spec.min_rows else "editor.table.min_rows"
        return t(key, count=self.spec.min_rows, filled=filled)

    @property
    def rows(self) -> list[TableRow]:
        return list(self.query_one(".table-rows", Vertical).query_children(TableRow))

    def _refresh(self) -> None:
        """Renumber the rows, update the hint and record the value."""
        for number, row in enumerate(self.rows, start=1):
            row.set_title(self._title(number, row.values))
        filled = sum(1 for row in self.rows if not row.empty)
        for hint in self.query(".table-hint").results(Static):
            hint.update(self._hint_text(filled))
        self.set_value([dict(row.values) for row in self.rows if not row.empty])

    def _row_of(self, widget: Widget | None) -> TableRow | None:
        while widget is not None and widget is not self:
            if isinstance(widget, TableRow):
                return widget
            widget = widget.parent
        return None

    @property
    def focused_row(self) -> TableRow | None:
        return self._row_of(self.screen.focused)

    # -- actions ------------------------------------------------------------------------

    async def action_add_row(self) -> None:
        row = TableRow(self.spec.columns, {}, self._title(len(self.rows) + 1, {}))
        await self.query_one(".table-rows", Vertical).mount(row)
        self._refresh()
        row.focus_first()
        row.scroll_visible()

    def action_move_row(self, delta: int) -> None:
        row = self.focused_row
        if row is not None:
            self._move(row, delta)

    async def action_delete_row(self) -> None:
        row = self.focused_row
        if row is not None:
            await self._delete(row)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ("move_row", "delete_row"):
            return self.focused_row is not None
        return True

    def _move(self, row: TableRow, delta: int) -> None:
        rows = self.rows
        index = rows.index(row)
        target = index + delta
        if not 0 <= target < len(rows):
            self.app.bell()
            return
        box = self.query_one(".table-rows", Vertical)
        if delta < 0:
            box.move_child(row, before=rows[target])
        else:
            box.move_child(row, after=rows[target])
        self._refresh()
        self.call_after_refresh(row.scroll_visible)

    async def _delete(self, row: TableRow) -> None:
        if row.empty:
            await self._remove(row)
        else:
            row.ask_delete()

    async def _remove(self, row: TableRow) -> None:
        rows = self.rows
        index = rows.index(row)
        neighbour = rows[index + 1] if index + 1 < len(rows) else rows[index - 1] if index > 0 else None
        await row.remove()
        if neighbour is not None:
            neighbour.focus_first()
        else:
            self.query_one(".table-add", Button).focus()
        self._refresh()

    # -- events -------------------------------------------------------------------------

    @on(FieldGroup.Changed)
    def _cell_changed(self, event: FieldGroup.Changed) -> None:
        event.stop()
        self._refresh()

    @on(Button.Pressed, ".table-add")
    async def _add_clicked(self, event: Button.Pressed) -> None:
        event.stop()
        await self.action_add_row()

    @on(Button.Pressed, ".row-up, .row-down, .row-delete, .confirm-yes, .confirm-no")
    async def _row_button(self, event: Button.Pressed) -> None:
        event.stop()
        row = self._row_of(event.button)
        if row is None:
            return
        if event.button.has_class("row-up"):
            self._move(row, -1)
        elif event.button.has_class("row-down"):
            self._move(row, 1)
        elif event.button.has_class("row-delete"):
            await self._delete(row)
        elif event.button.has_class("confirm-yes"):
            await self._remove(row)
        else:
            row.cancel_delete()


TABLE_EDITORS = {PromptKind.TABLE: TableEditor}
