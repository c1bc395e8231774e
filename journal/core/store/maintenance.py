"""Operations on a journal folder that do not open the journal (it may be damaged or locked by a passphrase)."""

from __future__ import annotations

from pathlib import Path

from journal.core.paths import JOURNAL_FILE, VERSIONS_FILE, journal_path
from journal.core.storage import JournalError, codec, links, sealed
from journal.core.storage.atomic import remove_leftovers
from journal.core.storage.backups import Backup, Backups
from journal.core.storage.disk_errors import failure
from journal.core.storage.errors import PassphraseRequired, WrongPassphrase
from journal.core.storage.lock import JournalLock
from journal.core.storage.presence import Presence
from journal.core.storage.disk_errors import os_reason
from journal.i18n import t


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
        codec.decode(backup.read(), _cipher(passphrase))
    except codec.NeedPassphrase as error:
        raise PassphraseRequired(t("backup.passphrase_required", id=backup.id)) from error
    except codec.WrongPassphrase as error:
        raise WrongPassphrase(t("backup.wrong_passphrase", id=backup.id)) from error
    except codec.Problem as problem:
        raise JournalError(t("backup.damaged", id=backup.id)) from problem
    except OSError as error:
        raise JournalError(t("backup.unreadable", id=backup.id, error=os_reason(error))) from error
    lock = JournalLock(data_dir)
    try:
        with lock:
            remove_leftovers(data_dir, JOURNAL_FILE, VERSIONS_FILE)
            remove_leftovers(links.versions_folder(data_dir))
            kept = backups.restore(backup)
    except OSError as error:
        raise failure("write", journal_path(data_dir), error) from error
    finally:
        lock.close()
    return backup, kept


def journal_is_encrypted(data_dir: Path) -> bool:
    """Whether the journal in ``data_dir`` is encrypted (False if there is none)."""
    try:
        with open(journal_path(Path(data_dir)), "rb") as stream:
            return sealed.is_encrypted(stream.read(len(sealed.MAGIC)))
    except FileNotFoundError:
        return False
    except OSError as error:
        raise failure("read", journal_path(Path(data_dir)), error) from error


def programs_open(data_dir: Path) -> int:
    """How many programs (app windows, commands) have the journal in ``data_dir`` open."""
    return Presence(Path(data_dir)).others()


def _cipher(passphrase: str | None):
    """A cipher for ``passphrase`` (the encryption code loaded only then), or None."""
    if not passphrase:
        return None
    from journal.core.storage import crypto

    return crypto.Cipher(passphrase)
