"""Writing files so that a crash leaves the old content or the new one, never half of either.

A write goes to a temporary file in the same folder (created ``0600``), is
flushed and fsynced, atomically replaces the target, and the folder is fsynced
so the rename itself survives a power cut. Folders the journal owns are made
``0700``. Leftovers of interrupted writes are recognised and removed.
"""

from __future__ import annotations

import contextlib
import errno
import os
import stat
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path

FILE_MODE = 0o600
FOLDER_MODE = 0o700
TEMP_SUFFIX = ".tmp"
POSIX = os.name == "posix"
# As tempfile.mkstemp opens its files: created here or not at all, never through a symbolic link.
_TEMP_FLAGS = os.O_RDWR | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_BINARY", 0)
_TEMP_ATTEMPTS = 100
WRITE_BYTES = 1 << 18  # small pieces of a file are joined into writes of about this size
Payload = bytes | Sequence[bytes | memoryview]


def atomic_write(path: Path, payload: Payload, *, keep_open: bool = False) -> int | None:
    """Replace ``path`` with ``payload`` so that readers see the old or the new file, never half.

    ``payload`` may be given in parts (written one after the other, without
    joining them into one more copy in memory).

    With ``keep_open`` the descriptor of the new file is returned, still open
    (the caller closes it): holding it pins the file's identity, see
    ``SafeJSONStorage``.
    """
    folder = path.parent
    handle, temporary = _temporary_file(folder, path.name)
    try:
        _fill(handle, payload)
        os.replace(temporary, path)
    except BaseException:
        os.close(handle)
        _remove_quietly(Path(temporary))
        raise
    fsync_folder(folder)
    if keep_open:
        return handle
    os.close(handle)
    return None


# Concurrent fsyncs of small files share the disk's flushes: 32 at a time made 2,000 writes 15 times faster here.
_WRITERS = 32


def atomic_write_many(items: Sequence[tuple[Path, Callable[[], Payload | None]]]) -> int:
    """``atomic_write`` of many files (each payload made by its function; None: that file is left as it is).

    Each file is written to its temporary file and fsynced, several at a time
    (threads: the waits for the disk overlap), then all are renamed in order and
    each folder is fsynced once. A crash leaves every file old or new, never
    half; a failure while writing removes the temporary files, renames nothing
    and raises the first error; a rename refused leaves the files before it new,
    the others old, and no temporary file. Returns how many files were replaced.
    """
    if not items:
        return 0
    if len(items) == 1:  # no threads for one file (a version added to one entry)
        path, make = items[0]
        payload = make()
        if payload is None:
            return 0
        atomic_write(path, payload)
        return 1
    from concurrent.futures import ThreadPoolExecutor  # only bulk writes (moving, sealing many files) need it

    with ThreadPoolExecutor(max(1, min(_WRITERS, len(items)))) as pool:
        futures = [pool.submit(_prepared, path, make) for path, make in items]
    results: list[str | None] = []
    error: BaseException | None = None
    for future in futures:
        try:
            results.append(future.result())
        except BaseException as failed:  # noqa: BLE001 - every temporary file is removed before raising
            error = error or failed
    if error is not None:
        for temporary in results:
            if temporary is not None:
                _remove_quietly(Path(temporary))
        raise error
    replaced = 0
    try:
        for index, ((path, _), temporary) in enumerate(zip(items, results)):
            if temporary is not None:
                os.replace(temporary, path)
                replaced += 1
    except BaseException:  # the files renamed are new, the others old: none half, no temporary left
        for temporary in results[index:]:
            if temporary is not None:
                _remove_quietly(Path(temporary))
        raise
    finally:
        for folder in dict.fromkeys(path.parent for path, _ in items):
            fsync_folder(folder)
    return replaced


def _prepared(path: Path, make: Callable[[], Payload | None]) -> str | None:
    """The temporary file holding ``make()``, written and fsynced (None when ``make`` gives None)."""
    payload = make()
    if payload is None:
        return None
    handle, temporary = _temporary_file(path.parent, path.name)
    try:
        _fill(handle, payload)
    except BaseException:
        os.close(handle)
        _remove_quietly(Path(temporary))
        raise
    os.close(handle)
    return temporary


def _fill(handle: int, payload: Payload) -> None:
    """Write ``payload`` (in parts) to a new temporary file, ``0600``, and make it durable."""
    if POSIX:
        os.fchmod(handle, FILE_MODE)
    for part in (payload,) if isinstance(payload, bytes) else _coalesced(payload):
        _write_all(handle, part)
    os.fsync(handle)


def _coalesced(parts: Iterable[bytes | memoryview]) -> Iterator[bytes | memoryview]:
    """``parts`` with the small ones joined into writes of about ``WRITE_BYTES``, large ones as they are.

    A serialised journal comes in hundreds of pieces, many of one byte (``{``,
    ``,``, ``:``). Each write is a system call that gives up the interpreter
    lock and must take it back: in a save thread, one more wait for the screen.
    A joined write holds less than twice ``WRITE_BYTES`` (what was pending, under
    ``WRITE_BYTES``, and one more small piece).
    """
    pending: list[bytes | memoryview] = []
    size = 0
    for part in parts:
        if len(part) >= WRITE_BYTES:
            if pending:
                yield b"".join(pending)
                pending, size = [], 0
            yield part
            continue
        pending.append(part)
        size += len(part)
        if size >= WRITE_BYTES:
            yield b"".join(pending)
            pending, size = [], 0
    if pending:
        yield b"".join(pending)


def _temporary_file(folder: Path, name: str) -> tuple[int, str]:
    """A new empty ``0600`` file ``.<name>.<random>.tmp`` in ``folder``, open for reading and writing.

    What ``tempfile.mkstemp`` does, without importing ``tempfile`` (with ``shutil``, ``random``, ``bz2``
    and ``lzma``, a twentieth of what ``bilan note`` loaded): the name is random, the file is created
    exclusively (an existing file or link is never opened) and another name is tried if one is taken.
    """
    for _ in range(_TEMP_ATTEMPTS):
        temporary = os.path.join(folder, f".{name}.{os.urandom(6).hex()}{TEMP_SUFFIX}")
        try:
            return os.open(temporary, _TEMP_FLAGS, FILE_MODE), temporary
        except FileExistsError:
            continue
    raise FileExistsError(errno.EEXIST, "no free temporary file name", str(folder))


def _write_all(handle: int, payload: bytes) -> None:
    view = memoryview(payload)
    while view:
        written = os.write(handle, view)
        view = view[written:]


def fsync_folder(folder: Path) -> None:
    """Make a rename or a new file in ``folder`` durable (a no-op where folders cannot be opened)."""
    try:
        descriptor = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        # Some file systems refuse fsync on a folder; the file itself is already durable.
        with contextlib.suppress(OSError):
            os.fsync(descriptor)
    finally:
        os.close(descriptor)


def private_folder(folder: Path) -> None:
    """Create ``folder`` (and its parents) if needed, readable by its owner only."""
    folder.mkdir(parents=True, exist_ok=True, mode=FOLDER_MODE)
    if POSIX:
        os.chmod(folder, FOLDER_MODE)


def tighten(folder: Path) -> bool:
    """Make an existing folder readable by its owner only; True if its rights were looser and are now ``0700``.

    A folder the system will not change (not ours, read-only disk) is left as it is:
    the journal's own files are ``0600`` whatever the folder.
    """
    if not POSIX:  # pragma: no cover - Windows: rights are ACLs
        return False
    try:
        if stat.S_IMODE(os.stat(folder).st_mode) & 0o077 == 0:
            return False
        os.chmod(folder, FOLDER_MODE)
    except OSError:
        return False
    return True


def remove_leftovers(folder: Path, *names: str) -> int:
    """Delete temporary files of interrupted writes (of these file names, or of any file) in ``folder``.

    One listing of the folder for every name. Call it only while holding the
    journal lock: then no write is in flight and every temporary file is an
    orphan of a killed process.
    """
    removed = 0
    prefixes = tuple(f".{name}" for name in names) or (".",)
    try:  # os.scandir: a pathlib glob compiles its pattern at every opening
        with os.scandir(folder) as entries:
            candidates = [
                folder / entry.name
                for entry in entries
                if entry.name.startswith(prefixes) and entry.name.endswith(TEMP_SUFFIX) and len(entry.name) > len(TEMP_SUFFIX)
            ]
    except OSError:
        return 0
    for candidate in candidates:
        if _remove_quietly(candidate):
            removed += 1
    return removed


def _remove_quietly(path: Path) -> bool:
    try:
        path.unlink()
    except OSError:
        return False
    return True
