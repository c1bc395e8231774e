"""What changed between two versions of an exercise's answers, word by word.

Each version is turned into plain text (question, then answer) the same way,
then compared word by word; the result is a list of pieces, each kept, added or
removed, so a screen can show additions and removals with markers (not colour alone).
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass

from journal.core.answer_view import answer_view, view_as_text
from journal.core.models import Exercise

_TOKENS = re.compile(r"\s+|[^\s]+")
MAX_TOKENS = 20_000

SAME, ADDED, REMOVED = "same", "added", "removed"


@dataclass(frozen=True, slots=True)
class Piece:
    kind: str
    text: str


def version_text(exercise: Exercise, answers: dict) -> str:
    """Every answered question of ``answers``: its label, then the answer as text."""
    parts = []
    for prompt in exercise.prompts:
        text = view_as_text(answer_view(prompt, answers.get(prompt.id)))
        if text:
            parts.append(f"{prompt.label}\n{text}")
    return "\n\n".join(parts)


def word_diff(before: str, after: str) -> list[Piece]:
    """The words of ``after`` with those removed from ``before`` and added to it marked."""
    old, new = _TOKENS.findall(before)[:MAX_TOKENS], _TOKENS.findall(after)[:MAX_TOKENS]
    pieces: list[Piece] = []
    for tag, i1, i2, j1, j2 in _grouped(difflib.SequenceMatcher(a=old, b=new, autojunk=False).get_opcodes(), old):
        if tag == "equal":
            pieces.append(Piece(SAME, "".join(old[i1:i2])))
            continue
        if i2 > i1:
            pieces.append(Piece(REMOVED, "".join(old[i1:i2])))
        if j2 > j1:
            pieces.append(Piece(ADDED, "".join(new[j1:j2])))
    return pieces


def _grouped(opcodes: list[tuple], old: list[str]) -> list[tuple]:
    """Changes separated only by a space read as one change (« le métal » → « la couture »)."""
    merged: list[list] = []
    for index, (tag, i1, i2, j1, j2) in enumerate(opcodes):
        between_changes = 0 < index < len(opcodes) - 1 and not "".join(old[i1:i2]).strip()
        if tag == "equal" and not between_changes:
            merged.append([tag, i1, i2, j1, j2])
        elif merged and merged[-1][0] == "change":
            merged[-1][2], merged[-1][4] = i2, j2
        else:
            merged.append(["change", i1, i2, j1, j2])
    return [tuple(item) for item in merged]


def counts(pieces: list[Piece]) -> tuple[int, int]:
    """How many words were added and removed."""
    added = sum(len(piece.text.split()) for piece in pieces if piece.kind == ADDED)
    removed = sum(len(piece.text.split()) for piece in pieces if piece.kind == REMOVED)
    return added, removed
