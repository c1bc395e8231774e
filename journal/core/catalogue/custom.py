"""The catalogue as the worker sees it: the built-in exercises plus the custom ones kept in the journal.

A custom exercise is checked again each time it is loaded (the journal file
may have been edited by hand); one that no longer passes is left out rather
than crash the app, and reported by ``custom_problems``.
"""

from __future__ import annotations

from pathlib import Path

from journal.core.catalogue.catalogue import Catalogue
from journal.core.catalogue.problem import Problem
from journal.core.models import Exercise
from journal.core.record import replace


def with_custom(builtin: Catalogue, stored) -> tuple[Catalogue, list[Problem]]:
    """``builtin`` plus the custom exercises ``stored`` (``store.custom_exercises.all()``), in phase order."""
    if not stored:
        return builtin, []
    from journal.core.catalogue.validation import validate_source  # the checker loads only for custom exercises

    builtin_ids = {exercise.id for exercise in builtin.exercises}
    custom: list[Exercise] = []
    problems: list[Problem] = []
    for item in stored:
        if item.exercise_id in builtin_ids:
            continue
        exercise, found = validate_source(item.source, Path(item.name or item.exercise_id))
        if exercise is None or exercise.id != item.exercise_id:
            problems.extend(found)
            continue
        custom.append(replace(exercise, proposed_by=item.conseiller, source_file=None))
    exercises = sorted((*builtin.exercises, *custom), key=lambda e: (e.phase.number, e.order, e.id))
    return Catalogue(tuple(exercises)), problems
