"""Scoring of questionnaires (e.g. the interests exploration).

Scores are explorations to talk over with the conseiller, never a verdict:
each dimension gets the mean of the worker's 1–5 ratings; the code is the
letters of the highest dimensions, and dimensions that tie are reported so
the screen and the export can say so instead of silently picking one.
"""

from __future__ import annotations

from typing import Mapping

from journal.core.models import Dimension, Prompt
from journal.core.record import record


@record
class DimensionScore:
    dimension: Dimension
    total: int
    answered: int
    item_count: int

    @property
    def mean(self) -> float:
        return self.total / self.answered if self.answered else 0.0

    @property
    def letter(self) -> str:
        return self.dimension.id[:1].upper()


@record
class QuestionnaireResult:
    scores: tuple[DimensionScore, ...]
    ranked: tuple[DimensionScore, ...]
    code: str
    ties: tuple[tuple[DimensionScore, ...], ...]
    answered: int
    item_count: int

    @property
    def complete(self) -> bool:
        return self.answered == self.item_count


def score_questionnaire(prompt: Prompt, answers: Mapping[str, object] | None) -> QuestionnaireResult:
    """Score the ratings ``answers`` (item id → 1..5) given to ``prompt``."""
    answers = answers or {}
    scores = []
    for dimension in prompt.dimensions:
        items = [item for item in prompt.items if item.dimension == dimension.id]
        ratings = [answers.get(item.id) for item in items]
        valid = [r for r in ratings if isinstance(r, int) and not isinstance(r, bool) and 1 <= r <= 5]
        scores.append(DimensionScore(dimension, sum(valid), len(valid), len(items)))
    order = {score.dimension.id: index for index, score in enumerate(scores)}
    ranked = tuple(sorted(scores, key=lambda s: (-round(s.mean, 6), order[s.dimension.id])))
    answered = sum(score.answered for score in scores)
    length = min(prompt.code_length, len(ranked))
    code = "".join(score.letter for score in ranked[:length]) if answered else ""
    return QuestionnaireResult(
        scores=tuple(scores),
        ranked=ranked,
        code=code,
        ties=_ties_at_code(ranked, length) if answered else (),
        answered=answered,
        item_count=len(prompt.items),
    )


def _ties_at_code(ranked: tuple[DimensionScore, ...], length: int) -> tuple[tuple[DimensionScore, ...], ...]:
    """Groups of equal scores that change which letters, or their order, make the code."""
    groups: list[list[DimensionScore]] = []
    for score in ranked:
        if groups and round(groups[-1][0].mean, 6) == round(score.mean, 6):
            groups[-1].append(score)
        else:
            groups.append([score])
    ties = []
    position = 0
    for group in groups:
        if position >= length:
            break
        if len(group) > 1:
            ties.append(tuple(group))
        position += len(group)
    return tuple(ties)
