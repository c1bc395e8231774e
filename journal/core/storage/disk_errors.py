"""One line for a failed write or read in the journal folder: what failed, where, what to do.

The operating system's error number decides the advice: a full disk or quota
asks for space, a read-only disk for another folder, an input/output error for a
check of the disk, a refusal for the folder's rights. The journal itself is never
changed by a failed write (``atomic_write`` leaves the old file), and the line says so.
"""

from __future__ import annotations

import errno
from pathlib import Path

from journal.core.storage.errors import JournalError
from journal.i18n import t

_ADVICE = {
    errno.ENOSPC: "full",
    errno.EDQUOT: "quota",
    errno.EROFS: "read_only",
    errno.EIO: "io",
    errno.EACCES: "denied",
    errno.EPERM: "denied",
    errno.ENAMETOOLONG: "too_long",
    errno.ELOOP: "loop",
    errno.ENOENT: "missing",
    errno.ENOTDIR: "not_a_folder",
    errno.EISDIR: "is_a_folder",
}


def reason(error: OSError) -> str:
    """Which ``storage_errors.*`` message fits this error."""
    return _ADVICE.get(error.errno, "other")


def os_reason(error: OSError) -> str:
    """Why the system refused, in the interface language (the system's own words for a case not listed)."""
    return t(f"storage_errors.why.{reason(error)}", error=error.strerror or error)


def describe(action: str, path: Path | str, error: OSError) -> str:
    """``action`` is ``write``, ``read``, ``lock`` or ``create``; the line names ``path``."""
    why = reason(error)
    return t(
        "storage_errors.line",
        what=t(f"storage_errors.{action}.what", path=path),
        why=os_reason(error),
        advice=t(f"storage_errors.advice.{why}"),
    )


def failure(action: str, path: Path | str, error: OSError) -> JournalError:
    return JournalError(describe(action, path, error))
