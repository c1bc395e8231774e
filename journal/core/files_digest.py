"""A digest of a set of files, names and bytes: what tells whether a module written from them is still theirs."""

from __future__ import annotations

from pathlib import Path

from journal.core.storage.careful_read import NotRegularFile, TooLarge, read_regular

try:  # BLAKE2 itself: hashlib would load OpenSSL first, for nothing here
    from _blake2 import blake2b
except ImportError:  # pragma: no cover - an interpreter without CPython's built-in BLAKE2
    from hashlib import blake2b

MAX_FILE_BYTES = 4 << 20  # a built-in exercise or message file is tens of kilobytes


def files_digest(base: Path, names: list[str]) -> str:
    """BLAKE2b of each file ``base / name`` in the order given: its name, its length, its bytes.

    Raises OSError when one cannot be read, is absent, is not a regular file or
    is larger than ``MAX_FILE_BYTES`` (never waiting on a pipe; links are
    followed: an installed copy may use them): the caller then reads the files
    the careful way.
    """
    digest = blake2b(digest_size=32)
    for name in names:
        path = base / name
        try:
            content = read_regular(path, MAX_FILE_BYTES, follow_links=True)
        except (NotRegularFile, TooLarge) as refused:
            raise OSError(f"{path}: {type(refused).__name__}") from refused
        if content is None:
            raise FileNotFoundError(path)
        digest.update(name.encode("utf-8", "surrogateescape") + b"\0" + len(content).to_bytes(8, "big") + content)
    return digest.hexdigest()
