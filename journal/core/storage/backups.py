"""Snapshots of the journal in ``<data>/backups/``: taken, listed, pruned, restored.

A snapshot is a byte-for-byte copy of ``journal.json`` written with the same
atomic write (mode ``0600``, folder ``0700``): an encrypted journal gives
encrypted snapshots, and nothing is ever decrypted to make one. Its ID is the
local time it was taken and why, e.g. ``20250314-091502-start``; the file is
``<ID>.json``. The versions of the answers go beside it, written first (so a
listed snapshot has its versions): the entries' versions files
(``versions_folder``) in the folder ``<ID>.versions/``, each a hard link to
the live file (bilan never changes a file in place, it replaces it: a link is
a copy that costs no bytes; a copy where the disk refuses links), and the
single versions file of before (``versions_file``), when there still is one,
as ``<ID>.versions.json``. Restoring puts back exactly what the snapshot
holds: its entry files, removing the others, and its single file or none (a
snapshot taken before versions had files of their own holds them inside its
journal; the ``restore`` snapshot keeps what was replaced). A crash half-way
through a restore leaves a mixture of both states, each file whole: the
``restore`` snapshot, taken first, holds everything that was replaced, and
restoring again ends the same.

Why a snapshot is taken, and how many of each kind are kept (older ones are
deleted when a new one of the same kind is taken):

- ``start``: when the app opens the journal, unless nothing changed since the last one (10);
- ``daily``: the first time the journal is opened or changed on a given day (14);
- ``restore``: the journal as it was just before ``bilan backup restore`` replaced it,
  damaged or not (10);
- ``upgrade``: the journal as it was before a schema upgrade (5).

Callers hold the journal lock while taking or restoring, so a snapshot never
races a save.
"""

from __future__ import annotations

import errno
import os
import re
from collections.abc import Callable
from contextlib import suppress
from datetime import date, datetime
from functools import partial
from pathlib import Path

from journal.core.paths import backups_dir, journal_path
from journal.core.record import record
from journal.core.storage import links, sealed
from journal.core.storage.atomic import atomic_write, atomic_write_many, fsync_folder, private_folder, remove_leftovers
from journal.core.storage.codec import usable
from journal.core.storage.versions_file import VersionsDamaged
from journal.core.storage.versions_folder import VersionsFolder, names_in

KEEP = {"start": 10, "daily": 14, "restore": 10, "upgrade": 5}
SUFFIX = ".json"
VERSIONS_SUFFIX = ".versions.json"
FOLDER_SUFFIX = ".versions"
# Where the disk cannot link (another volume, a file system without links, too many links), files are copied.
_NO_LINK = {errno.EXDEV, errno.EPERM, errno.EMLINK, errno.ENOTSUP, errno.EOPNOTSUPP, errno.EACCES}
_STAMP = "%Y%m%d-%H%M%S"
_NAME = re.compile(r"^(?P<stamp>\d{8}-\d{6})-(?P<kind>[a-z]+)(?:-(?P<seq>\d+))?$")


@record
class Backup:
    id: str
    path: Path
    kind: str
    taken_at: datetime
    sequence: int
    size: int

    @property
    def encrypted(self) -> bool:
        try:
            with open(self.path, "rb") as stream:
                return sealed.is_encrypted(stream.read(len(sealed.MAGIC)))
        except OSError:
            return False

    def read(self) -> bytes:
        return self.path.read_bytes()

    @property
    def versions_path(self) -> Path:
        return self.path.with_name(f"{self.id}{VERSIONS_SUFFIX}")

    def read_versions(self) -> bytes | None:
        """The single versions file copied with this snapshot, or None when there was none."""
        try:
            return self.versions_path.read_bytes()
        except FileNotFoundError:
            return None

    @property
    def versions_folder(self) -> Path:
        return self.path.with_name(f"{self.id}{FOLDER_SUFFIX}")

    def version_files(self) -> list[str]:
        """The names of the entries' versions files kept with this snapshot (sorted; none for an older snapshot)."""
        return sorted(names_in(self.versions_folder))

    def restorable(self) -> bool:
        """Whether the snapshot can be read and looks like a journal (see ``codec.usable``)."""
        try:
            return usable(self.read())
        except OSError:
            return False


def _parse(path: Path) -> Backup | None:
    if path.suffix != SUFFIX:
        return None
    match = _NAME.match(path.stem)
    if not match:
        return None
    try:
        taken_at = _taken_at(match["stamp"])
        size = path.stat().st_size
    except (ValueError, OSError):
        return None
    return Backup(path.stem, path, match["kind"], taken_at, int(match["seq"] or 0), size)


def _taken_at(stamp: str) -> datetime:
    """``datetime.strptime(stamp, _STAMP)`` for a ``YYYYMMDD-HHMMSS`` stamp, without loading ``_strptime``
    at every opening (ValueError for a date or time that does not exist, as strptime)."""
    if not stamp.isascii():  # other scripts' digits: as strptime reads them
        return datetime.strptime(stamp, _STAMP)
    day, time = stamp.split("-")
    return datetime(int(day[:4]), int(day[4:6]), int(day[6:]), int(time[:2]), int(time[2:4]), int(time[4:]))


class Backups:
    """The snapshots of one journal folder."""

    def __init__(self, data_dir: Path):
        self.data_dir = Path(data_dir)
        self.folder = backups_dir(self.data_dir)
        self.journal = journal_path(self.data_dir)

    def all(self) -> list[Backup]:
        """Every snapshot, newest first."""
        try:
            paths = list(self.folder.iterdir())
        except OSError:
            return []
        found = [backup for backup in map(_parse, paths) if backup is not None]
        return sorted(found, key=lambda backup: (backup.taken_at, backup.sequence, backup.id), reverse=True)

    def get(self, backup_id: str) -> Backup | None:
        wanted = backup_id.strip().removesuffix(SUFFIX)
        return next((backup for backup in self.all() if backup.id == wanted), None)

    def newest(self, accept: Callable[[bytes], bool] | None = None) -> Backup | None:
        """The newest snapshot whose content ``accept`` approves (any, without ``accept``)."""
        for backup in self.all():
            try:
                if accept is None or accept(backup.read()):
                    return backup
            except OSError:
                continue
        return None

    def daily_due(self, today: date | None = None) -> bool:
        today = today or date.today()
        return not any(backup.kind == "daily" and backup.taken_at.date() == today for backup in self.all())

    def take(self, kind: str, *, unless_unchanged: bool = False) -> Backup | None:
        """Copy the journal as it is now; None if there is no journal (or it equals the last ``kind`` one)."""
        try:
            raw = self.journal.read_bytes()
        except FileNotFoundError:
            return None
        if unless_unchanged:
            last = next((backup for backup in self.all() if backup.kind == kind), None)
            if last is not None and last.size == len(raw) and _same(last, raw):
                return None
        private_folder(self.folder)
        remove_leftovers(self.folder)
        self._remove_orphans()
        backup_id = self._new_id(kind)
        self._copy_versions(self.folder / f"{backup_id}{FOLDER_SUFFIX}", self.folder / f"{backup_id}{VERSIONS_SUFFIX}")
        atomic_write(self.folder / f"{backup_id}{SUFFIX}", raw)
        self.prune(kind)
        return self.get(backup_id)

    def _remove_orphans(self) -> None:
        """Remove the versions folders of snapshots cut short before their journal copy (none lists them; call under the lock)."""
        try:
            paths = list(self.folder.iterdir())
        except OSError:
            return
        listed = {backup.id for backup in self.all()}
        for path in paths:
            if path.name.endswith(FOLDER_SUFFIX) and path.name.removesuffix(FOLDER_SUFFIX) not in listed:
                _empty_folder(path, remove=True)

    def _copy_versions(self, folder: Path, single: Path) -> None:
        """Keep the live versions (entries' files, single file) in a snapshot's ``folder`` and ``single`` file."""
        live = VersionsFolder(links.versions_folder(self.data_dir))
        names = live.names()
        if names:
            private_folder(folder)
            _link_all(live, folder, names)
        try:
            versions = links.versions_target(self.data_dir).read_bytes()
        except FileNotFoundError:
            versions = None
        if versions is not None:
            atomic_write(single, versions)

    def _new_id(self, kind: str) -> str:
        """``<stamp>-<kind>``, or with a number after the highest of that second: pruning the
        first of a second must not give its name back to a newer one (it would sort as older)."""
        base = f"{datetime.now().strftime(_STAMP)}-{kind}"
        same_second = [backup.sequence or 1 for backup in self.all() if backup.id == base or backup.id.startswith(f"{base}-")]
        return f"{base}-{max(same_second) + 1}" if same_second else base

    def prune(self, kind: str) -> None:
        same_kind = [backup for backup in self.all() if backup.kind == kind]
        for backup in same_kind[KEEP.get(kind, 10) :]:
            backup.path.unlink(missing_ok=True)
            backup.versions_path.unlink(missing_ok=True)
            _empty_folder(backup.versions_folder, remove=True)

    def restore(self, backup: Backup) -> Backup | None:
        """Put ``backup`` back as the journal and its versions; the journal it replaces is kept as a ``restore`` snapshot."""
        raw, versions, files = backup.read(), backup.read_versions(), backup.version_files()
        kept = self.take("restore")
        atomic_write(links.journal_target(self.journal), raw)
        live = VersionsFolder(links.versions_folder(self.data_dir))
        if files:
            private_folder(live.folder)
            _link_all(VersionsFolder(backup.versions_folder), live.folder, files)
        restored = set(files)
        for name in live.names():
            if name not in restored:
                live.remove(name)
        live.settle()
        live_versions = links.versions_target(self.data_dir)
        if versions is not None:
            atomic_write(live_versions, versions)
        else:
            live_versions.unlink(missing_ok=True)
            fsync_folder(live_versions.parent)
        return kept

    def rewrite(self, transform: Callable[[bytes], bytes | None], *, plain_only: bool = False) -> int:
        """Replace each snapshot's bytes by ``transform(bytes)`` (None leaves it); returns how many changed.

        With ``plain_only`` (sealing, at every encrypted opening), versions files
        already sealed are known by their first bytes and not read in full.
        """
        changed = 0
        for backup in self.all():
            versions = backup.read_versions()
            new_versions = transform(versions) if versions is not None else None
            if new_versions is not None:
                atomic_write(backup.versions_path, new_versions)
            kept = VersionsFolder(backup.versions_folder)
            names = [name for name in kept.names() if not (plain_only and kept.sealed(name))]
            atomic_write_many([(kept.folder / name, partial(_transformed, transform, kept, name)) for name in names])
            new = transform(backup.read())
            if new is not None:
                atomic_write(backup.path, new)
                changed += 1
        return changed


def _same(backup: Backup, raw: bytes) -> bool:
    try:
        return backup.read() == raw
    except OSError:
        return False


def _transformed(transform: Callable[[bytes], bytes | None], files: VersionsFolder, name: str) -> bytes | None:
    raw = _bytes_of(files, name)
    return transform(raw) if raw is not None else None


def _bytes_of(files: VersionsFolder, name: str) -> bytes | None:
    """The bytes of a versions file, read as every versions file is (no link followed, size bounded); None when it
    cannot be (gone, a link, too large): it is left as it is, and reading it as versions says what is wrong."""
    try:
        return files.raw(name)
    except VersionsDamaged:
        return None


def _link_all(source: VersionsFolder, target: Path, names: list[str]) -> None:
    """Make each of ``names`` in ``target`` the same file as in ``source``: a hard link put in place
    atomically, or where the disk refuses links, a copy (written together, as ``atomic_write_many``)."""
    refused = [name for name in names if not _linked(source.folder / name, target / name)]
    atomic_write_many([(target / name, partial(_bytes_of, source, name)) for name in refused])
    fsync_folder(target)


def _linked(source: Path, target: Path) -> bool:
    """Whether ``target`` is now a hard link to ``source`` (False where the disk refuses links)."""
    temporary = target.with_name(f".{target.name}.{os.urandom(6).hex()}.tmp")
    try:
        os.link(source, temporary, follow_symlinks=False)
    except OSError as error:
        if error.errno not in _NO_LINK:
            raise
        return False
    try:
        os.replace(temporary, target)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise
    return True


def _empty_folder(folder: Path, *, remove: bool = False) -> None:
    """Delete the entry files (and leftovers) in a snapshot's versions folder; the folder itself too with ``remove``.

    A link at its place is left as it is: emptying through it could remove the live versions files.
    """
    if folder.is_symlink():
        return
    for name in list(names_in(folder)):
        (folder / name).unlink(missing_ok=True)
    remove_leftovers(folder)
    if remove:
        with suppress(OSError):  # gone already, or holding something that is not bilan's: left where it is
            folder.rmdir()
