"""Free notes of the journal: dated, optionally private, with an optional mood; edited, deleted
and restored; and the draft of the note being typed, saved as it is typed."""

from __future__ import annotations

from datetime import datetime
from operator import attrgetter, lt
from typing import TYPE_CHECKING

from journal.core.models import Note
from journal.core.note_tags import MOODS
from journal.core.store.clock import now, parse
from journal.core.store.draft_table import DraftTable
from journal.core.store.local_times import LocalTimes
from journal.core.store.records import Records, changes, reads

if TYPE_CHECKING:
    from journal.core.models.note import SharedNote

_NUMBER = attrgetter("id")
_DATE = attrgetter("created_at")


def _mood(value: object) -> str | None:
    return value if isinstance(value, str) and value in MOODS else None


def _strictly_increasing(dates: list[datetime]) -> bool:
    """Whether the dates already come in order, none twice: notes are stored as they are written, so nearly
    always, and the sort by (date, number) is then not needed."""
    return all(map(lt, dates, dates[1:]))


def _when(value: object) -> datetime | None:
    try:
        return parse(value) if isinstance(value, str) else None
    except ValueError:
        return None


class NoteRecords(Records):
    @property
    def _draft(self) -> DraftTable:
        return DraftTable(self._journal, "note_draft")

    @changes
    def add(self, text: str, *, private: bool = False, created_at: datetime | None = None, mood: str | None = None) -> Note:
        created = created_at or now()
        doc = {"text": text, "created_at": created.isoformat(), "private": private}
        if _mood(mood):
            doc["mood"] = mood
        note_id = self._journal.table("notes").insert(doc)
        return Note(note_id, text, created, private, _mood(mood))

    @reads
    def all(self, *, with_moods: bool = True) -> list[Note]:
        """Every note, oldest first; ``with_moods=False`` leaves every mood out."""
        note = self._note
        local = LocalTimes()
        notes = [note(doc, int(doc_id), with_moods, local) for doc_id, doc in self._journal.raw("notes").items()]
        if not _strictly_increasing([note.created_at for note in notes]):
            # By date, then by number: two stable sorts, each comparing one value (dates in different
            # offsets compare slowly, and a (date, number) key compared the dates twice).
            notes.sort(key=_NUMBER)
            notes.sort(key=_DATE)
        return notes

    @reads
    def shared(self, *, with_moods: bool, since: datetime | None = None) -> list[SharedNote]:
        """The notes an export holds, as ``all()`` orders them: not private, written from ``since`` on.

        Rows rather than ``Note`` objects: an export of years of notes reads tens of thousands.
        """
        local = LocalTimes()
        rows: list[SharedNote] = []
        numbers: list[str] = []
        for doc_id, doc in self._journal.raw("notes").items():
            if doc.get("private"):  # the storage checked it is a boolean
                continue
            created = local(doc["created_at"])
            if since is not None and created < since:
                continue
            rows.append((created, doc["text"], _mood(doc["mood"]) if with_moods and "mood" in doc else None))
            numbers.append(doc_id)
        dates = [row[0] for row in rows]
        if not _strictly_increasing(dates):
            order = sorted(range(len(rows)), key=[int(number) for number in numbers].__getitem__)
            order.sort(key=dates.__getitem__)  # stable: by date, then by number
            rows = [rows[index] for index in order]
        return rows

    @reads
    def get(self, note_id: int) -> Note | None:
        doc = self._journal.table("notes").get(doc_id=note_id)
        return self._note(doc) if doc is not None else None

    @changes
    def set_private(self, note_id: int, private: bool) -> None:
        self._journal.table("notes").update({"private": private}, doc_ids=[note_id])

    @changes
    def update(self, note_id: int, text: str, *, mood: str | None = None) -> Note | None:
        """Change a note's text (and mood); its date stays, the change is dated."""
        table = self._journal.table("notes")
        if table.get(doc_id=note_id) is None:
            return None
        table.update({"text": text, "mood": _mood(mood), "updated_at": now().isoformat()}, doc_ids=[note_id])
        return self._note(table.get(doc_id=note_id))

    @changes
    def delete(self, note_id: int) -> Note | None:
        """Remove a note; returns it as it was, so that it can be put back."""
        table = self._journal.table("notes")
        doc = table.get(doc_id=note_id)
        if doc is None:
            return None
        table.remove(doc_ids=[note_id])
        return self._note(doc)

    @changes
    def restore(self, note: Note) -> Note:
        """Put a deleted note back, with its date, privacy and mood."""
        doc = {"text": note.text, "created_at": note.created_at.isoformat(), "private": note.private, "mood": note.mood}
        if note.updated_at is not None:
            doc["updated_at"] = note.updated_at.isoformat()
        note_id = self._journal.table("notes").insert(doc)
        return self._note(self._journal.table("notes").get(doc_id=note_id))

    # -- the note being typed ---------------------------------------------------------

    @changes
    def save_draft(self, text: str, editing: int | None = None, mood: str | None = None) -> None:
        """Keep what is being typed (a new note, or changes to note ``editing``) until it is saved."""
        self._draft.save(text, editing=editing, mood=_mood(mood))

    @reads
    def draft(self) -> dict | None:
        """The draft as ``{"text", "editing", "mood"}``, or None."""
        doc = self._draft.read()
        if doc is None:
            return None
        editing = doc.get("editing")
        return {
            "text": doc["text"],
            "editing": editing if isinstance(editing, int) and not isinstance(editing, bool) else None,
            "mood": _mood(doc.get("mood")),
        }

    @changes
    def clear_draft(self) -> None:
        self._draft.clear()

    @staticmethod
    def _note(doc, doc_id: int | None = None, with_moods: bool = True, local=parse) -> Note:
        """A stored note; ``doc_id`` when ``doc`` is the raw stored dict rather than a TinyDB document.

        The storage has checked the text, date and privacy of every stored note; mood and change date are read with care.
        """
        return Note(
            doc.doc_id if doc_id is None else doc_id,
            doc["text"],
            local(doc["created_at"]),
            bool(doc.get("private")),
            _mood(doc["mood"]) if with_moods and "mood" in doc else None,
            _when(doc["updated_at"]) if "updated_at" in doc else None,
        )
