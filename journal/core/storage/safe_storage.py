"""A TinyDB storage that never rewrites the journal in place.

Each write goes to a temporary file in the same folder, is flushed and
fsynced, then atomically replaces the journal; the folder is fsynced so the
rename itself survives a power cut. The last content read or written is kept
in memory together with the file's identity (inode, size, mtime), so reads
skip parsing while nobody else has changed the file.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path
from typing import Any

import orjson
from tinydb.storages import Storage

from journal.core.storage.errors import JournalError
from journal.i18n import t

FILE_MODE = 0o600


def _signature(path: Path) -> tuple[int, int, int] | None:
    try:
        status = path.stat()
    except FileNotFoundError:
        return None
    return (status.st_ino, status.st_size, status.st_mtime_ns)


def atomic_write(path: Path, payload: bytes) -> None:
    """Replace ``path`` with ``payload`` so that readers see the old or the new file, never half."""
    folder = path.parent
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    try:
        os.fchmod(handle, FILE_MODE)
        with os.fdopen(handle, "wb") as stream:
            stream.write(payload)
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(temporary, path)
    except BaseException:
        try:
            os.unlink(temporary)
        except FileNotFoundError:
            pass
        raise
    _fsync_folder(folder)


def _fsync_folder(folder: Path) -> None:
    try:
        descriptor = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(descriptor)
    except OSError:
        pass
    finally:
        os.close(descriptor)


class SafeJSONStorage(Storage):
    def __init__(self, path: str | Path, **_: Any):
        self.path = Path(path)
        self._cache: dict | None = None
        self._cache_signature: tuple[int, int, int] | None = None

    def read(self) -> dict | None:
        signature = _signature(self.path)
        if signature is None:
            self._cache, self._cache_signature = None, None
            return None
        if self._cache is not None and signature == self._cache_signature:
            return self._cache
        try:
            raw = self.path.read_bytes()
        except OSError as error:
            raise JournalError(t("storage.unreadable", path=self.path, error=error.strerror)) from error
        if not raw.strip():
            raise JournalError(t("storage.empty", path=self.path))
        try:
            data = orjson.loads(raw)
        except orjson.JSONDecodeError as error:
            raise JournalError(t("storage.not_json", path=self.path)) from error
        if not isinstance(data, dict):
            raise JournalError(t("storage.not_journal", path=self.path))
        self._cache, self._cache_signature = data, signature
        return data

    def write(self, data: dict) -> None:
        payload = orjson.dumps(data)
        try:
            atomic_write(self.path, payload)
        except OSError as error:
            self._cache, self._cache_signature = None, None
            raise JournalError(t("storage.write_failed", path=self.path, error=error.strerror)) from error
        self._cache, self._cache_signature = data, _signature(self.path)

    def close(self) -> None:
        self._cache = None
