"""Helpers for assignment tests: a valid assignment file, and its hostile variations."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from pathlib import Path

from journal.core.assignments.model import AssignedExercise, Assignment, CustomExerciseFile
from journal.core.assignments.writer import assignment_toml

CUSTOM_SOURCE = """format = 1
id = "ma-lettre"
phase = "investigation"
order = 95
duration_minutes = 30
title = { fr = "Ma lettre à moi-même" }
summary = { fr = "Une lettre pour dans un an." }
why = { fr = "Pour vous projeter." }
how = { fr = "Écrivez librement." }
bring = { fr = "La lettre, si vous voulez la partager." }

[[prompts]]
id = "lettre"
kind = "long_text"
label = { fr = "Votre lettre" }

[[prompts]]
id = "priorites"
kind = "ranking"
label = { fr = "Vos priorités" }
options = [{ id = "temps", label = { fr = "Le temps" } }, { id = "argent", label = { fr = "L'argent" } }]
"""

DRAFT = "Pour commencer, merci.\n\n## Vos forces\nVous savez écouter.\n\n## Pistes retenues\nFormation en médiation.\n"


def soon(days: int = 10) -> date:
    return date.today() + timedelta(days=days)


# One writing time for the whole run: two calls of ``assignment(1)`` on either side of a
# second boundary used to differ, and the second import was refused as a conflict.
WRITTEN_AT = datetime.now().astimezone().replace(microsecond=0)


def assignment(sequence: int = 1, **changes) -> Assignment:
    values = dict(
        dossier="MAT-2025-K7QF",
        sequence=sequence,
        conseiller="Claire Martin",
        beneficiaire="Mathilde",
        created_at=WRITTEN_AT + timedelta(minutes=sequence),
        message="Bonjour Mathilde,\nvoici le travail pour la prochaine fois.",
        appointment=datetime.combine(soon(14), datetime.min.time()).replace(hour=14).astimezone(),
        exercises=(AssignedExercise("mes-valeurs", soon()), AssignedExercise("ma-lettre", soon())),
        custom=(CustomExerciseFile("lettre.toml", CUSTOM_SOURCE, "ma-lettre"),),
        synthese=DRAFT,
    )
    values.update(changes)
    return Assignment(**values)


def write(folder: Path, item: Assignment, name: str | None = None) -> Path:
    path = folder / (name or f"travail-{item.dossier}-{item.sequence}.toml")
    path.write_text(assignment_toml(item), encoding="utf-8")
    return path
