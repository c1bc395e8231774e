"""The worker's reading of the conseiller's draft synthesis: a comment per part, and « version validée le … ».

A review belongs to one version of the draft (its dossier and sequence); a
newer draft starts a new review, the earlier one is kept.
"""

from __future__ import annotations

from datetime import datetime

from tinydb import Query

from journal.core.record import Default, record
from journal.core.store.clock import now
from journal.core.store.records import Records, changes, reads

TABLE = "synthesis_reviews"
MAX_COMMENT = 20_000


@record
class Review:
    bilan: str
    dossier: str
    sequence: int
    comments: dict[str, str] = Default(factory=dict)
    validated_at: datetime | None = None
    updated_at: datetime | None = None


class SynthesisRecords(Records):
    @reads
    def review(self, bilan_id: str, dossier: str, sequence: int) -> Review:
        found = self._journal.table(TABLE).get(self._query(bilan_id, dossier, sequence))
        return self._review(found) if found else Review(bilan_id, dossier, sequence)

    @reads
    def all(self) -> list[Review]:
        return [self._review(doc) for doc in self._journal.table(TABLE).all()]

    @changes
    def comment(self, bilan_id: str, dossier: str, sequence: int, part_key: str, text: str) -> None:
        found = self._find_or_create(bilan_id, dossier, sequence)
        comments = dict(found.get("comments", {}))
        if text.strip():
            comments[part_key] = text[:MAX_COMMENT]
        else:
            comments.pop(part_key, None)
        if comments == found.get("comments", {}):
            return
        self._journal.table(TABLE).update({"comments": comments, "updated_at": now().isoformat()}, doc_ids=[found.doc_id])

    @changes
    def set_validated(self, bilan_id: str, dossier: str, sequence: int, validated: bool) -> None:
        found = self._find_or_create(bilan_id, dossier, sequence)
        value = now().isoformat() if validated else None
        self._journal.table(TABLE).update({"validated_at": value, "updated_at": now().isoformat()}, doc_ids=[found.doc_id])

    def _find_or_create(self, bilan_id: str, dossier: str, sequence: int):
        table = self._journal.table(TABLE)
        query = self._query(bilan_id, dossier, sequence)
        found = table.get(query)
        if found is None:
            doc = {"bilan": bilan_id, "dossier": dossier, "sequence": sequence, "comments": {}, "validated_at": None, "updated_at": now().isoformat()}
            table.insert(doc)
            found = table.get(query)
        return found

    @staticmethod
    def _query(bilan_id: str, dossier: str, sequence: int):
        review = Query()
        return (review.bilan == bilan_id) & (review.dossier == dossier) & (review.sequence == sequence)

    @staticmethod
    def _review(doc) -> Review:
        validated, updated = doc.get("validated_at"), doc.get("updated_at")
        return Review(
            bilan=doc["bilan"],
            dossier=doc["dossier"],
            sequence=int(doc["sequence"]),
            comments=dict(doc.get("comments", {})),
            validated_at=datetime.fromisoformat(validated) if validated else None,
            updated_at=datetime.fromisoformat(updated) if updated else None,
        )
