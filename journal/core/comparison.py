"""Dated instances of a repeatable exercise, side by side, so the worker sees what moved.

One row per question, one column per instance (oldest first); each cell is the
whole answer as text (``one_line`` makes the short line a table shows). Private
instances are shown too: this view is for the worker alone and never exported.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable

from journal.core.answer_view import answer_view, view_as_text
from journal.core.models import Entry, Exercise

CELL_WIDTH = 48


@dataclass(frozen=True, slots=True)
class Comparison:
    entries: tuple[Entry, ...]
    rows: tuple[tuple[str, tuple[str, ...]], ...]


def one_line(text: str, width: int = CELL_WIDTH) -> str:
    """Several lines joined with « / », cut with « … » past ``width`` characters."""
    joined = " / ".join(part.strip() for part in text.splitlines() if part.strip())
    return joined if len(joined) <= width else joined[: width - 1] + "…"


def compare_entries(exercise: Exercise, entries: Iterable[Entry]) -> Comparison:
    """The answers of ``entries`` (instances of ``exercise``) as rows of cells, questions never answered left out."""
    ordered = tuple(sorted(entries, key=lambda e: (e.created_at, e.instance)))
    rows = []
    for prompt in exercise.prompts:
        cells = tuple(view_as_text(answer_view(prompt, entry.answer(prompt.id))) for entry in ordered)
        if any(cell.strip() for cell in cells):
            rows.append((str(prompt.label), cells))
    return Comparison(ordered, tuple(rows))
