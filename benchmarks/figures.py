"""The figures of the performance issue: each bilan measure against its anchor, same run, interleaved.

Every figure is ``repeat`` pairs (bilan, anchor), alternating which runs first
so that neither always gets the warmer cache; the ratio is the median of
bilan's samples over the median of the anchor's, and the spread is the range
of the pairs' own ratios.
"""

from __future__ import annotations

import statistics
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, TypeVar

EXPORT = "export"
NOTE = "note"
RSS = "rss"
FIRST_SCREEN = "first_screen"
REVIEW = "review"


@dataclass(frozen=True)
class Figure:
    key: str
    title: str
    unit: str  # "s" or "MiB"
    target: str


FIGURES = (
    Figure(EXPORT, "`bilan export` (Markdown) ÷ `jrnl --export markdown`", "s", "≤ 0.5 at every size, ≤ 0.8 stress"),
    Figure(NOTE, "`bilan note` ÷ jrnl adding one entry", "s", "≤ 0.35 at every size, ≤ 0.5 stress"),
    Figure(RSS, "peak RSS of export ÷ jrnl's", "MiB", "≤ 1.2, ≤ 1.5 stress"),
    Figure(FIRST_SCREEN, "first screen ÷ floor app", "s", "≤ 1.15 at 100, ≤ 1.3 at 20k, ≤ 1.5 stress"),
    Figure(REVIEW, "`bilan review` of 200 summaries, first summary on screen ÷ floor app", "s", "(none set)"),
)


@dataclass(frozen=True)
class Measured:
    """One cell of the table: bilan's samples, the anchor's (empty when there is no anchor)."""

    bilan: tuple[float, ...]
    anchor: tuple[float, ...] = ()

    @property
    def ratio(self) -> float | None:
        return statistics.median(self.bilan) / statistics.median(self.anchor) if self.anchor else None

    @property
    def spread(self) -> tuple[float, float] | None:
        if not self.anchor:
            return None
        ratios = [mine / theirs for mine, theirs in zip(self.bilan, self.anchor)]
        return min(ratios), max(ratios)


@dataclass(frozen=True)
class Skipped:
    """A cell that could not be measured, and why, in a few words."""

    reason: str


Cell = Measured | Skipped
Result = TypeVar("Result")


def interleaved(repeat: int, bilan: Callable[[], Result], anchor: Callable[[], Result] | None) -> tuple[list[Result], list[Result]]:
    """``repeat`` runs of each, in pairs, the anchor first on odd rounds (no anchor: bilan alone)."""
    mine: list[Result] = []
    theirs: list[Result] = []
    for round_number in range(repeat):
        if anchor is not None and round_number % 2:
            theirs.append(anchor())
            mine.append(bilan())
        else:
            mine.append(bilan())
            if anchor is not None:
                theirs.append(anchor())
    return mine, theirs


def measured(mine: list, theirs: list, value: Callable[[Any], float] = float) -> Measured:
    """The cell made of one number taken from each run's result."""
    return Measured(tuple(value(result) for result in mine), tuple(value(result) for result in theirs))
