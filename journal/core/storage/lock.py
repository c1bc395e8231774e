"""The journal lock: one writer at a time, across processes and threads.

Every change to the journal is a read-modify-write done while holding an
exclusive lock on ``<data>/journal.lock`` (a separate, empty file, so the lock
survives the journal being replaced by a rename). The lock is re-entrant inside
one ``JournalLock`` object, so a store method can call another one.

POSIX uses ``fcntl.flock``; Windows ``msvcrt.locking``; where neither exists
the lock only serialises the threads of this process (documented limit).
The kernel releases the lock when a process dies, even by SIGKILL.
"""

from __future__ import annotations

import os
import threading
import time
from pathlib import Path

from journal.core.storage.atomic import FILE_MODE
from journal.core.storage.errors import JournalError
from journal.i18n import t

try:  # POSIX
    import fcntl
except ImportError:  # pragma: no cover - Windows
    fcntl = None
try:  # Windows
    import msvcrt
except ImportError:
    msvcrt = None

LOCK_FILE = "journal.lock"
WAIT_SECONDS = 20.0


def _try_lock(descriptor: int) -> bool:
    if fcntl is not None:
        try:
            fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            return False
        return True
    if msvcrt is not None:  # pragma: no cover - Windows
        try:
            msvcrt.locking(descriptor, msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True
    return True  # pragma: no cover - no lock primitive at all


def _unlock(descriptor: int) -> None:
    if fcntl is not None:
        fcntl.flock(descriptor, fcntl.LOCK_UN)
    elif msvcrt is not None:  # pragma: no cover - Windows
        os.lseek(descriptor, 0, os.SEEK_SET)
        msvcrt.locking(descriptor, msvcrt.LK_UNLCK, 1)


def try_lock_descriptor(descriptor: int) -> bool:
    """Take the exclusive lock on an open file without waiting (used for liveness checks)."""
    return _try_lock(descriptor)


class JournalLock:
    """Re-entrant exclusive lock on ``<data>/journal.lock``; use it as a context manager."""

    def __init__(self, data_dir: Path, *, wait: float = WAIT_SECONDS):
        self.path = Path(data_dir) / LOCK_FILE
        self.wait = wait
        self._threads = threading.RLock()
        self._descriptor: int | None = None
        self._depth = 0

    @property
    def held(self) -> bool:
        return self._depth > 0

    def __enter__(self) -> "JournalLock":
        self._threads.acquire()
        try:
            if self._depth == 0:
                self._acquire()
            self._depth += 1
        except BaseException:
            self._threads.release()
            raise
        return self

    def __exit__(self, *_: object) -> None:
        try:
            self._depth -= 1
            if self._depth == 0 and self._descriptor is not None:
                _unlock(self._descriptor)
        finally:
            self._threads.release()

    def _acquire(self) -> None:
        if self._descriptor is None:
            try:
                self._descriptor = os.open(self.path, os.O_RDWR | os.O_CREAT, FILE_MODE)
            except OSError as error:
                raise JournalError(t("lock.cannot_open", path=self.path, error=error.strerror)) from error
        deadline = time.monotonic() + self.wait
        pause = 0.001
        while not _try_lock(self._descriptor):
            if time.monotonic() >= deadline:
                raise JournalError(t("lock.busy", path=self.path.parent, seconds=int(self.wait)))
            time.sleep(pause)
            pause = min(pause * 2, 0.05)

    def close(self) -> None:
        with self._threads:
            if self._descriptor is not None:
                os.close(self._descriptor)  # also releases a lock still held
                self._descriptor = None
                self._depth = 0
