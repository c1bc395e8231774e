"""Writes an assignment file (TOML, format 1) with tomli-w, the maintained TOML writer.

Multi-line texts (the message, the draft synthesis, custom exercises) stay
readable in a text editor; the file is written atomically.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import tomli_w

from journal.core.assignments.model import FORMAT_VERSION, KIND, Assignment
from journal.core.storage.atomic import atomic_write


def assignment_toml(assignment: Assignment) -> str:
    document: dict[str, Any] = {
        "format": FORMAT_VERSION,
        "kind": KIND,
        "dossier": assignment.dossier,
        "sequence": assignment.sequence,
        "created_at": assignment.created_at,
        "conseiller": assignment.conseiller,
        "beneficiaire": assignment.beneficiaire,
    }
    if assignment.key:
        document["key"] = assignment.key
    if assignment.message:
        document["message"] = assignment.message
    if assignment.suivi:
        document["suivi"] = True
    if assignment.withdrawn:
        document["withdrawn"] = list(assignment.withdrawn)
    if assignment.appointment:
        document["appointment"] = {"at": assignment.appointment}
    elif assignment.window:
        document["appointment"] = {"from": assignment.window[0], "to": assignment.window[1]}
    if assignment.exercises:
        document["exercises"] = [
            {"id": item.id, **({"due": item.due} if item.due else {})} for item in assignment.exercises
        ]
    if assignment.custom:
        document["custom"] = [{"file": item.name, "source": item.source} for item in assignment.custom]
    if assignment.synthese:
        document["synthese"] = {"text": assignment.synthese}
    return tomli_w.dumps(document, multiline_strings=True)


def write_assignment(path: Path, assignment: Assignment) -> None:
    atomic_write(Path(path), assignment_toml(assignment).encode("utf-8"))
