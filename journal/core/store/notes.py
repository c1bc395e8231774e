"""Free notes of the journal: dated, optionally private."""

from __future__ import annotations

from datetime import datetime

from journal.core.models import Note
from journal.core.store.clock import now, parse
from journal.core.store.records import Records, changes, reads


class NoteRecords(Records):
    @changes
    def add(self, text: str, *, private: bool = False, created_at: datetime | None = None) -> Note:
        created = created_at or now()
        note_id = self._journal.table("notes").insert({"text": text, "created_at": created.isoformat(), "private": private})
        return Note(note_id, text, created, private)

    @reads
    def all(self) -> list[Note]:
        """Every note, oldest first."""
        notes = [
            Note(int(doc_id), doc["text"], parse(doc["created_at"]), bool(doc.get("private")))
            for doc_id, doc in self._journal.raw("notes").items()
        ]
        return sorted(notes, key=lambda note: (note.created_at, note.id))

    @changes
    def set_private(self, note_id: int, private: bool) -> None:
        self._journal.table("notes").update({"private": private}, doc_ids=[note_id])
