"""The weighted decision table of « Aide à la décision », computed from the worker's answers.

The worker lists criteria (what matters to them: values, interests, constraints,
conditions) with a weight from 1 to 5, then rates each retained lead against each
criterion from 1 to 5. Row *n* of the criteria table is scored in the column
``critere-n`` of the leads table. A lead's result is the weighted mean of its
ratings, on the same 1–5 scale: an aid to discuss with the conseiller, never a
verdict. Criteria without a weight and missing ratings are left out of the mean
and reported, so an unfinished table never looks finished.
"""

from __future__ import annotations

from typing import Any, Mapping

from journal.core.answer_view import Grid, is_empty
from journal.core.models import Exercise, PromptKind
from journal.core.record import record
from journal.i18n import t

DECISION_EXERCISE = "aide-a-la-decision"
CRITERIA_PROMPT = "criteres"
CRITERION_COLUMN = "critere"
WEIGHT_COLUMN = "poids"
LEADS_PROMPT = "pistes"
LEAD_COLUMN = "piste"
MAX_CRITERIA = 6
SCALE_MAX = 5


def score_column(number: int) -> str:
    """The column of the leads table that rates criterion ``number`` (1-based)."""
    return f"critere-{number}"


@record
class Criterion:
    label: str
    weight: int | None


@record
class LeadResult:
    label: str
    ratings: tuple[int | None, ...]
    result: float | None
    missing: int

    @property
    def complete(self) -> bool:
        return self.missing == 0


@record
class DecisionTable:
    criteria: tuple[Criterion, ...]
    leads: tuple[LeadResult, ...]

    @property
    def empty(self) -> bool:
        return not self.criteria or not self.leads


def _rating(value: Any) -> int | None:
    if isinstance(value, bool) or not isinstance(value, int):
        return None
    return value if 1 <= value <= SCALE_MAX else None


def _label(value: Any) -> str:
    """A criterion or lead as one line of text (a table cell), whatever was stored."""
    if isinstance(value, str):
        text = value
    elif isinstance(value, list):
        text = ", ".join(str(pick.get("label", "")) for pick in value if isinstance(pick, dict) and pick.get("label"))
    else:
        text = ""
    return " ".join(text.split())


def weighted_table(criteria_rows: Any, lead_rows: Any) -> DecisionTable:
    """The table for these stored answers (lists of row dicts; anything else counts as empty)."""
    criteria = []
    for row in criteria_rows if isinstance(criteria_rows, list) else []:
        if not isinstance(row, Mapping) or is_empty(row):
            continue
        criteria.append(Criterion(_label(row.get(CRITERION_COLUMN)), _rating(row.get(WEIGHT_COLUMN))))
        if len(criteria) == MAX_CRITERIA:
            break
    leads = []
    for row in lead_rows if isinstance(lead_rows, list) else []:
        if not isinstance(row, Mapping) or is_empty(row):
            continue
        ratings = tuple(_rating(row.get(score_column(n))) for n in range(1, len(criteria) + 1))
        weighted = [(c.weight, r) for c, r in zip(criteria, ratings) if c.weight is not None and r is not None]
        total_weight = sum(weight for weight, _ in weighted)
        result = sum(weight * rating for weight, rating in weighted) / total_weight if total_weight else None
        missing = sum(1 for c, r in zip(criteria, ratings) if c.weight is None or r is None)
        leads.append(LeadResult(_label(row.get(LEAD_COLUMN)), ratings, result, missing))
    return DecisionTable(tuple(criteria), tuple(leads))


def is_decision_exercise(exercise: Exercise) -> bool:
    """True for an exercise built like « Aide à la décision » (criteria table + leads table)."""
    criteria, leads = exercise.prompt(CRITERIA_PROMPT), exercise.prompt(LEADS_PROMPT)
    return (
        exercise.id == DECISION_EXERCISE
        and criteria is not None
        and leads is not None
        and criteria.kind == PromptKind.TABLE
        and leads.kind == PromptKind.TABLE
    )


def decision_table(exercise: Exercise, answers: Mapping[str, Any]) -> DecisionTable | None:
    """The weighted table of an « Aide à la décision » entry, or None for any other exercise."""
    if not is_decision_exercise(exercise):
        return None
    return weighted_table(answers.get(CRITERIA_PROMPT), answers.get(LEADS_PROMPT))


def _score(value: float | None) -> str:
    if value is None:
        return "–"
    return f"{value:.1f}".replace(".", t("formats.decimal_point"))


def decision_grid(table: DecisionTable) -> Grid | None:
    """The table as a grid: one row per lead, one column per criterion, the result last."""
    if table.empty:
        return None
    headers = [t("decision.lead")]
    for number, criterion in enumerate(table.criteria, start=1):
        name = criterion.label or t("decision.criterion", number=number)
        weight = "?" if criterion.weight is None else str(criterion.weight)
        headers.append(t("decision.header", name=name, weight=weight))
    headers.append(t("decision.result"))
    rows = []
    for number, lead in enumerate(table.leads, start=1):
        cells = [lead.label or t("decision.lead_number", number=number)]
        cells += ["–" if rating is None else str(rating) for rating in lead.ratings]
        result = _score(lead.result)
        if lead.result is not None and not lead.complete:
            result = t("decision.partial", score=result, missing=lead.missing)
        cells.append(result)
        rows.append(tuple(cells))
    return Grid(tuple(headers), tuple(rows), t("decision.caption"))


def decision_export(table: DecisionTable) -> dict[str, Any]:
    """The computed table as plain data (for the JSON export)."""
    return {
        "criteria": [{"label": c.label, "weight": c.weight} for c in table.criteria],
        "leads": [
            {"label": lead.label, "ratings": list(lead.ratings), "result": None if lead.result is None else round(lead.result, 2)}
            for lead in table.leads
        ],
    }



RESULT_ID = "tableau-pondere"


def decision_answer(exercise: Exercise, answers: Mapping[str, Any]) -> tuple[str, str, Grid, dict[str, Any]] | None:
    """The computed table as an extra exported answer: (id, label, view, data), or None."""
    table = decision_table(exercise, answers)
    grid = decision_grid(table) if table is not None else None
    if table is None or grid is None:
        return None
    return RESULT_ID, t("decision.title"), grid, decision_export(table)
