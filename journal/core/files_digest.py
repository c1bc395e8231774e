"""A digest of a set of files, names and bytes: what tells whether a module written from them is still theirs."""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

try:  # BLAKE2 itself: hashlib would load OpenSSL first, for nothing here
    from _blake2 import blake2b
except ImportError:  # pragma: no cover - an interpreter without CPython's built-in BLAKE2
    from hashlib import blake2b

MAX_FILE_BYTES = 4 << 20  # a built-in exercise or message file is tens of kilobytes
# never waiting on a pipe put in place of a file (links are followed: an installed copy may use them)
_FLAGS = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)


def files_digest(base: Path, names: list[str]) -> str:
    """BLAKE2b of each file ``base / name`` in the order given: its name, its length, its bytes.

    Raises OSError when one cannot be read, is not a regular file or is larger
    than ``MAX_FILE_BYTES``: the caller then reads the files the careful way.
    """
    digest = blake2b(digest_size=32)
    for name in names:
        content = _read(base / name)
        digest.update(name.encode("utf-8", "surrogateescape") + b"\0" + len(content).to_bytes(8, "big") + content)
    return digest.hexdigest()


def _read(path: Path) -> bytes:
    descriptor = os.open(path, _FLAGS)
    try:
        if not stat.S_ISREG(os.fstat(descriptor).st_mode):
            raise OSError(errno.EINVAL, "not a regular file", str(path))
        with os.fdopen(descriptor, "rb", closefd=False) as handle:
            content = handle.read(MAX_FILE_BYTES + 1)
    finally:
        os.close(descriptor)
    if len(content) > MAX_FILE_BYTES:
        raise OSError(errno.EFBIG, "too large", str(path))
    return content
