"""Where the journal really is when ``journal.json`` is a symbolic link, and refusing what cannot be reached.

A worker may keep the journal elsewhere (an encrypted volume, a synchronised
folder) and link it from the data folder. bilan follows the link and writes
atomically next to the target, so the link stays a link. A link whose target is
missing (an unmounted disk) is refused: starting an empty journal there would
hide the real one.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from journal.core.storage.disk_errors import failure
from journal.core.storage.errors import JournalError
from journal.i18n import t


def journal_target(path: Path) -> Path:
    """The file to read and replace for ``path``: itself, or the regular file its link leads to."""
    try:
        if not path.is_symlink():
            return path
        target = Path(os.path.realpath(path))
        status = os.stat(target)
    except FileNotFoundError:
        raise JournalError(t("storage_errors.dangling_link", path=path, target=os.readlink(path))) from None
    except OSError as error:
        raise failure("read", path, error) from error
    if not stat.S_ISREG(status.st_mode):
        raise JournalError(t("storage_errors.link_not_a_file", path=path, target=target))
    return target


def exists(path: Path) -> bool:
    """Whether ``path`` (or a link at it, even a broken one) is there; a path the system refuses raises one line."""
    try:
        os.lstat(path)
    except FileNotFoundError:
        return False
    except NotADirectoryError:
        return False
    except OSError as error:
        raise failure("read", path, error) from error
    return True


def versions_target(data_dir: Path) -> Path:
    """The versions file of the journal in ``data_dir``: beside the journal's real file, so a link keeps both together."""
    from journal.core.paths import VERSIONS_FILE, journal_path

    return journal_target(journal_path(Path(data_dir))).parent / VERSIONS_FILE


def versions_folder(data_dir: Path) -> Path:
    """The folder of per-entry versions files of the journal in ``data_dir``, beside the journal's real file too."""
    from journal.core.paths import VERSIONS_FOLDER, journal_path

    return journal_target(journal_path(Path(data_dir))).parent / VERSIONS_FOLDER


def beside_journal(data_dir: Path, name: str) -> Path:
    """The file ``name`` kept beside the journal's real file (the journal may be a link elsewhere)."""
    from journal.core.paths import journal_path

    return journal_target(journal_path(Path(data_dir))).parent / name
