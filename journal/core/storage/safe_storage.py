"""A TinyDB storage that never rewrites the journal in place and never re-parses it needlessly.

Writes go through ``atomic_write`` (temporary file, fsync, rename, folder
fsync). The data last read or written stays in memory with the identity of
the file it came from: (device, inode, size, mtime). On POSIX the storage
keeps that file open, which pins its inode: the number cannot be reused by
another file while we hold it, and bilan never modifies a journal in place, so
"same identity" really means "same content". Another program's save gives a
new inode, and the next ``read`` parses the new file.

TinyDB mutates the dict ``read`` returns and then calls ``write`` with it. If
anything goes wrong between the two (serialising, disk full, permissions),
the cached copy is dropped, so it can never drift from the disk: the next read
parses the file again. Encryption happens here, in memory, when the file was
encrypted (or encryption is being turned on): only sealed bytes are written.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING, Any

from tinydb.storages import Storage

from journal.core.storage import codec
from journal.core.storage.atomic import POSIX, atomic_write
from journal.core.storage.disk_errors import failure
from journal.core.storage.errors import JournalError, PassphraseRequired, WrongPassphrase
from journal.core.storage.validation import SCHEMA_VERSION
from journal.i18n import t

if TYPE_CHECKING:
    from journal.core.storage.crypto import Cipher

Signature = tuple[int, int, int, int]

__all__ = ["SafeJSONStorage", "atomic_write"]


def _signature(status: os.stat_result) -> Signature:
    return (status.st_dev, status.st_ino, status.st_size, status.st_mtime_ns)


class SafeJSONStorage(Storage):
    def __init__(self, path: str | Path, *, cipher: Cipher | None = None, **_: Any):
        self.path = Path(path)
        self.cipher = cipher
        self.encrypted = False  # whether the file, as last read or written, is encrypted
        self.schema_on_disk: int | None = None
        self.external_changes = 0  # how many times another program's save was picked up
        self._cache: dict | None = None
        self._signature: Signature | None = None
        self._pinned: int | None = None

    # -- reading --------------------------------------------------------------

    def read(self) -> dict | None:
        try:
            current = _signature(os.stat(self.path))
        except FileNotFoundError:
            self._forget()
            return None
        except OSError as error:
            raise self._unreadable(error) from error
        if self._cache is not None and current == self._signature:
            return self._cache
        return self._load()

    def _load(self) -> dict | None:
        try:
            descriptor = os.open(self.path, os.O_RDONLY)
        except FileNotFoundError:
            self._forget()
            return None
        except OSError as error:
            raise self._unreadable(error) from error
        try:
            signature = _signature(os.fstat(descriptor))
            raw = _read_all(descriptor, signature[2])
            decoded = self._decode(raw)
        except BaseException as error:
            os.close(descriptor)
            self._forget()
            if isinstance(error, OSError):
                raise self._unreadable(error) from error
            raise
        picked_up = self._cache is not None
        self._pin(descriptor, signature)
        self._cache, self.encrypted, self.schema_on_disk = decoded.data, decoded.encrypted, decoded.schema
        if picked_up:
            self.external_changes += 1
        return self._cache

    def _decode(self, raw: bytes) -> codec.Decoded:
        try:
            return codec.decode(raw, self.cipher)
        except codec.Problem as problem:
            from journal.core.storage.damage import damaged  # what to say of a broken journal: rarely needed

            raise damaged(self.path, problem) from problem
        except codec.NeedPassphrase as error:
            raise PassphraseRequired(t("crypto.passphrase_required", path=self.path)) from error
        except codec.WrongPassphrase as error:
            raise WrongPassphrase(t("crypto.wrong_passphrase", path=self.path)) from error

    def _unreadable(self, error: OSError) -> JournalError:
        return failure("read", self.path, error)

    # -- writing --------------------------------------------------------------

    def write(self, data: dict) -> None:
        try:
            payload = self._encode(data)
            descriptor = atomic_write(self.path, payload, keep_open=POSIX)
        except BaseException as error:
            self._forget()
            if isinstance(error, OSError):
                raise failure("write", self.path, error) from error
            raise
        if descriptor is not None:
            self._pin(descriptor, _signature(os.fstat(descriptor)))
        else:  # pragma: no cover - Windows: no pinning, identity from the path
            self._signature = _signature(os.stat(self.path))
        self._cache, self.schema_on_disk = data, SCHEMA_VERSION

    def _encode(self, data: dict) -> tuple[bytes | memoryview, ...]:
        try:
            return codec.encode(data, self.cipher if self.encrypted else None)
        except TypeError as error:
            # orjson refuses what it cannot write back (lists or tables nested over 254 levels, put there by
            # hand: reading takes up to 1,024): one line saying nothing was saved, never a crash saying it was
            raise JournalError(t("storage.unwritable", path=self.path)) from error

    def encrypt_with(self, cipher: Cipher | None) -> None:
        """Seal the next writes with ``cipher`` (None: write plain JSON)."""
        if cipher is not None:
            self.cipher = cipher
        self.encrypted = cipher is not None

    # -- cache ----------------------------------------------------------------

    def _pin(self, descriptor: int, signature: Signature) -> None:
        previous = self._pinned
        if POSIX:
            self._pinned = descriptor
        else:  # pragma: no cover - Windows cannot rename over an open file
            os.close(descriptor)
        if previous is not None and previous != descriptor:
            os.close(previous)
        self._signature = signature

    def discard(self) -> None:
        """Drop the cached copy (a change failed half-way); the next read parses the file."""
        self._forget()

    def _forget(self) -> None:
        self._cache, self._signature = None, None
        if self._pinned is not None:
            os.close(self._pinned)
            self._pinned = None

    def close(self) -> None:
        self._forget()


def _read_all(descriptor: int, size: int) -> bytes:
    chunks = []
    while True:
        chunk = os.read(descriptor, max(size, 1 << 16))
        if not chunk:
            return b"".join(chunks)
        chunks.append(chunk)
