"""The journal store: the only door between the interfaces and the journal file.

Screens and commands read and change entries, notes and settings through
``JournalStore``; it keeps the TinyDB file consistent, records when things
happened, and keeps earlier answers when the worker comes back to change them.

Safety (see ``journal.core.storage``): every change is a read-modify-write
under the journal lock against the file as it is on disk now, so another
window or a ``bilan note`` in another terminal never loses its work; reads
always reflect the file (``refresh`` tells whether another program changed
it); opening takes snapshots and upgrades old journals; a damaged journal is
never written to.
"""

from __future__ import annotations

import copy
import functools
import threading
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date, datetime
from pathlib import Path
from typing import Any, TypeVar

from tinydb import Query, TinyDB
from tinydb.table import Document

from journal.core.answer_view import is_empty
from journal.core.models import Entry, EntryStatus, Note
from journal.core.models.entry import Version
from journal.core.paths import JOURNAL_FILE, journal_path
from journal.core.storage import JournalError, JournalReadOnly, SafeJSONStorage, codec, crypto
from journal.core.storage.atomic import FOLDER_MODE, private_folder, remove_leftovers
from journal.core.storage.backups import Backup, Backups
from journal.core.storage.errors import PassphraseRequired, WrongPassphrase
from journal.core.storage.lock import JournalLock
from journal.core.storage.presence import Presence
from journal.core.storage.table import JournalTable
from journal.core.storage.validation import JOURNAL_KIND, SCHEMA_VERSION
from journal.i18n import t

HISTORY_LIMIT = 30

__all__ = [
    "FOLDER_MODE",
    "HISTORY_LIMIT",
    "JOURNAL_KIND",
    "SCHEMA_VERSION",
    "JournalStore",
    "journal_is_encrypted",
    "list_backups",
    "now",
    "programs_open",
    "restore_backup",
]

Method = TypeVar("Method", bound=Callable[..., Any])


def now() -> datetime:
    return datetime.now().astimezone().replace(microsecond=0)


def _changes(method: Method) -> Method:
    """Run a store method as one read-modify-write under the journal lock."""

    @functools.wraps(method)
    def locked(self: JournalStore, *args: Any, **kwargs: Any) -> Any:
        with self._changing():
            return method(self, *args, **kwargs)

    return locked  # type: ignore[return-value]


def _reads(method: Method) -> Method:
    """Run a store method alone among this store's threads (a save edits the cached tables in place)."""

    @functools.wraps(method)
    def alone(self: JournalStore, *args: Any, **kwargs: Any) -> Any:
        with self._threads:
            return method(self, *args, **kwargs)

    return alone  # type: ignore[return-value]


class JournalStore:
    """Entries, notes and settings of one worker's journal folder.

    ``passphrase`` opens an encrypted journal (``PassphraseRequired`` or
    ``WrongPassphrase`` otherwise). ``read_only`` never writes anything, not
    even an upgrade or a snapshot. ``snapshot_on_open`` takes the ``start``
    snapshot (the app wants it, a one-shot command does not).
    """

    def __init__(
        self,
        data_dir: Path,
        *,
        create: bool = True,
        passphrase: str | None = None,
        read_only: bool = False,
        snapshot_on_open: bool = True,
    ):
        self.data_dir = Path(data_dir)
        self.path = journal_path(self.data_dir)
        self.read_only = read_only
        self.backup_warning: str | None = None
        if self.data_dir.exists() and not self.data_dir.is_dir():
            raise JournalError(t("storage.not_a_folder", path=self.data_dir))
        if not self.path.exists():
            if not create or read_only:
                raise JournalError(t("storage.missing", path=self.data_dir))
            self._create_folder()
        self._session = uuid.uuid4().hex
        self._threads = threading.RLock()
        self._lock = JournalLock(self.data_dir)
        self._backups = Backups(self.data_dir)
        self._presence = Presence(self.data_dir)
        self._daily_done: date | None = None
        self._changes_seen = 0
        cipher = crypto.Cipher(passphrase) if passphrase else None
        self._db = TinyDB(self.path, storage=SafeJSONStorage, cipher=cipher)
        self._storage: SafeJSONStorage = self._db.storage
        try:
            self._open(snapshot_on_open)
        except BaseException:
            self.close()
            raise
        self._presence.announce()

    # -- opening ------------------------------------------------------------

    def _create_folder(self) -> None:
        try:
            private_folder(self.data_dir)
        except OSError as error:
            raise JournalError(t("storage.cannot_create", path=self.data_dir, error=error.strerror)) from error

    def _open(self, snapshot: bool) -> None:
        if self.read_only:
            if self._storage.read() is None:
                raise JournalError(t("storage.missing", path=self.data_dir))
            return
        with self._lock:
            remove_leftovers(self.data_dir, JOURNAL_FILE)
            data = self._storage.read()
            if data is None:
                self._table("meta").insert({"kind": JOURNAL_KIND, "schema": SCHEMA_VERSION, "created_at": now().isoformat()})
                return
            if self._storage.schema_on_disk < SCHEMA_VERSION:
                self._snapshot("upgrade", required=True)
                self._storage.write(data)
            if self._storage.encrypted:
                self._seal_backups()
            if snapshot:
                self._snapshot("start", unless_unchanged=True)
            self._daily()

    def _snapshot(self, kind: str, *, required: bool = False, unless_unchanged: bool = False) -> Backup | None:
        try:
            return self._backups.take(kind, unless_unchanged=unless_unchanged)
        except OSError as error:
            message = t("backup.failed", folder=self._backups.folder, error=error.strerror or error)
            if required:
                raise JournalError(message) from error
            self.backup_warning = message
            return None

    def _daily(self) -> None:
        today = date.today()
        if self._daily_done != today:
            if self._backups.daily_due(today):
                self._snapshot("daily", unless_unchanged=True)
            self._daily_done = today

    def close(self) -> None:
        with self._threads:
            self._presence.withdraw()
            self._db.close()
            self._lock.close()

    def __enter__(self) -> JournalStore:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()

    # -- living with other programs -----------------------------------------

    @contextmanager
    def _changing(self) -> Iterator[None]:
        if self.read_only:
            raise JournalReadOnly(t("lock.read_only", path=self.path))
        with self._threads, self._lock:
            if self._storage.read() is None:
                raise JournalError(t("storage.vanished", path=self.path))
            self._daily()
            yield

    @_reads
    def refresh(self) -> bool:
        """Pick up another program's changes; True if the journal changed since the last ``refresh``."""
        self._storage.read()
        changed = self._storage.external_changes != self._changes_seen
        self._changes_seen = self._storage.external_changes
        return changed

    def open_elsewhere(self) -> int:
        """How many other programs (app windows, commands) have this journal open right now."""
        return self._presence.others()

    # -- encryption ---------------------------------------------------------

    @property
    @_reads
    def encrypted(self) -> bool:
        self._storage.read()
        return self._storage.encrypted

    def enable_encryption(self, passphrase: str) -> int:
        """Encrypt the journal and its backups with ``passphrase``; returns how many backups were sealed."""
        if len(passphrase) < crypto.MIN_PASSPHRASE:
            raise JournalError(t("crypto.too_short", minimum=crypto.MIN_PASSPHRASE))
        with self._changing():
            data = self._storage.read()
            if self._storage.encrypted:
                raise JournalError(t("crypto.already_encrypted", path=self.path))
            self._storage.encrypt_with(crypto.Cipher(passphrase))
            self._storage.write(data)
            return self._rewrite_backups(self._seal_backups)

    def disable_encryption(self) -> int:
        """Write the journal (and the backups this passphrase opens) in clear; returns how many backups."""
        with self._changing():
            data = self._storage.read()
            if not self._storage.encrypted:
                raise JournalError(t("crypto.not_encrypted", path=self.path))
            cipher = self._storage.cipher
            self._storage.encrypt_with(None)
            self._storage.write(data)
            return self._rewrite_backups(
                lambda: self._backups.rewrite(lambda raw: cipher.open(raw) if cipher.matches(raw) else None)
            )

    def _rewrite_backups(self, rewrite) -> int:
        """Re-seal or open the backups; a disk error becomes one line (the next open retries sealing)."""
        try:
            return rewrite()
        except OSError as error:
            raise JournalError(t("backup.failed", folder=self._backups.folder, error=error.strerror or error)) from error

    def _seal_backups(self) -> int:
        cipher = self._storage.cipher
        return self._backups.rewrite(lambda raw: None if crypto.is_encrypted(raw) else cipher.seal(raw))

    # -- backups ------------------------------------------------------------

    def backups(self) -> list[Backup]:
        """The snapshots of this journal, newest first."""
        return self._backups.all()

    # -- notes ----------------------------------------------------------------

    @_changes
    def add_note(self, text: str, *, private: bool = False, created_at: datetime | None = None) -> Note:
        created = created_at or now()
        note_id = self._table("notes").insert({"text": text, "created_at": created.isoformat(), "private": private})
        return Note(note_id, text, created, private)

    @_reads
    def notes(self) -> list[Note]:
        notes = [
            Note(doc.doc_id, doc["text"], datetime.fromisoformat(doc["created_at"]), bool(doc.get("private")))
            for doc in self._table("notes").all()
        ]
        return sorted(notes, key=lambda note: (note.created_at, note.id))

    @_changes
    def set_note_private(self, note_id: int, private: bool) -> None:
        self._table("notes").update({"private": private}, doc_ids=[note_id])

    # -- entries --------------------------------------------------------------

    @_reads
    def entries(self) -> list[Entry]:
        return [self._entry(doc) for doc in self._table("entries").all()]

    @_reads
    def entries_for(self, exercise_id: str) -> list[Entry]:
        found = (Document(doc, int(doc_id)) for doc_id, doc in self._raw("entries").items() if doc.get("exercise_id") == exercise_id)
        return sorted((self._entry(doc) for doc in found), key=lambda entry: entry.instance)

    @_reads
    def entry(self, exercise_id: str, instance: int = 1) -> Entry | None:
        found = self._find(exercise_id, instance)
        return self._entry(found) if found else None

    def status(self, exercise_id: str) -> EntryStatus:
        statuses = {entry.status for entry in self.entries_for(exercise_id)}
        if EntryStatus.DONE in statuses:
            return EntryStatus.DONE
        return EntryStatus.STARTED if EntryStatus.STARTED in statuses else EntryStatus.NOT_STARTED

    @_changes
    def save_answer(self, exercise_id: str, prompt_id: str, value: Any, instance: int = 1) -> Entry:
        """Store one answer; the first change of a session keeps the previous answers as a version."""
        table = self._table("entries")
        found = self._find(exercise_id, instance)
        if found is None:
            if is_empty(value):
                return self._blank_entry(exercise_id, instance)
            doc = {**self._blank_doc(exercise_id, instance), "answers": {prompt_id: copy.deepcopy(value)}}
            doc_id = table.insert(doc)
            return self._entry(table.get(doc_id=doc_id))
        answers = copy.deepcopy(found.get("answers", {}))
        if answers.get(prompt_id) == value:
            return self._entry(found)
        history = list(found.get("history", []))
        if found.get("session") != self._session and any(not is_empty(v) for v in answers.values()):
            history.append({"saved_at": found["updated_at"], "answers": copy.deepcopy(answers)})
            history = history[-HISTORY_LIMIT:]
        answers[prompt_id] = copy.deepcopy(value)
        status = found.get("status", EntryStatus.STARTED.value)
        if status == EntryStatus.NOT_STARTED.value:
            status = EntryStatus.STARTED.value
        table.update(
            {"answers": answers, "updated_at": now().isoformat(), "session": self._session, "history": history, "status": status},
            doc_ids=[found.doc_id],
        )
        return self._entry(table.get(doc_id=found.doc_id))

    @_changes
    def set_status(self, exercise_id: str, status: EntryStatus, instance: int = 1) -> None:
        self._update_entry(exercise_id, instance, {"status": status.value})

    @_changes
    def set_private(self, exercise_id: str, private: bool, instance: int = 1) -> None:
        self._update_entry(exercise_id, instance, {"private": private})

    def next_instance(self, exercise_id: str) -> int:
        """The number a new instance of a repeatable exercise would get; nothing is written
        until the worker answers something in it."""
        return max((entry.instance for entry in self.entries_for(exercise_id)), default=0) + 1

    @_changes
    def new_instance(self, exercise_id: str) -> int:
        """The number of a new, dated instance of a repeatable exercise."""
        instances = [entry.instance for entry in self.entries_for(exercise_id)]
        number = max(instances, default=0) + 1
        self._table("entries").insert(self._blank_doc(exercise_id, number))
        return number

    def _update_entry(self, exercise_id: str, instance: int, changes: dict) -> None:
        found = self._find(exercise_id, instance)
        if found is None:
            self._table("entries").insert({**self._blank_doc(exercise_id, instance), **changes})
            return
        self._table("entries").update({**changes, "updated_at": now().isoformat()}, doc_ids=[found.doc_id])

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
        return Entry(0, exercise_id, {}, EntryStatus.NOT_STARTED, stamp, stamp, instance=instance)

    def _find(self, exercise_id: str, instance: int) -> Document | None:
        for doc_id, doc in self._raw("entries").items():
            if doc.get("exercise_id") == exercise_id and doc.get("instance", 1) == instance:
                return Document(doc, int(doc_id))
        return None

    # -- tables ---------------------------------------------------------------

    def _table(self, name: str) -> JournalTable:
        """A fresh TinyDB table: no query cache, no remembered next ID, so nothing outlives a change made elsewhere."""
        return JournalTable(self._storage, name, cache_size=0)

    def _raw(self, name: str) -> dict:
        """The stored documents of a table, by ID (read-only use: TinyDB documents are copies of these)."""
        return (self._storage.read() or {}).get(name, {})

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

    @_reads
    def setting(self, key: str, default: Any = None) -> Any:
        found = self._table("settings").get(Query().key == key)
        return found["value"] if found else default

    @_changes
    def set_setting(self, key: str, value: Any) -> None:
        self._table("settings").upsert({"key": key, "value": value}, Query().key == key)


# -- backups, without opening the journal (it may be damaged) ----------------------


def list_backups(data_dir: Path) -> list[Backup]:
    """The snapshots of the journal in ``data_dir``, newest first."""
    return Backups(Path(data_dir)).all()


def restore_backup(data_dir: Path, backup_id: str, *, passphrase: str | None = None) -> tuple[Backup, Backup | None]:
    """Put a snapshot back as the journal, after checking it opens; returns it and the snapshot of the replaced journal.

    Works on a damaged journal (it is not opened, only copied aside first).
    An encrypted snapshot needs its passphrase (``PassphraseRequired`` /
    ``WrongPassphrase``); a damaged one is refused.
    """
    data_dir = Path(data_dir)
    backups = Backups(data_dir)
    backup = backups.get(backup_id)
    if backup is None:
        raise JournalError(t("backup.unknown", id=backup_id, folder=backups.folder))
    try:
        codec.decode(backup.read(), crypto.Cipher(passphrase) if passphrase else None)
    except codec.NeedPassphrase as error:
        raise PassphraseRequired(t("backup.passphrase_required", id=backup.id)) from error
    except codec.WrongPassphrase as error:
        raise WrongPassphrase(t("backup.wrong_passphrase", id=backup.id)) from error
    except codec.Problem as problem:
        raise JournalError(t("backup.damaged", id=backup.id)) from problem
    except OSError as error:
        raise JournalError(t("backup.unreadable", id=backup.id, error=error.strerror or error)) from error
    lock = JournalLock(data_dir)
    try:
        with lock:
            remove_leftovers(data_dir, JOURNAL_FILE)
            kept = backups.restore(backup)
    except OSError as error:
        raise JournalError(t("backup.restore_failed", id=backup.id, error=error.strerror or error)) from error
    finally:
        lock.close()
    return backup, kept


def journal_is_encrypted(data_dir: Path) -> bool:
    """Whether the journal in ``data_dir`` is encrypted (False if there is none)."""
    try:
        with open(journal_path(Path(data_dir)), "rb") as stream:
            return crypto.is_encrypted(stream.read(len(crypto.MAGIC)))
    except FileNotFoundError:
        return False
    except OSError as error:
        raise JournalError(t("storage.unreadable", path=journal_path(Path(data_dir)), error=error.strerror)) from error


def programs_open(data_dir: Path) -> int:
    """How many programs (app windows, commands) have the journal in ``data_dir`` open."""
    return Presence(Path(data_dir)).others()
