"""The journal lock: one writer at a time, across processes and threads.

Every change to the journal is a read-modify-write done while holding an
exclusive lock on ``<data>/journal.lock`` (a separate, empty file, so the lock
survives the journal being replaced by a rename). The lock is re-entrant inside
one ``JournalLock`` object, so a store method can call another one.

Waiting is done by polling (so it can give up with a clear message when a
program holds the lock too long, e.g. one suspended with Ctrl-Z). Polling alone
is unfair: a program saving in a loop would re-take the lock before a waiter
wakes. So a waiter first takes a turnstile (``<data>/journal.queue``) and holds
it while it waits: the program that just released the lock must pass the
turnstile to take it again, and so waits its turn.

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
from journal.core.storage.disk_errors import failure
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
QUEUE_FILE = "journal.queue"
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
        self.queue_path = Path(data_dir) / QUEUE_FILE
        self.wait = wait
        self._threads = threading.RLock()
        self._descriptor: int | None = None
        self._queue: int | None = None
        self._depth = 0

    @property
    def held(self) -> bool:
        return self._depth > 0

    def __enter__(self) -> JournalLock:
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
            self._descriptor, self._queue = self._open(self.path), self._open(self.queue_path)
        deadline = time.monotonic() + self.wait
        self._poll(self._queue, deadline)
        try:
            self._poll(self._descriptor, deadline)
        finally:
            _unlock(self._queue)

    def _open(self, path: Path) -> int:
        try:
            return os.open(path, os.O_RDWR | os.O_CREAT, FILE_MODE)
        except OSError as error:
            raise failure("lock", path, error) from error

    def _poll(self, descriptor: int, deadline: float) -> None:
        pause = 0.0005
        while not _try_lock(descriptor):
            if time.monotonic() >= deadline:
                raise JournalError(t("lock.busy", path=self.path.parent, seconds=int(self.wait)))
            time.sleep(pause)
            pause = min(pause * 2, 0.02)

    def close(self) -> None:
        with self._threads:
            for descriptor in (self._descriptor, self._queue):
                if descriptor is not None:
                    os.close(descriptor)  # also releases a lock still held
            self._descriptor, self._queue, self._depth = None, None, 0
