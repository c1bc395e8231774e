"""Reading a file that may be hostile: never through a link, never waiting on a pipe, never more than a bound.

Used for the small files beside the journal that another program could have
replaced (a versions file, ``exports.json``): ``open_careful`` gives a
descriptor (``O_NOFOLLOW``: a link fails with ``ELOOP``; ``O_NONBLOCK``: a FIFO
does not hang the opening), ``read_regular`` the bytes of a regular file of at
most ``limit`` bytes. Each caller decides what a refusal means for it. The
files of bilan's own package are read the same way, links followed
(``follow_links``: an installed copy may be made of links).
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

FOLLOWING_FLAGS = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
READ_FLAGS = FOLLOWING_FLAGS | getattr(os, "O_NOFOLLOW", 0)
CHUNK = 1 << 20


class NotRegularFile(Exception):
    """A folder, a FIFO or a device where a file was expected."""


class TooLarge(Exception):
    """The file holds more than the bound it was read with."""


def open_careful(path: Path, follow_links: bool = False) -> int | None:
    """A descriptor of ``path`` for reading, or None when there is nothing there; ``OSError`` otherwise (``ELOOP``: a link)."""
    try:
        return os.open(path, FOLLOWING_FLAGS if follow_links else READ_FLAGS)
    except FileNotFoundError:
        return None


def read_regular(path: Path, limit: int, follow_links: bool = False) -> bytes | None:
    """The bytes of the regular file at ``path`` (None when absent); ``NotRegularFile``, ``TooLarge`` or ``OSError``."""
    descriptor = open_careful(path, follow_links)
    if descriptor is None:
        return None
    try:
        status = os.fstat(descriptor)
        if not stat.S_ISREG(status.st_mode):
            raise NotRegularFile(str(path))
        if status.st_size > limit:
            raise TooLarge(str(path))
        chunks, left = [], limit + 1  # one byte more than allowed: a file that grew since fstat is caught too
        while left > 0:
            chunk = os.read(descriptor, min(left, CHUNK))
            if not chunk:
                break
            chunks.append(chunk)
            left -= len(chunk)
    finally:
        os.close(descriptor)
    if left <= 0:
        raise TooLarge(str(path))
    return b"".join(chunks)
