"""The journal store: the only door between the interfaces and the journal file.

Screens and commands read and change entries, notes and settings through
``JournalStore``; it keeps the TinyDB file consistent, records when things
happened, and keeps earlier answers when the worker comes back to change them.
"""

from __future__ import annotations

import copy
import os
import uuid
from datetime import datetime
from pathlib import Path
from typing import Any

from tinydb import Query, TinyDB

from journal.core.models import Entry, EntryStatus, Note
from journal.core.models.entry import Version
from journal.core.paths import journal_path
from journal.core.storage import JournalError, SafeJSONStorage
from journal.i18n import t

SCHEMA_VERSION = 1
JOURNAL_KIND = "bilan-journal"
HISTORY_LIMIT = 30
FOLDER_MODE = 0o700


def now() -> datetime:
    return datetime.now().astimezone().replace(microsecond=0)


def _is_empty(value: Any) -> bool:
    return value in (None, "", [], {})


class JournalStore:
    """Entries, notes and settings of one worker's journal folder."""

    def __init__(self, data_dir: Path, *, create: bool = True):
        self.data_dir = Path(data_dir)
        self.path = journal_path(self.data_dir)
        if not self.path.exists():
            if not create:
                raise JournalError(t("storage.missing", path=self.path))
            self._create_folder()
        self._session = uuid.uuid4().hex
        self._db = TinyDB(self.path, storage=SafeJSONStorage)
        self._check_or_initialise()

    # -- opening ------------------------------------------------------------

    def _create_folder(self) -> None:
        try:
            self.data_dir.mkdir(parents=True, exist_ok=True, mode=FOLDER_MODE)
            os.chmod(self.data_dir, FOLDER_MODE)
        except OSError as error:
            raise JournalError(t("storage.cannot_create", path=self.data_dir, error=error.strerror)) from error

    def _check_or_initialise(self) -> None:
        meta = self._db.table("meta").all()
        if not meta:
            if self.path.exists() and self._db.tables() - {"meta"}:
                raise JournalError(t("storage.not_journal", path=self.path))
            self._db.table("meta").insert({"kind": JOURNAL_KIND, "schema": SCHEMA_VERSION, "created_at": now().isoformat()})
            return
        info = meta[0]
        if info.get("kind") != JOURNAL_KIND:
            raise JournalError(t("storage.not_journal", path=self.path))
        if int(info.get("schema", 0)) > SCHEMA_VERSION:
            raise JournalError(t("storage.newer_schema", path=self.path, version=info.get("schema")))

    def close(self) -> None:
        self._db.close()

    def __enter__(self) -> "JournalStore":
        return self

    def __exit__(self, *_: object) -> None:
        self.close()

    # -- notes ----------------------------------------------------------------

    def add_note(self, text: str, *, private: bool = False, created_at: datetime | None = None) -> Note:
        created = created_at or now()
        note_id = self._db.table("notes").insert({"text": text, "created_at": created.isoformat(), "private": private})
        return Note(note_id, text, created, private)

    def notes(self) -> list[Note]:
        notes = [
            Note(doc.doc_id, doc["text"], datetime.fromisoformat(doc["created_at"]), bool(doc.get("private")))
            for doc in self._db.table("notes").all()
        ]
        return sorted(notes, key=lambda note: (note.created_at, note.id))

    def set_note_private(self, note_id: int, private: bool) -> None:
        self._db.table("notes").update({"private": private}, doc_ids=[note_id])

    # -- entries --------------------------------------------------------------

    def entries(self) -> list[Entry]:
        return [self._entry(doc) for doc in self._db.table("entries").all()]

    def entries_for(self, exercise_id: str) -> list[Entry]:
        found = self._db.table("entries").search(Query().exercise_id == exercise_id)
        return sorted((self._entry(doc) for doc in found), key=lambda entry: entry.instance)

    def entry(self, exercise_id: str, instance: int = 1) -> Entry | None:
        found = self._find(exercise_id, instance)
        return self._entry(found) if found else None

    def status(self, exercise_id: str) -> EntryStatus:
        statuses = {entry.status for entry in self.entries_for(exercise_id)}
        if EntryStatus.DONE in statuses:
            return EntryStatus.DONE
        return EntryStatus.STARTED if EntryStatus.STARTED in statuses else EntryStatus.TODO

    def save_answer(self, exercise_id: str, prompt_id: str, value: Any, instance: int = 1) -> Entry:
        """Store one answer; the first change of a session keeps the previous answers as a version."""
        table = self._db.table("entries")
        found = self._find(exercise_id, instance)
        if found is None:
            if _is_empty(value):
                return self._blank_entry(exercise_id, instance)
            doc = {**self._blank_doc(exercise_id, instance), "answers": {prompt_id: copy.deepcopy(value)}}
            doc_id = table.insert(doc)
            return self._entry(table.get(doc_id=doc_id))
        answers = copy.deepcopy(found.get("answers", {}))
        if answers.get(prompt_id) == value:
            return self._entry(found)
        history = list(found.get("history", []))
        if found.get("session") != self._session and any(not _is_empty(v) for v in answers.values()):
            history.append({"saved_at": found["updated_at"], "answers": copy.deepcopy(answers)})
            history = history[-HISTORY_LIMIT:]
        answers[prompt_id] = copy.deepcopy(value)
        status = found.get("status", EntryStatus.STARTED.value)
        if status == EntryStatus.TODO.value:
            status = EntryStatus.STARTED.value
        table.update(
            {"answers": answers, "updated_at": now().isoformat(), "session": self._session, "history": history, "status": status},
            doc_ids=[found.doc_id],
        )
        return self._entry(table.get(doc_id=found.doc_id))

    def set_status(self, exercise_id: str, status: EntryStatus, instance: int = 1) -> None:
        self._update_entry(exercise_id, instance, {"status": status.value})

    def set_private(self, exercise_id: str, private: bool, instance: int = 1) -> None:
        self._update_entry(exercise_id, instance, {"private": private})

    def new_instance(self, exercise_id: str) -> int:
        """The number of a new, dated instance of a repeatable exercise."""
        instances = [entry.instance for entry in self.entries_for(exercise_id)]
        number = max(instances, default=0) + 1
        self._db.table("entries").insert(self._blank_doc(exercise_id, number))
        return number

    def _update_entry(self, exercise_id: str, instance: int, changes: dict) -> None:
        found = self._find(exercise_id, instance)
        if found is None:
            self._db.table("entries").insert({**self._blank_doc(exercise_id, instance), **changes})
            return
        self._db.table("entries").update({**changes, "updated_at": now().isoformat()}, doc_ids=[found.doc_id])

    def _blank_doc(self, exercise_id: str, instance: int) -> dict:
        stamp = now().isoformat()
        return {
            "exercise_id": exercise_id,
            "instance": instance,
            "answers": {},
            "status": EntryStatus.STARTED.value,
            "created_at": stamp,
            "updated_at": stamp,
            "private": False,
            "session": self._session,
            "history": [],
        }

    def _blank_entry(self, exercise_id: str, instance: int) -> Entry:
        stamp = now()
        return Entry(0, exercise_id, {}, EntryStatus.TODO, stamp, stamp, instance=instance)

    def _find(self, exercise_id: str, instance: int):
        entry = Query()
        return self._db.table("entries").get((entry.exercise_id == exercise_id) & (entry.instance == instance))

    @staticmethod
    def _entry(doc) -> Entry:
        history = tuple(
            Version(datetime.fromisoformat(item["saved_at"]), copy.deepcopy(item["answers"]))
            for item in doc.get("history", [])
        )
        return Entry(
            id=doc.doc_id,
            exercise_id=doc["exercise_id"],
            answers=copy.deepcopy(doc.get("answers", {})),
            status=EntryStatus(doc.get("status", EntryStatus.STARTED.value)),
            created_at=datetime.fromisoformat(doc["created_at"]),
            updated_at=datetime.fromisoformat(doc["updated_at"]),
            private=bool(doc.get("private")),
            instance=int(doc.get("instance", 1)),
            history=history,
        )

    # -- settings -------------------------------------------------------------

    def setting(self, key: str, default: Any = None) -> Any:
        found = self._db.table("settings").get(Query().key == key)
        return found["value"] if found else default

    def set_setting(self, key: str, value: Any) -> None:
        self._db.table("settings").upsert({"key": key, "value": value}, Query().key == key)
