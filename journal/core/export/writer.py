"""Writes an export file safely: private permissions, never a half-written file.

The target is checked first: an export must never replace the journal, a
backup or anything else in the journal folder, nor a device or a folder. A
terminal or a pipe (``-o /dev/stdout``) is written into; a symbolic link is
followed, the file it points to replaced atomically, and the link kept.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from journal.core.storage.atomic import atomic_write
from journal.core.storage.errors import JournalError
from journal.i18n import t


def check_target(path: Path, journal_folder: Path) -> Path:
    """The file to write for ``path`` (a link is followed, so it stays a link); JournalError when unsafe."""
    if is_stream(path):
        return path
    target = path.expanduser().resolve()
    folder = journal_folder.expanduser().resolve()
    if target == folder or folder in target.parents:
        raise JournalError(t("export_target.in_journal_folder", path=path))
    if target.exists() and not target.is_file():
        raise JournalError(t("export_target.not_a_file", path=path))
    return target


def is_stream(path: Path) -> bool:
    """A terminal, a pipe, ``/dev/stdout`` or ``/dev/null``: written into, never replaced."""
    if str(path).startswith(("/dev/", "/proc/self/fd/")):
        return True
    try:
        mode = os.stat(path).st_mode
    except OSError:
        return False
    return stat.S_ISCHR(mode) or stat.S_ISFIFO(mode)


def write_export(path: Path, text: str, journal_folder: Path) -> None:
    write_export_bytes(path, text.encode("utf-8"), journal_folder)


def write_export_bytes(path: Path, payload: bytes, journal_folder: Path) -> None:
    """Write ``payload`` (an encoded or encrypted export) with the same checks and atomic write."""
    if is_stream(path):
        with open(path, "wb") as stream:
            stream.write(payload)
        return
    atomic_write(check_target(path, journal_folder), payload)
