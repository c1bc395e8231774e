"""Exercises and the four phases of the bilan they belong to."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path

from journal.core.models.prompt import Prompt
from journal.core.models.text import LocalText
from journal.core.record import Default, record


class Phase(StrEnum):
    PRELIMINAIRE = "preliminaire"
    INVESTIGATION = "investigation"
    CONCLUSION = "conclusion"
    SUIVI = "suivi"

    @property
    def number(self) -> int:
        return list(Phase).index(self) + 1


class Depth(StrEnum):
    """Whether an exercise belongs to the short path through the bilan or goes further."""

    ESSENTIEL = "essentiel"
    APPROFONDIR = "approfondir"


@record
class Resource:
    """A short reading attached to an exercise (Markdown body)."""

    title: LocalText
    body: LocalText


@record
class Exercise:
    id: str
    phase: Phase
    order: int
    duration_minutes: int
    title: LocalText
    summary: LocalText
    why: LocalText
    how: LocalText
    bring: LocalText
    prompts: tuple[Prompt, ...]
    repeatable: bool = False
    depth: Depth = Depth.ESSENTIEL
    resources: tuple[Resource, ...] = ()
    pages: tuple[str, ...] = ()
    source_file: Path | None = Default(None, compare=False)
    # The conseiller who wrote a custom exercise (empty for the built-in ones).
    proposed_by: str = ""

    @property
    def essential(self) -> bool:
        return self.depth == Depth.ESSENTIEL

    def prompt(self, prompt_id: str) -> Prompt | None:
        for prompt in self.prompts:
            if prompt.id == prompt_id:
                return prompt
        return None
