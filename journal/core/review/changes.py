"""« What changed since the previous summary »: the parts added, removed and changed, as Markdown.

Changed parts show the lines removed and added (a unified diff without
context noise), bounded so that two huge summaries stay quick to compare.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass

from journal.core.review.document import SummaryDocument
from journal.core.review.sections import Section

MAX_DIFF_LINES = 400
MAX_COMPARED_LINES = 2_000


@dataclass(frozen=True)
class SectionChange:
    title: str
    removed: tuple[str, ...]
    added: tuple[str, ...]
    truncated: bool = False


@dataclass(frozen=True)
class Changes:
    added: tuple[Section, ...]
    removed: tuple[Section, ...]
    changed: tuple[SectionChange, ...]

    @property
    def nothing(self) -> bool:
        return not (self.added or self.removed or self.changed)


def compare(previous: SummaryDocument, current: SummaryDocument) -> Changes:
    """The differences part by part (sections matched by their title) between two summaries."""
    before = {section.title: section for section in previous.sections}
    after = {section.title: section for section in current.sections}
    added = tuple(section for title, section in after.items() if title not in before)
    removed = tuple(section for title, section in before.items() if title not in after)
    changed = []
    for title, section in after.items():
        old = before.get(title)
        if old is not None and old.text != section.text:
            changed.append(_line_changes(title, old.text, section.text))
    return Changes(added=added, removed=removed, changed=tuple(changed))


def _line_changes(title: str, old: str, new: str) -> SectionChange:
    old_lines = old.splitlines()[:MAX_COMPARED_LINES]
    new_lines = new.splitlines()[:MAX_COMPARED_LINES]
    removed: list[str] = []
    added: list[str] = []
    matcher = difflib.SequenceMatcher(a=old_lines, b=new_lines, autojunk=False)
    for tag, old_start, old_end, new_start, new_end in matcher.get_opcodes():
        if tag == "equal":
            continue
        removed.extend(line for line in old_lines[old_start:old_end] if line.strip())
        added.extend(line for line in new_lines[new_start:new_end] if line.strip())
    truncated = len(removed) + len(added) > MAX_DIFF_LINES
    return SectionChange(title, tuple(removed[:MAX_DIFF_LINES]), tuple(added[:MAX_DIFF_LINES]), truncated)
