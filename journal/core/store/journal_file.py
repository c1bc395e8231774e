"""The journal file of one folder: opening, locking, snapshots and raw table access.

Every record kind (``entries``, ``notes``, ``settings``, …) reads and writes
through one ``JournalFile``. Safety (see ``journal.core.storage``): every change
is a read-modify-write under the journal lock against the file as it is on disk
now, so another window or a ``bilan note`` in another terminal never loses its
work; reads always reflect the file; opening takes snapshots and upgrades old
journals; a damaged journal is never written to.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

from tinydb import TinyDB

from journal.core.paths import journal_path
from journal.core.random_id import random_id
from journal.core.storage import JournalError, JournalReadOnly, SafeJSONStorage, sealed
from journal.core.storage import links
from journal.core.storage.atomic import private_folder, remove_leftovers, tighten
from journal.core.storage.backups import Backup, Backups
from journal.core.storage.disk_errors import describe, failure
from journal.core.storage.lock import JournalLock
from journal.core.storage.presence import Presence
from journal.core.storage.table import JournalTable
from journal.core.storage.validation import JOURNAL_KIND, SCHEMA_VERSION
from journal.core.paths import EXPORTS_FILE, VERSIONS_FILE, VERSIONS_FOLDER
from journal.core.store.clock import now
from journal.i18n import t

if TYPE_CHECKING:
    from journal.core.store.versions import EntryVersions


class JournalFile:
    """The open journal of ``data_dir`` (see ``JournalStore`` for the arguments)."""

    def __init__(
        self,
        data_dir: Path,
        *,
        create: bool,
        passphrase: str | None,
        read_only: bool,
        snapshot_on_open: bool,
    ):
        self.data_dir = Path(data_dir)
        self.path = journal_path(self.data_dir)
        self.read_only = read_only
        self.backup_warning: str | None = None
        self.permissions_notice: str | None = None
        if links.exists(self.data_dir):
            if not self.data_dir.is_dir():
                raise JournalError(t("storage.not_a_folder", path=self.data_dir))
            if not read_only and tighten(self.data_dir):
                self.permissions_notice = t("storage_errors.folder_tightened", path=self.data_dir)
        if not links.exists(self.path):
            if not create or read_only:
                raise JournalError(t("storage.missing", path=self.data_dir))
            self._create_folder()
        # A linked journal is read and replaced at its target, so the link stays a link.
        self.target = links.journal_target(self.path)
        self.session = random_id()
        self.threads = threading.RLock()
        self.lock = JournalLock(self.data_dir)
        self.backups = Backups(self.data_dir)
        self._presence = Presence(self.data_dir)
        self._daily_done: date | None = None
        self._changes_seen = 0
        cipher = _cipher(passphrase)
        self._db = TinyDB(self.target, storage=SafeJSONStorage, cipher=cipher)
        self.storage: SafeJSONStorage = self._db.storage
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
            raise failure("create", self.data_dir, error) from error

    def _open(self, snapshot: bool) -> None:
        if self.read_only:
            if self.storage.read() is None:
                raise JournalError(t("storage.missing", path=self.data_dir))
            return
        with self.lock:
            remove_leftovers(self.target.parent, self.target.name, VERSIONS_FILE, EXPORTS_FILE)
            remove_leftovers(self.target.parent / VERSIONS_FOLDER)
            data = self.storage.read()
            if data is None:
                self.table("meta").insert({"kind": JOURNAL_KIND, "schema": SCHEMA_VERSION, "created_at": now().isoformat()})
                return
            inline_history = any(doc.get("history") for doc in data.get("entries", {}).values())
            upgrade = self.storage.schema_on_disk < SCHEMA_VERSION or inline_history
            single_file = (self.target.parent / VERSIONS_FILE).is_file()
            if upgrade or single_file:
                self.snapshot("upgrade", required=upgrade)
                if single_file:
                    self._versions_unless_refused(self.versions.move_single_file)
                if inline_history:
                    self.versions.absorb_inline(data)  # the versions files first, then the journal: see store.versions
                if upgrade:
                    self.storage.write(data)
            if self.storage.encrypted:
                self.seal_backups()
                self._versions_unless_refused(self.versions.seal_if_plain)
            if snapshot:
                self.snapshot("start", unless_unchanged=True)
            self._daily()

    def _versions_unless_refused(self, step: Callable[[], object]) -> None:
        """Moving ``versions.json`` into the entries' files, or sealing versions files left plain (see ``store.versions``).

        A disk that refuses (full, read-only) stops nothing: what was there
        stays readable (readers combine the single file and the entries'
        files; a plain file opens beside an encrypted journal), the next
        opening tries again; ``versions.notice`` says so in one line.
        """
        try:
            step()
        except JournalError as error:
            self.versions.notice = str(error)

    def snapshot(self, kind: str, *, required: bool = False, unless_unchanged: bool = False) -> Backup | None:
        try:
            return self.backups.take(kind, unless_unchanged=unless_unchanged)
        except OSError as error:
            message = describe("write", self.backups.folder, error)
            if required:
                raise JournalError(message) from error
            self.backup_warning = message
            return None
        except JournalError as error:  # a versions folder bilan refuses to copy (see versions_folder)
            if required:
                raise
            self.backup_warning = str(error)
            return None

    def _daily(self) -> None:
        today = date.today()
        if self._daily_done != today:
            if self.backups.daily_due(today):
                self.snapshot("daily", unless_unchanged=True)
            self._daily_done = today

    def seal_backups(self) -> int:
        cipher = self.storage.cipher
        return self.backups.rewrite(lambda raw: None if sealed.is_encrypted(raw) else cipher.seal(raw), plain_only=True)

    @cached_property
    def versions(self) -> EntryVersions:
        """The earlier versions of the answers, in their own file (loaded on first use)."""
        from journal.core.store.versions import EntryVersions

        return EntryVersions(self)

    def close(self) -> None:
        with self.threads:
            self._presence.withdraw()
            self._db.close()
            if "versions" in self.__dict__:
                self.versions.close()
            self.lock.close()

    # -- living with other programs -----------------------------------------

    @contextmanager
    def changing(self) -> Iterator[None]:
        """One read-modify-write: this thread alone, under the journal lock, on the file as it is now."""
        if self.read_only:
            raise JournalReadOnly(t("lock.read_only", path=self.path))
        with self.threads, self.lock:
            if self.storage.read() is None:
                raise JournalError(t("storage.vanished", path=self.path))
            self._daily()
            yield

    def refresh(self) -> bool:
        """Pick up another program's changes; True if the journal changed since the last ``refresh``."""
        with self.threads:
            self.storage.read()
            changed = self.storage.external_changes != self._changes_seen
            self._changes_seen = self.storage.external_changes
            return changed

    def open_elsewhere(self) -> int:
        return self._presence.others()

    # -- tables ---------------------------------------------------------------

    def table(self, name: str) -> JournalTable:
        """A fresh TinyDB table: no query cache, no remembered next ID, so nothing outlives a change made elsewhere."""
        return JournalTable(self.storage, name, cache_size=0)

    def raw(self, name: str) -> dict:
        """The stored documents of a table, by ID (read-only use: TinyDB documents are copies of these)."""
        return (self.storage.read() or {}).get(name, {})


def _cipher(passphrase: str | None):
    """A cipher for ``passphrase`` (the encryption code loaded only then), or None for a plain journal."""
    if not passphrase:
        return None
    from journal.core.storage import crypto

    return crypto.Cipher(passphrase)
