"""One line for a journal that cannot be used: what is wrong, that it was left as it is, how to get back.

The line names the file and the problem, then the newest backup that looks
restorable with the exact command to restore it (``--data`` included when the
folder is not the one ``bilan`` would pick by itself).
"""

from __future__ import annotations

import shlex
from pathlib import Path

from journal.core.paths import resolve_data_dir
from journal.core.storage import codec
from journal.core.storage.backups import Backups
from journal.core.storage.errors import JournalDamaged
from journal.i18n import t


def damaged(path: Path, problem: codec.Problem) -> JournalDamaged:
    what = t(f"storage.{problem.key}", path=path, **problem.values)
    return JournalDamaged(f"{what} {restore_hint(path.parent)}")


def restore_hint(data_dir: Path) -> str:
    backup = Backups(data_dir).newest(accept=codec.usable)
    if backup is None:
        return t("storage.no_backup")
    return t("storage.restore_hint", date=backup.taken_at.strftime(t("formats.datetime")), command=restore_command(data_dir, backup.id))


def restore_command(data_dir: Path, backup_id: str) -> str:
    """The command that restores ``backup_id`` into ``data_dir``, as the worker would type it."""
    if Path(data_dir).resolve() == resolve_data_dir().resolve():
        return f"bilan backup restore {backup_id}"
    return f"bilan --data {shlex.quote(str(data_dir))} backup restore {backup_id}"
