"""The weighted decision table of « Aide à la décision », recomputed as the worker rates."""

from __future__ import annotations

from typing import Any, Mapping

from textual.widgets import Static

from journal.core.answer_view import grid_lines
from journal.core.decision import decision_grid, decision_table
from journal.core.models import Exercise
from journal.core.text_safety import inert
from journal.i18n import t


class DecisionTableView(Static):
    """Shows the computed table (or how to make it appear); user text is shown as text."""

    DEFAULT_CSS = """
    DecisionTableView { height: auto; padding: 0 1; margin: 1 0; border: round $primary 40%; }
    """

    def __init__(self, exercise: Exercise, answers: Mapping[str, Any], **kwargs: Any):
        super().__init__("", markup=False, **kwargs)
        self.exercise = exercise
        self.show(answers)

    def show(self, answers: Mapping[str, Any]) -> None:
        table = decision_table(self.exercise, answers)
        grid = decision_grid(table) if table is not None else None
        if grid is None:
            self.update(t("decision.empty"))
            return
        self.update(inert("\n".join([t("decision.title"), "", *grid_lines(grid)])))
