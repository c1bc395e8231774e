"""One summary as the viewer holds it: where it came from, its header, its text (made inert)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from journal.core.review.front_matter import SummaryHeader
from journal.core.review.sections import Section, split_sections


@dataclass(frozen=True)
class SummaryDocument:
    path: Path
    header: SummaryHeader
    body: str  # already passed through ``text_safety.inert``
    encrypted: bool

    @classmethod
    def build(cls, path: Path, header: SummaryHeader, body: str, *, encrypted: bool) -> SummaryDocument:
        return cls(path=path, header=header, body=body, encrypted=encrypted)

    @cached_property
    def sections(self) -> tuple[Section, ...]:
        """The ``## `` sections, cut when first asked (comparing two summaries), not for each file opened."""
        return split_sections(self.body)

    @property
    def dossier_key(self) -> tuple[str, str]:
        """What groups summaries of one worker: the dossier, or the first name when no dossier is given."""
        if self.header.dossier:
            return ("dossier", self.header.dossier)
        return ("alias", self.header.alias)


@dataclass(frozen=True)
class Refusal:
    """A file the viewer will not open, with the one line that says why."""

    path: Path
    reason: str
