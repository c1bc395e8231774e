"""Assignments: the files a conseiller writes (``bilan assign``) and the worker imports.

``model`` holds the data, ``reader`` checks a file (every field typed and
bounded, errors naming file, field and fix), ``writer`` writes one, ``dates``
reads the dates a person types, ``dossiers`` keeps the conseiller's own
dossier references and sequence numbers, ``plan`` turns the assignments of a
bilan into what the worker sees now, ``synthesis_parts`` cuts a draft
synthesis into the parts the worker comments on, ``importing`` adds a file to
the journal.

The names below load on first use: the summary and the home screen read only
``plan`` and ``dates``, not the file reader.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from journal.core.lazy_names import lazy_names

if TYPE_CHECKING:
    from journal.core.assignments.model import AssignedExercise, Assignment, CustomExerciseFile
    from journal.core.assignments.reader import AssignmentError, read_assignment

__all__ = ["AssignedExercise", "Assignment", "AssignmentError", "CustomExerciseFile", "read_assignment"]

_HOMES = {
    "AssignedExercise": "model",
    "Assignment": "model",
    "CustomExerciseFile": "model",
    "AssignmentError": "reader",
    "read_assignment": "reader",
}

__getattr__ = lazy_names(__name__, _HOMES, globals())
