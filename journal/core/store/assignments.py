"""Assignment files imported into the journal, per bilan, in the order the conseiller wrote them.

Each dossier's assignments are kept by sequence number: importing the same
file twice changes nothing, and an older file imported late is kept but
never overrides a newer one (what the worker sees is computed from all of
them in sequence order, see ``journal.core.assignments.plan``).
"""

from __future__ import annotations

from journal.core.assignments.model import Assignment
from journal.core.storage.errors import JournalError
from journal.core.store.clock import now
from journal.core.store.records import Records, changes, reads
from journal.i18n import t

TABLE = "assignments"


class AssignmentConflict(JournalError):
    """A different file with the same dossier and sequence number was imported before."""


class AssignmentRecords(Records):
    @changes
    def add(self, bilan_id: str, assignment: Assignment) -> bool:
        """Keep an imported assignment; False when this very file was imported already."""
        record = assignment.to_record()
        table = self._journal.table(TABLE)
        for doc in table.all():
            stored = doc["assignment"]
            if stored["dossier"] == assignment.dossier and stored["sequence"] == assignment.sequence:
                if stored == record:
                    return False
                raise AssignmentConflict(
                    t("assign_import.conflict", dossier=assignment.dossier, sequence=assignment.sequence)
                )
        table.insert({"bilan": bilan_id, "imported_at": now().isoformat(), "assignment": record})
        return True

    @reads
    def for_bilan(self, bilan_id: str) -> list[Assignment]:
        """The assignments of a bilan, oldest first (per dossier by sequence, dossiers by first creation)."""
        found = [
            Assignment.from_record(doc["assignment"])
            for doc in self._journal.table(TABLE).all()
            if doc.get("bilan") == bilan_id
        ]
        first: dict[str, object] = {}
        for assignment in sorted(found, key=lambda a: a.created_at):
            first.setdefault(assignment.dossier, assignment.created_at)
        return sorted(found, key=lambda a: (first[a.dossier], a.dossier, a.sequence))

    @reads
    def newest_sequence(self, dossier: str) -> int:
        return max(
            (doc["assignment"]["sequence"] for doc in self._journal.table(TABLE).all() if doc["assignment"]["dossier"] == dossier),
            default=0,
        )
