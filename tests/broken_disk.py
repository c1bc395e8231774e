"""A disk that fails as a full, over-quota, read-only or failing one does, injected at bilan's write layer.

Tests cannot mount a tiny file system without root, so the failure is injected
where bilan touches the disk: the ``os`` name of the modules that write in the
journal folder (atomic writes and their temporary files, presence files, the lock).
Standard streams (descriptors 0–2) keep working, as they would on a real full disk.

- ``ENOSPC`` / ``EDQUOT`` / ``EIO``: creating a file works, writing bytes to it fails;
- ``EROFS``: opening anything for writing, creating, renaming, changing modes fails.
"""

from __future__ import annotations

import errno
import os
import types

from journal.core.storage import atomic, lock, presence

WRITE_FLAGS = os.O_WRONLY | os.O_RDWR | os.O_CREAT | os.O_APPEND | os.O_TRUNC
DISK_ERRORS = (errno.ENOSPC, errno.EDQUOT, errno.EROFS, errno.EIO)


def _error(code: int) -> OSError:
    return OSError(code, os.strerror(code))


def failing_os(code: int) -> types.SimpleNamespace:
    """A stand-in for the ``os`` module whose writes fail with ``code``."""

    def write(descriptor, data):
        if descriptor > 2:
            raise _error(code)
        return os.write(descriptor, data)

    def open_(path, flags, *args, **kwargs):
        if code == errno.EROFS and flags & WRITE_FLAGS:
            raise _error(code)
        return os.open(path, flags, *args, **kwargs)

    def refuse(*_args, **_kwargs):
        raise _error(code)

    names = {name: getattr(os, name) for name in dir(os) if not name.startswith("__")}
    names.update(write=write, open=open_)
    if code == errno.EROFS:
        names.update(replace=refuse, rename=refuse, chmod=refuse, fchmod=refuse, unlink=refuse, mkdir=refuse)
    return types.SimpleNamespace(**names)


def break_disk(monkeypatch, code: int) -> None:
    """From now on (until the test ends), bilan's writes in any folder fail with ``code``."""
    fake = failing_os(code)
    for module in (atomic, lock, presence):
        monkeypatch.setattr(module, "os", fake)
