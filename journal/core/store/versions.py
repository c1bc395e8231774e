"""The earlier versions of each entry's answers, kept outside the journal file and read only when asked for.

The journal file holds each entry's current answers (and an empty
``history`` list, so its documents keep the shape they always had);
``versions.json`` beside it holds the versions, by exercise and instance (see
``journal.core.storage.versions_file``). Saving an answer, a note or a setting
reads and writes the small journal only; the versions file is parsed when a
reader wants versions (the history screen, a restore, a dump, an import), and
written only when a version is added (the first change of a session, or after
a long pause), restored, migrated, imported or re-sealed.

Order of writes, so that a crash between the two files never loses a word.
Both writes happen under the journal lock, each atomic (old file or new file,
never half), and the versions file is always written FIRST:

- A new version (``save_answer``): the versions file gets the current answers
  appended, then the journal gets the new answer. Crash between: the journal
  still holds the current answers, and they are also the last version —
  a duplicate, nothing lost. The next save would append the same answers
  again; ``appended`` refuses a version equal to the last one, so the retry
  leaves a single copy. (The other order would lose the current answers: the
  journal would hold the new answer, and the version it replaced would be
  nowhere.)
- A restore: the versions file gets the current answers, then the journal
  gets the chosen version's. Crash between: as above.
- The migration of a journal written before this split (each entry carrying
  its ``history``): the versions file is written with those histories, then
  the journal with the lists emptied. Crash between: the journal still
  carries them; a history still inline is always combined with the file's
  (``_combined``: same versions once each), so the next opening migrates again
  and ends the same. An older bilan that writes versions inline afterwards is
  combined the same way: its versions are kept too.
- An import (``transfer``): versions of every entry first, then the journal.
- Encryption: the versions file is never sealed while the journal is plain
  (it could not be opened without a passphrase no one asks for): turning
  encryption on writes the journal first, then the versions; turning it off
  writes the versions first. A plain versions file beside an encrypted journal
  (a crash between) is sealed at the next opening, as backups are.

A damaged versions file never stops the journal from opening: it is set aside
(``versions.damaged-<time>.json``, nothing deleted), the entries read as having
no earlier versions, and ``notice`` says so in one line. A journal opened
read-only leaves it where it is.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING

from journal.core.storage.sealed import MAGIC, is_encrypted
from journal.core.storage.disk_errors import failure
from journal.core.storage.versions_file import (
    FORMAT,
    KIND,
    VersionsDamaged,
    VersionsStorage,
    set_aside,
    versions_path,
)
from journal.core.store.clock import parse
from journal.i18n import t

if TYPE_CHECKING:
    from journal.core.store.journal_file import JournalFile

Identity = tuple[str, int]
History = list[dict]


def identity_of(doc: dict) -> Identity:
    return doc["exercise_id"], doc.get("instance", 1)


class EntryVersions:
    """The versions file of one open journal."""

    def __init__(self, journal: JournalFile):
        self._journal = journal
        self.path = versions_path(journal.data_dir)
        self._storage = VersionsStorage(self.path)
        self.notice: str | None = None  # one line when the file was found damaged

    # -- reading --------------------------------------------------------------

    def lookup(self) -> Callable[[dict], History]:
        """A function giving a stored entry's versions, oldest first (read-only: not copies)."""
        stored = self._read()

        def history(doc: dict) -> History:
            exercise_id, instance = identity_of(doc)
            found = stored.get(exercise_id, {}).get(str(instance), [])
            inline = doc.get("history")
            if not inline:
                return found
            return _combined(found, inline) if found else inline

        return history

    def _read(self) -> dict[str, dict[str, History]]:
        self._storage.cipher = self._journal.storage.cipher
        try:
            data = self._storage.read()
        except VersionsDamaged as damage:
            data = self._after_damage(damage)
        return data["versions"] if data else {}

    def _after_damage(self, damage: VersionsDamaged) -> dict | None:
        """Set the damaged file aside (under the lock, after reading it again there) and say so."""
        if self._journal.read_only:
            self.notice = t("versions_file.damaged_read_only", path=self.path, problem=damage.where)
            return None
        with self._journal.lock:
            try:
                return self._storage.read()  # another program may have just replaced it
            except VersionsDamaged as again:
                damage = again
            try:
                aside = set_aside(self.path)
            except OSError as error:
                raise failure("write", self.path, error) from error
        self.notice = t("versions_file.damaged", path=self.path, problem=damage.where, aside=aside.name)
        return None

    # -- writing (callers hold the journal lock) ------------------------------

    def put(self, histories: dict[Identity, History], *, replace_all: bool = False) -> None:
        """Write these entries' versions (the other entries' are kept, unless ``replace_all``)."""
        base = {} if replace_all else self._read()
        versions = {exercise_id: dict(instances) for exercise_id, instances in base.items()}
        for (exercise_id, instance), history in histories.items():
            versions.setdefault(exercise_id, {})[str(instance)] = history
        self._write({"kind": KIND, "format": FORMAT, "versions": versions}, sealed=self._journal.storage.encrypted)

    def absorb_inline(self, data: dict) -> bool:
        """Move the histories still inside the journal's entries into the versions file.

        Writes the versions file, then empties the inline lists in ``data`` for
        the caller to write the journal (in that order: see the module). False
        when there was nothing to move.
        """
        pending = [doc for doc in data.get("entries", {}).values() if doc.get("history")]
        if not pending:
            return False
        history = self.lookup()
        moved: dict[Identity, History] = {}
        for doc in pending:
            identity = identity_of(doc)
            moved[identity] = _combined(moved[identity], history(doc)) if identity in moved else history(doc)
        self.put(moved)
        for doc in pending:
            doc["history"] = []
        return True

    def reseal(self, sealed: bool) -> None:
        """Write the versions file again, sealed with the journal's cipher or plain (turning encryption on or off)."""
        data = self._read()
        if self._exists():  # none, or damaged and just set aside: nothing to write
            self._write({"kind": KIND, "format": FORMAT, "versions": data}, sealed=sealed)

    def seal_if_plain(self) -> None:
        """Seal a plain versions file left beside an encrypted journal (a crash while encrypting)."""
        try:
            with open(self.path, "rb") as stream:
                head = stream.read(len(MAGIC))
        except FileNotFoundError:
            return
        except OSError as error:
            raise failure("read", self.path, error) from error
        if not is_encrypted(head):
            self.reseal(sealed=True)

    def _write(self, data: dict, *, sealed: bool) -> None:
        journal_storage = self._journal.storage
        self._storage.cipher = journal_storage.cipher
        self._storage.encrypt_with(journal_storage.cipher if sealed else None)
        self._storage.write(data)

    def _exists(self) -> bool:
        return self.path.exists()

    def close(self) -> None:
        self._storage.close()


def appended(history: History, version: dict, limit: int) -> History:
    """``history`` with ``version`` added last (unless it repeats the last one: a retried save), the newest ``limit`` kept."""
    if history and history[-1] == version:
        return list(history[-limit:])
    return [*history, version][-limit:]


def _combined(first: Iterable[dict], second: Iterable[dict]) -> History:
    """Both lists' versions, each once, oldest first (a stable sort: equal times keep their order)."""
    seen: list[dict] = []
    for version in (*first, *second):
        if version not in seen:
            seen.append(version)
    return sorted(seen, key=lambda version: parse(version["saved_at"]))
