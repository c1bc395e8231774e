"""One summary as the viewer holds it: where it came from, its header, its text (made inert when first shown)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from journal.core.review.front_matter import SummaryHeader
from journal.core.review.sections import Section, split_sections
from journal.core.text_safety import inert


@dataclass(frozen=True)
class SummaryDocument:
    path: Path
    header: SummaryHeader
    text: str  # the Markdown as read, not yet safe for a terminal: use ``body``
    encrypted: bool

    @classmethod
    def build(cls, path: Path, header: SummaryHeader, text: str, *, encrypted: bool) -> SummaryDocument:
        return cls(path=path, header=header, text=text, encrypted=encrypted)

    @cached_property
    def body(self) -> str:
        """The text passed through ``text_safety.inert``, made when first shown: a caseload opens without
        going over every character of every summary."""
        return inert(self.text)

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
