"""Who else has the journal open: one small file per open store in ``<data>/sessions/``.

Each open store creates ``sessions/<pid>-<random>.session`` and holds an
exclusive ``flock`` on it for as long as it is open. Another store counts the
files whose lock it cannot take: those belong to live programs. A file whose
lock it can take was left by a program that died (the kernel dropped its lock);
it is removed, when counting and each time a store opens. This is advisory, for a notice such as "the journal is also open
in another window": the safety of concurrent saves comes from the journal lock,
not from here. The file is created under a hidden name, locked, then renamed,
so no one ever sees it unlocked. Without ``fcntl`` (Windows) nothing is counted.
"""

from __future__ import annotations

import json
import os
import time
from pathlib import Path

from journal.core.paths import sessions_dir
from journal.core.storage.atomic import FILE_MODE, private_folder
from journal.core.storage.lock import fcntl, try_lock_descriptor

SUFFIX = ".session"
ABANDONED_SECONDS = 60


class Presence:
    def __init__(self, data_dir: Path):
        self.folder = sessions_dir(Path(data_dir))
        self._descriptor: int | None = None
        self._path: Path | None = None

    def announce(self) -> None:
        """Mark this program as having the journal open (until ``withdraw`` or its death)."""
        if fcntl is None or self._descriptor is not None:
            return
        self.others()  # sweeps the files of programs that died
        try:
            private_folder(self.folder)
            name = f"{os.getpid()}-{os.urandom(4).hex()}{SUFFIX}"  # secrets.token_hex(4), without loading hmac and OpenSSL
            hidden = self.folder / f".{name}"
            descriptor = os.open(hidden, os.O_RDWR | os.O_CREAT | os.O_EXCL, FILE_MODE)
        except OSError:
            return  # advisory only: a read-only or full disk must not stop anyone
        try:
            try_lock_descriptor(descriptor)
            os.write(descriptor, json.dumps({"pid": os.getpid(), "since": time.time()}).encode())
            os.replace(hidden, self.folder / name)
        except OSError:
            os.close(descriptor)
            _remove(hidden)
            return
        self._descriptor, self._path = descriptor, self.folder / name

    def others(self) -> int:
        """How many other live programs have the journal open."""
        if fcntl is None:
            return 0
        try:
            paths = list(self.folder.iterdir())
        except OSError:
            return 0
        for path in paths:
            if path.name.startswith(".") and _older_than(path, ABANDONED_SECONDS):
                _remove(path)  # a program died between creating and naming it
        live = [path for path in paths if path.suffix == SUFFIX and not path.name.startswith(".") and path != self._path]
        return sum(1 for path in live if _alive(path))

    def withdraw(self) -> None:
        if self._descriptor is None:
            return
        if self._path is not None:
            _remove(self._path)
        os.close(self._descriptor)
        self._descriptor, self._path = None, None


def _older_than(path: Path, seconds: float) -> bool:
    try:
        return time.time() - path.stat().st_mtime > seconds
    except OSError:
        return False


def _alive(path: Path) -> bool:
    try:
        descriptor = os.open(path, os.O_RDONLY)
    except OSError:
        return False
    try:
        if try_lock_descriptor(descriptor):
            _remove(path)  # its program died: clean up
            return False
        return True
    finally:
        os.close(descriptor)


def _remove(path: Path) -> None:
    """Delete a presence file if the disk lets us (a read-only disk keeps it: it is only advisory)."""
    try:
        path.unlink(missing_ok=True)
    except OSError:
        pass
