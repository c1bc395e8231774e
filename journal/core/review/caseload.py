"""A conseiller's caseload: the summaries read, grouped by dossier, newest first.

Within a dossier the newest summary is the one with the highest sequence
number (the export date breaks ties): an older file received late never
hides a newer one. The others are marked superseded.
"""

from __future__ import annotations

from dataclasses import dataclass

from journal.core.review.document import SummaryDocument


@dataclass(frozen=True)
class Dossier:
    key: tuple[str, str]
    summaries: tuple[SummaryDocument, ...]  # newest first

    @property
    def newest(self) -> SummaryDocument:
        return self.summaries[0]

    @property
    def alias(self) -> str:
        return self.newest.header.alias

    @property
    def reference(self) -> str:
        return self.newest.header.dossier

    def is_superseded(self, summary: SummaryDocument) -> bool:
        return summary is not self.newest

    def previous(self, summary: SummaryDocument) -> SummaryDocument | None:
        """The summary just before ``summary`` in this dossier (None for the first one)."""
        for index, candidate in enumerate(self.summaries):
            if candidate is summary:
                return self.summaries[index + 1] if index + 1 < len(self.summaries) else None
        return None


def _newest_first(summary: SummaryDocument) -> tuple:
    return (-summary.header.sequence, -summary.header.exported_at.timestamp(), str(summary.path))


def group_by_dossier(summaries: list[SummaryDocument]) -> list[Dossier]:
    """The dossiers, by first name then reference, each with its summaries newest first."""
    groups: dict[tuple[str, str], list[SummaryDocument]] = {}
    for summary in summaries:
        groups.setdefault(summary.dossier_key, []).append(summary)
    dossiers = [Dossier(key, tuple(sorted(items, key=_newest_first))) for key, items in groups.items()]
    return sorted(dossiers, key=lambda dossier: (dossier.alias.casefold(), dossier.reference.casefold(), dossier.key))
