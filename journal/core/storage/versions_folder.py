"""The saved versions of answers, one file per entry in ``versions/`` beside the journal: names, format, checks, reads, writes.

Layout: ``versions/<key>-<instance>.json``, where ``<key>`` is the first 32
hexadecimal digits of the SHA-256 of the exercise id. Exercise ids come from
hostile files; hashed, none can become a path (``/``, ``..``, NUL) or a name
too long for the disk. Each file holds one entry's versions, oldest first, plain
JSON or sealed exactly like the journal when the journal is encrypted::

    {"kind": "bilan-entry-versions", "format": 1, "exercise_id": "<id>", "instance": <n>,
     "versions": [{"saved_at": "<ISO 8601>", "answers": {…}}, …]}

Adding a version to one entry reads and rewrites that entry's file only (the
same atomic write as the journal), never the other entries'.

Every file is hostile input: read through no link, at most ``MAX_FILE_BYTES``,
its fields checked as the single versions file's (``versions_file``) and its
exercise id and instance matched against its name (a file copied under
another entry's name would lend that entry versions that are not its own). A
file that fails raises ``VersionsDamaged``; the store sets it aside
(``<name>.damaged-<time>``, never deleted) and carries on without that entry's
versions. Listing the folder stops at ``MAX_FILES`` entry files (a one-line
``JournalError`` beyond): what a hostile folder can cost is bounded.
"""

from __future__ import annotations

import errno
import os
import re
from collections.abc import Callable, Iterable, Iterator
from functools import cache, partial
from pathlib import Path
from typing import TYPE_CHECKING, Any

from journal.core.storage import codec
from journal.core.storage.atomic import Payload, atomic_write_many, fsync_folder, private_folder
from journal.core.storage.careful_read import NotRegularFile, TooLarge, open_careful, read_regular
from journal.core.storage.disk_errors import failure
from journal.core.storage.errors import JournalError
from journal.core.storage.sealed import MAGIC, is_encrypted
from journal.core.storage.validation import versions_problem
from journal.core.storage.versions_file import MAX_INSTANCE, MAX_VERSIONS_PER_ENTRY, VersionsDamaged, parsed, set_aside
from journal.i18n import t

if TYPE_CHECKING:
    from journal.core.storage.crypto import Cipher

KIND = "bilan-entry-versions"
FORMAT = 1
# 1000 versions of long answers fit well within this; a bigger file is not bilan's.
MAX_FILE_BYTES = 64 * 1024 * 1024
# Far more entries than a bilan has (20,000 in the stress journal); a folder with more is not bilan's.
MAX_FILES = 200_000
# Other names (set aside, foreign files) are skipped but counted, so that listing a hostile folder stays bounded.
MAX_NAMES = 4 * MAX_FILES
# Files written together (threads overlapping their fsyncs); a generator of entries is read this many at a time.
BATCH = 256
NAME = re.compile(r"^[0-9a-f]{32}-[1-9][0-9]{0,6}\.json$")
# Never through a link; never waiting (a FIFO under an entry's name would block an open for ever).


def file_name(exercise_id: str, instance: int) -> str:
    key = _sha256()(exercise_id.encode("utf-8", "surrogatepass")).hexdigest()[:32]
    return f"{key}-{instance}.json"


@cache
def _sha256():
    """SHA-256 itself, loaded by the first reader or writer of versions.

    ``hashlib`` loads OpenSSL first (~4 ms, in the app's first save while the worker types); the
    interpreter's own SHA-256 gives the same digest in a tenth of that.
    """
    try:
        from _sha256 import sha256  # Python 3.11
    except ImportError:  # pragma: no cover - other versions and builds
        try:
            from _sha2 import sha256  # Python 3.12 and later
        except ImportError:
            from hashlib import sha256
    return sha256


def problem_in(data: Any, exercise_id: str, instance: int) -> str | None:
    """Where ``data`` is not the versions file of (``exercise_id``, ``instance``): ``kind``, ``versions[2].saved_at``…, or None."""
    if not isinstance(data, dict) or data.get("kind") != KIND:
        return "kind"
    if data.get("format") != FORMAT:
        return "format"
    if data.get("exercise_id") != exercise_id:
        return "exercise_id"
    number = data.get("instance")
    if isinstance(number, bool) or number != instance or not 1 <= instance <= MAX_INSTANCE:
        return "instance"
    history = data.get("versions")
    if not isinstance(history, list) or len(history) > MAX_VERSIONS_PER_ENTRY:
        return "versions"
    problem = versions_problem(history)
    return f"versions{problem}" if problem else None


class VersionsFolder:
    """The folder of per-entry versions files of one journal."""

    def __init__(self, folder: Path):
        self.folder = Path(folder)

    def path_of(self, exercise_id: str, instance: int) -> Path:
        return self.folder / file_name(exercise_id, instance)

    # -- reading --------------------------------------------------------------

    def read(self, exercise_id: str, instance: int, cipher: Cipher | None) -> list[dict] | None:
        """The entry's versions, oldest first; None when it has no file. ``VersionsDamaged`` for a file that fails its checks."""
        found = self.read_named(file_name(exercise_id, instance), cipher)
        if found is None:
            return None
        if found[:2] != (exercise_id, instance):
            raise VersionsDamaged("exercise_id")
        return found[2]

    def read_named(self, name: str, cipher: Cipher | None) -> tuple[str, int, list[dict]] | None:
        """The exercise id, instance and versions in the file ``name`` (None if absent), checked against its name."""
        raw = self.raw(name)
        if raw is None:
            return None
        data, _ = parsed(raw, cipher)
        exercise_id = data.get("exercise_id") if isinstance(data, dict) else None
        instance = data.get("instance") if isinstance(data, dict) else None
        if not isinstance(exercise_id, str) or type(instance) is not int or not 1 <= instance <= MAX_INSTANCE:
            raise VersionsDamaged("kind" if not isinstance(data, dict) or data.get("kind") != KIND else "exercise_id")
        if file_name(exercise_id, instance) != name:
            raise VersionsDamaged("exercise_id")
        where = problem_in(data, exercise_id, instance)
        if where is not None:
            raise VersionsDamaged(where)
        return exercise_id, instance, data["versions"]

    def sealed(self, name: str) -> bool | None:
        """Whether the file ``name`` is sealed (its first bytes only; None if absent, False for a link: read in full next, and set aside there)."""
        path = self.folder / name
        try:
            descriptor = _open(path)
        except VersionsDamaged:
            return False
        if descriptor is None:
            return None
        try:
            return is_encrypted(os.read(descriptor, len(MAGIC)))
        except OSError as error:
            raise failure("read", path, error) from error
        finally:
            os.close(descriptor)

    def raw(self, name: str) -> bytes | None:
        """The bytes of one file of the folder (None if absent), never through a link, at most ``MAX_FILE_BYTES``."""
        path = self.folder / name
        try:
            return read_regular(path, MAX_FILE_BYTES)
        except TooLarge as error:
            raise VersionsDamaged("too_large") from error
        except NotRegularFile as error:
            raise failure("read", path, IsADirectoryError(errno.EISDIR, os.strerror(errno.EISDIR))) from error
        except OSError as error:
            raise _refusal(path, error) from error

    def names(self) -> list[str]:
        """The entry files of the folder (sorted; none when there is no folder); a one-line ``JournalError`` past ``MAX_FILES``."""
        return sorted(names_in(self.folder))

    # -- writing (callers hold the journal lock) -----------------------------------

    def write(self, entries: Iterable[tuple[str, int, list[dict]]], cipher: Cipher | None) -> None:
        """Replace each entry's file with its versions (the newest ``MAX_VERSIONS_PER_ENTRY``), sealed with ``cipher`` if given.

        ``entries`` gives (exercise id, instance, versions); they are written
        ``BATCH`` at a time (``atomic_write_many``), so a generator reading
        them keeps only a batch in memory.
        """
        batch: list[tuple[Path, Callable[[], Payload]]] = []
        for exercise_id, instance, history in entries:
            batch.append((self.path_of(exercise_id, instance), partial(_payload, exercise_id, instance, history, cipher)))
            if len(batch) == BATCH:
                self._write_batch(batch)
                batch = []
        if batch:
            self._write_batch(batch)

    def _write_batch(self, batch: list[tuple[Path, Callable[[], Payload]]]) -> None:
        try:
            private_folder(self.folder)
            atomic_write_many(batch)
        except OSError as error:
            raise failure("write", batch[0][0] if len(batch) == 1 else self.folder, error) from error

    def remove(self, name: str) -> None:
        path = self.folder / name
        try:
            path.unlink(missing_ok=True)
        except OSError as error:
            raise failure("write", path, error) from error

    def settle(self) -> None:
        """Make removals durable (one folder fsync after several)."""
        fsync_folder(self.folder)

    def set_aside(self, name: str) -> Path:
        """Rename a damaged file to ``<name>.damaged-<time>`` (no longer an entry file); returns the new path."""
        path = self.folder / name
        try:
            return set_aside(path, prefix=f"{name}.damaged-", suffix="")
        except OSError as error:
            raise failure("write", path, error) from error


def _payload(exercise_id: str, instance: int, history: list[dict], cipher: Cipher | None) -> Payload:
    data = {
        "kind": KIND,
        "format": FORMAT,
        "exercise_id": exercise_id,
        "instance": instance,
        "versions": history[-MAX_VERSIONS_PER_ENTRY:],
    }
    return codec.encode(data, cipher)


def _open(path: Path) -> int | None:
    """A descriptor of ``path`` for reading (None if absent), never through a link (``VersionsDamaged``)."""
    try:
        return open_careful(path)
    except OSError as error:
        raise _refusal(path, error) from error


def _refusal(path: Path, error: OSError) -> Exception:
    """A link at an entry file's place is damage (set aside); any other refusal is the disk's, said in one line."""
    return VersionsDamaged("link") if error.errno == errno.ELOOP else failure("read", path, error)


def names_in(folder: Path) -> Iterator[str]:
    """The entry-file names in ``folder`` (unsorted; a folder, FIFO or device under such a name is not one, a link is),
    bounded as ``VersionsFolder.names`` says."""
    try:
        listing = os.scandir(folder)
    except (FileNotFoundError, NotADirectoryError):
        return
    except OSError as error:
        raise failure("read", folder, error) from error
    found = seen = 0
    with listing:
        for item in listing:
            seen += 1
            if NAME.match(item.name) and (item.is_file(follow_symlinks=False) or item.is_symlink()):
                found += 1
                if found > MAX_FILES:
                    break
                yield item.name
            if seen > MAX_NAMES:
                break
    if found > MAX_FILES or seen > MAX_NAMES:
        raise JournalError(t("versions_file.too_many", path=folder, limit=MAX_FILES))
