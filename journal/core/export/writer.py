"""Writes an export file safely: private permissions, never a half-written file.

The target is checked first: an export must never replace the journal, a
backup or anything else in the journal folder, nor a device or a folder.
"""

from __future__ import annotations

from pathlib import Path

from journal.core.storage.atomic import atomic_write
from journal.core.storage.errors import JournalError
from journal.i18n import t


def check_target(path: Path, journal_folder: Path) -> None:
    """Raise JournalError when ``path`` is not a safe place for an export."""
    target = path.expanduser().resolve()
    folder = journal_folder.expanduser().resolve()
    if target == folder or folder in target.parents:
        raise JournalError(t("export_target.in_journal_folder", path=path))
    if target.exists() and not target.is_file():
        raise JournalError(t("export_target.not_a_file", path=path))


def write_export(path: Path, text: str, journal_folder: Path) -> None:
    check_target(path, journal_folder)
    atomic_write(path, text.encode("utf-8"))
