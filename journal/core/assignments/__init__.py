"""Assignments: the files a conseiller writes (``bilan assign``) and the worker imports.

``model`` holds the data, ``reader`` checks a file (every field typed and
bounded, errors naming file, field and fix), ``writer`` writes one, ``dates``
reads the dates a person types, ``dossiers`` keeps the conseiller's own
dossier references and sequence numbers, ``plan`` turns the assignments of a
bilan into what the worker sees now, ``synthesis_parts`` cuts a draft
synthesis into the parts the worker comments on, ``importing`` adds a file to
the journal.
"""

from journal.core.assignments.model import AssignedExercise, Assignment, CustomExerciseFile
from journal.core.assignments.reader import AssignmentError, read_assignment

__all__ = ["AssignedExercise", "Assignment", "AssignmentError", "CustomExerciseFile", "read_assignment"]
