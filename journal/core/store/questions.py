"""« Mes questions pour le prochain entretien »: the worker's questions, per bilan, marked answered afterwards; and
the draft of the question being typed, saved as it is typed."""

from __future__ import annotations

from datetime import datetime

from journal.core.record import record
from journal.core.store.clock import now
from journal.core.store.draft_table import DraftTable
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
    @property
    def _draft(self) -> DraftTable:
        return DraftTable(self._journal, "question_draft")

    @changes
    def add(self, text: str, bilan_id: str | None, *, private: bool = False) -> Question:
        return self._add(text, bilan_id, private)

    def _add(self, text: str, bilan_id: str | None, private: bool) -> Question:
        stamp = now()
        doc = {"bilan": bilan_id, "text": text[:MAX_QUESTION], "created_at": stamp.isoformat(), "answered_at": None, "private": private}
        question_id = self._journal.table(TABLE).insert(doc)
        return Question(question_id, bilan_id, doc["text"], stamp, None, private)

    # -- the question being typed -------------------------------------------------------

    @changes
    def save_draft(self, text: str) -> None:
        """Keep the question being typed until it is added."""
        self._draft.save(text)

    @reads
    def draft(self) -> str | None:
        doc = self._draft.read()
        return doc["text"] if doc is not None else None

    @changes
    def add_typed(self, text: str, bilan_id: str | None) -> Question | None:
        """The question typed, kept for good and its draft gone, in one change (a crash between the two would
        bring it back twice); blank text adds nothing."""
        self._draft.clear()
        return self._add(text.strip(), bilan_id, False) if text.strip() else None

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
