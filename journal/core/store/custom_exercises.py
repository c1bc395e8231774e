"""Custom exercises written by a conseiller, kept in the journal as the TOML text they wrote.

They stay here once imported, so they still open when the assignment file is
deleted. A newer assignment of the same bilan may bring a new version of an
exercise (answers are kept by question id); an exercise id already used by
another bilan's conseiller is refused, so two bilans never share answers.
"""

from __future__ import annotations

from datetime import datetime

from tinydb import Query

from journal.core.assignments.model import CustomExerciseFile
from journal.core.record import record
from journal.core.storage.errors import JournalError
from journal.core.store.clock import now
from journal.core.store.records import Records, changes, reads
from journal.i18n import t

TABLE = "custom_exercises"


@record
class StoredCustomExercise:
    exercise_id: str
    bilan: str
    conseiller: str
    dossier: str
    sequence: int
    name: str
    source: str
    imported_at: datetime


class CustomExerciseConflict(JournalError):
    """A custom exercise id already used by another bilan."""


class CustomExerciseRecords(Records):
    @reads
    def all(self) -> list[StoredCustomExercise]:
        return [self._stored(doc) for doc in self._journal.table(TABLE).all()]

    def get(self, exercise_id: str) -> StoredCustomExercise | None:
        return next((item for item in self.all() if item.exercise_id == exercise_id), None)

    def check(self, bilan_id: str, item: CustomExerciseFile) -> None:
        """Raise ``CustomExerciseConflict`` if another bilan already uses this exercise id."""
        existing = self.get(item.exercise_id)
        if existing is not None and existing.bilan != bilan_id:
            raise CustomExerciseConflict(
                t("assign_import.custom_conflict", id=item.exercise_id, conseiller=existing.conseiller)
            )

    @changes
    def put(self, bilan_id: str, conseiller: str, dossier: str, sequence: int, item: CustomExerciseFile) -> bool:
        """Keep a custom exercise; an older version than the one kept changes nothing (False)."""
        self.check(bilan_id, item)
        table = self._journal.table(TABLE)
        existing = table.get(Query().exercise_id == item.exercise_id)
        doc = {
            "exercise_id": item.exercise_id,
            "bilan": bilan_id,
            "conseiller": conseiller,
            "dossier": dossier,
            "sequence": sequence,
            "name": item.name,
            "source": item.source,
            "imported_at": now().isoformat(),
        }
        if existing is None:
            table.insert(doc)
            return True
        if existing["dossier"] == dossier and existing["sequence"] >= sequence:
            return False
        table.update(doc, doc_ids=[existing.doc_id])
        return True

    @staticmethod
    def _stored(doc) -> StoredCustomExercise:
        return StoredCustomExercise(
            exercise_id=doc["exercise_id"],
            bilan=doc["bilan"],
            conseiller=doc["conseiller"],
            dossier=doc["dossier"],
            sequence=int(doc["sequence"]),
            name=doc.get("name", ""),
            source=doc["source"],
            imported_at=datetime.fromisoformat(doc["imported_at"]),
        )
