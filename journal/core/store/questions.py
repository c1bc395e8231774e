"""« Mes questions pour le prochain entretien »: the worker's questions, per bilan, marked answered afterwards."""

from __future__ import annotations

from datetime import datetime

from journal.core.record import record
from journal.core.store.clock import now
from journal.core.store.records import Records, changes, reads

TABLE = "questions"
MAX_QUESTION = 2_000


@record
class Question:
    id: int
    bilan: str | None
    text: str
    created_at: datetime
    answered_at: datetime | None
    private: bool

    @property
    def answered(self) -> bool:
        return self.answered_at is not None


class QuestionRecords(Records):
    @changes
    def add(self, text: str, bilan_id: str | None, *, private: bool = False) -> Question:
        stamp = now()
        doc = {"bilan": bilan_id, "text": text[:MAX_QUESTION], "created_at": stamp.isoformat(), "answered_at": None, "private": private}
        question_id = self._journal.table(TABLE).insert(doc)
        return Question(question_id, bilan_id, doc["text"], stamp, None, private)

    @reads
    def for_bilan(self, bilan_id: str | None) -> list[Question]:
        """The questions of one bilan (``None``: those written before any bilan), oldest first."""
        found = [self._question(doc) for doc in self._journal.table(TABLE).all() if doc.get("bilan") == bilan_id]
        return sorted(found, key=lambda question: (question.created_at, question.id))

    def open_for(self, bilan_id: str | None) -> list[Question]:
        return [question for question in self.for_bilan(bilan_id) if not question.answered]

    @changes
    def set_answered(self, question_id: int, answered: bool) -> None:
        value = now().isoformat() if answered else None
        self._journal.table(TABLE).update({"answered_at": value}, doc_ids=[question_id])

    @changes
    def set_private(self, question_id: int, private: bool) -> None:
        self._journal.table(TABLE).update({"private": private}, doc_ids=[question_id])

    @changes
    def edit(self, question_id: int, text: str) -> None:
        self._journal.table(TABLE).update({"text": text[:MAX_QUESTION]}, doc_ids=[question_id])

    @changes
    def delete(self, question_id: int) -> None:
        self._journal.table(TABLE).remove(doc_ids=[question_id])

    @staticmethod
    def _question(doc) -> Question:
        answered = doc.get("answered_at")
        return Question(
            id=doc.doc_id,
            bilan=doc.get("bilan"),
            text=doc["text"],
            created_at=datetime.fromisoformat(doc["created_at"]),
            answered_at=datetime.fromisoformat(answered) if answered else None,
            private=bool(doc.get("private")),
        )
