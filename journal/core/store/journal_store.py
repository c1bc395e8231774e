"""The store facade: the only door between the interfaces and the journal file.

Screens and commands reach each kind of record through one attribute —
``store.entries`` (answers to exercises), ``store.notes``, ``store.settings``,
``store.bilans``, ``store.assignments``, ``store.custom_exercises``,
``store.appointments``, ``store.questions``, ``store.synthesis``,
``store.exports`` (how many summaries were shared), and
``store.transfer`` (the whole journal, for a dump) — each
defined in a module of its own, imported the first time it is used (``bilan
note`` loads only its notes); the facade itself only opens and closes the
journal, and turns encryption on or off.
"""

from __future__ import annotations

from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

from journal.core.storage.errors import JournalError
from journal.core.storage.backups import Backup
from journal.core.storage.disk_errors import failure
from journal.core.store.journal_file import JournalFile
from journal.i18n import t

if TYPE_CHECKING:
    from journal.core.store.appointments import AppointmentRecords
    from journal.core.store.assignments import AssignmentRecords
    from journal.core.store.bilans import BilanRecords
    from journal.core.store.custom_exercises import CustomExerciseRecords
    from journal.core.store.entries import EntryRecords
    from journal.core.store.exports import ExportRecords
    from journal.core.store.notes import NoteRecords
    from journal.core.store.questions import QuestionRecords
    from journal.core.store.settings import SettingRecords
    from journal.core.store.synthesis import SynthesisRecords
    from journal.core.store.transfer import TransferRecords


class JournalStore:
    """One worker's journal folder.

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
        self._journal = JournalFile(
            data_dir, create=create, passphrase=passphrase, read_only=read_only, snapshot_on_open=snapshot_on_open
        )

    # -- record kinds -------------------------------------------------------

    @cached_property
    def entries(self) -> EntryRecords:
        from journal.core.store.entries import EntryRecords

        return EntryRecords(self._journal)

    @cached_property
    def notes(self) -> NoteRecords:
        from journal.core.store.notes import NoteRecords

        return NoteRecords(self._journal)

    @cached_property
    def settings(self) -> SettingRecords:
        from journal.core.store.settings import SettingRecords

        return SettingRecords(self._journal)

    @cached_property
    def bilans(self) -> BilanRecords:
        from journal.core.store.bilans import BilanRecords

        return BilanRecords(self._journal)

    @cached_property
    def assignments(self) -> AssignmentRecords:
        from journal.core.store.assignments import AssignmentRecords

        return AssignmentRecords(self._journal)

    @cached_property
    def custom_exercises(self) -> CustomExerciseRecords:
        from journal.core.store.custom_exercises import CustomExerciseRecords

        return CustomExerciseRecords(self._journal)

    @cached_property
    def appointments(self) -> AppointmentRecords:
        from journal.core.store.appointments import AppointmentRecords

        return AppointmentRecords(self._journal)

    @cached_property
    def questions(self) -> QuestionRecords:
        from journal.core.store.questions import QuestionRecords

        return QuestionRecords(self._journal)

    @cached_property
    def synthesis(self) -> SynthesisRecords:
        from journal.core.store.synthesis import SynthesisRecords

        return SynthesisRecords(self._journal)

    @cached_property
    def exports(self) -> ExportRecords:
        from journal.core.store.exports import ExportRecords

        return ExportRecords(self._journal)

    @cached_property
    def transfer(self) -> TransferRecords:
        from journal.core.store.transfer import TransferRecords

        return TransferRecords(self._journal)

    @property
    def data_dir(self) -> Path:
        return self._journal.data_dir

    @property
    def path(self) -> Path:
        return self._journal.path

    @property
    def read_only(self) -> bool:
        return self._journal.read_only

    @property
    def permissions_notice(self) -> str | None:
        """Said once: the folder was readable by others and has just been made private."""
        return self._journal.permissions_notice

    @property
    def versions_notice(self) -> str | None:
        """Said once found: the file of earlier versions was damaged and has been set aside (None otherwise)."""
        journal = self._journal
        return journal.versions.notice if "versions" in journal.__dict__ else None

    @property
    def backup_warning(self) -> str | None:
        """A snapshot that could not be taken on open, as one line (None when all went well)."""
        return self._journal.backup_warning

    def close(self) -> None:
        self._journal.close()

    def __enter__(self) -> JournalStore:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()

    def refresh(self) -> bool:
        """Pick up another program's changes; True if the journal changed since the last ``refresh``."""
        return self._journal.refresh()

    def open_elsewhere(self) -> int:
        """How many other programs (app windows, commands) have this journal open right now."""
        return self._journal.open_elsewhere()

    def backups(self) -> list[Backup]:
        """The snapshots of this journal, newest first."""
        return self._journal.backups.all()

    # -- encryption ---------------------------------------------------------

    @property
    def encrypted(self) -> bool:
        with self._journal.threads:
            self._journal.storage.read()
            return self._journal.storage.encrypted

    def enable_encryption(self, passphrase: str) -> int:
        """Encrypt the journal, its versions and its backups with ``passphrase``; returns how many backups were sealed."""
        from journal.core.storage import crypto  # here: a plain journal never loads the encryption code

        if len(passphrase) < crypto.MIN_PASSPHRASE:
            raise JournalError(t("crypto.too_short", minimum=crypto.MIN_PASSPHRASE))
        journal = self._journal
        with journal.changing():
            data = journal.storage.read()
            if journal.storage.encrypted:
                raise JournalError(t("crypto.already_encrypted", path=journal.path))
            journal.storage.encrypt_with(crypto.Cipher(passphrase))
            journal.storage.write(data)
            journal.versions.reseal(sealed=True)  # after the journal: never sealed beside a plain journal
            self.exports.reseal(journal.storage.cipher)
            return self._rewrite_backups(journal.seal_backups)

    def disable_encryption(self) -> int:
        """Write the journal, its versions (and the backups this passphrase opens) in clear; returns how many backups."""
        journal = self._journal
        with journal.changing():
            data = journal.storage.read()
            if not journal.storage.encrypted:
                raise JournalError(t("crypto.not_encrypted", path=journal.path))
            cipher = journal.storage.cipher
            journal.versions.reseal(sealed=False)  # before the journal: never sealed beside a plain journal
            self.exports.reseal(None)
            journal.storage.encrypt_with(None)
            journal.storage.write(data)
            return self._rewrite_backups(
                lambda: journal.backups.rewrite(lambda raw: cipher.open(raw) if cipher.matches(raw) else None)
            )

    def _rewrite_backups(self, rewrite) -> int:
        """Re-seal or open the backups; a disk error becomes one line (the next open retries sealing)."""
        try:
            return rewrite()
        except OSError as error:
            folder = self._journal.backups.folder
            raise failure("write", folder, error) from error
