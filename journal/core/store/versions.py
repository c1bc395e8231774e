"""The earlier versions of each entry's answers, kept outside the journal file, one file per entry, read only when asked for.

The journal file holds each entry's current answers (and an empty
``history`` list, so its documents keep the shape they always had); the
``versions/`` folder beside it holds one file per entry with its versions (see
``journal.core.storage.versions_folder``). Saving an answer, a note or a
setting reads and writes the small journal only; an entry's versions file is
read when a reader wants its versions (the history screen, a restore, a dump,
an import), and written only when a version of that entry is added (the first
change of a session, or after a long pause), restored, migrated, imported or
re-sealed: adding a version costs that entry's file, not all versions.

Order of writes, so that a crash between two files never loses a word.
Every write happens under the journal lock, each atomic (old file or new file,
never half), and versions are always written FIRST:

- A new version (``save_answer``): the entry's versions file gets the current
  answers appended, then the journal gets the new answer. Crash between: the
  journal still holds the current answers, and they are also the last version
  — a duplicate, nothing lost. The next save would append the same answers
  again; ``appended`` refuses a version equal to the last one, so the retry
  leaves a single copy. (The other order would lose the current answers: the
  journal would hold the new answer, and the version it replaced would be
  nowhere.)
- A restore: the entry's versions file gets the current answers, then the
  journal gets the chosen version's. Crash between: as above.
- The move from ``versions.json`` (the single file that held every entry's
  versions before, ``versions_file``) at the opening: each entry's file is
  written with its versions combined with what the file already holds, and the
  single file is removed last. Crash at any point: the single file is still
  there; readers combine both while both exist (``_combined``: same versions
  once each), and the next opening moves it again and ends the same. A single
  file written again afterwards (an older bilan) is combined and moved the same way.
- The migration of a journal written before versions left it (each entry
  carrying its ``history``): the entries' files are written with those
  histories, then the journal with the lists emptied. Crash between: the
  journal still carries them; a history still inline is always combined with
  the files', so the next opening migrates again and ends the same. An older
  bilan that writes versions inline afterwards is combined the same way.
- An import (``transfer``): versions of every entry first (files of entries no
  longer there removed after), then the journal.
- Encryption: a versions file is never sealed while the journal is plain (it
  could not be opened without a passphrase no one asks for): turning
  encryption on writes the journal first, then the versions; turning it off
  writes the versions first. A plain versions file beside an encrypted journal
  (a crash between) is sealed at the next opening, as backups are.

A damaged versions file never stops the journal from opening: it is set aside
(``<name>.damaged-<time>`` for an entry's file, ``versions.damaged-<time>.json``
for the single file; nothing deleted), the entries read as having no earlier
versions, and ``notice`` says so in one line. A journal opened read-only
leaves it where it is.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from typing import TYPE_CHECKING

from journal.core.storage.disk_errors import failure
from journal.core.storage.atomic import fsync_folder
from journal.core.storage.links import versions_folder
from journal.core.storage.versions_file import VersionsDamaged, VersionsStorage, set_aside, versions_path
from journal.core.storage.versions_folder import VersionsFolder, file_name
from journal.core.store.clock import parse
from journal.i18n import t

if TYPE_CHECKING:
    from journal.core.storage.crypto import Cipher
    from journal.core.store.journal_file import JournalFile

Identity = tuple[str, int]
History = list[dict]


def identity_of(doc: dict) -> Identity:
    return doc["exercise_id"], doc.get("instance", 1)


class EntryVersions:
    """The versions files of one open journal: one per entry, and the single file of before while it is there."""

    def __init__(self, journal: JournalFile):
        self._journal = journal
        self.path = versions_path(journal.data_dir)  # the single file of before
        self._single = VersionsStorage(self.path)
        self.files = VersionsFolder(versions_folder(journal.data_dir))
        self.notice: str | None = None  # one line when a file was found damaged

    # -- reading --------------------------------------------------------------

    def lookup(self) -> Callable[[dict], History]:
        """A function giving a stored entry's versions, oldest first (read-only: not copies)."""
        single = self._read_single()

        def history(doc: dict) -> History:
            exercise_id, instance = identity_of(doc)
            found = self._read_entry(exercise_id, instance)
            for more in (single.get(exercise_id, {}).get(str(instance)), doc.get("history")):
                if more:
                    found = _combined(found, more) if found else more
            return found

        return history

    def _read_entry(self, exercise_id: str, instance: int) -> History:
        try:
            return self.files.read(exercise_id, instance, self._journal.storage.cipher) or []
        except VersionsDamaged as damage:
            return self._after_entry_damage(file_name(exercise_id, instance), damage)

    def _after_entry_damage(self, name: str, damage: VersionsDamaged) -> History:
        """Set a damaged entry file aside (under the lock, after reading it again there) and say so."""
        path = self.files.folder / name
        if self._journal.read_only:
            self.notice = t("versions_file.entry_damaged_read_only", path=path, problem=damage.where)
            return []
        with self._journal.lock:
            try:
                found = self.files.read_named(name, self._journal.storage.cipher)  # another program may have just replaced it
                return found[2] if found else []
            except VersionsDamaged as again:
                damage = again
            aside = self.files.set_aside(name)
        self.notice = t("versions_file.entry_damaged", path=path, problem=damage.where, aside=aside.name)
        return []

    def _read_single(self) -> dict[str, dict[str, History]]:
        self._single.cipher = self._journal.storage.cipher
        try:
            data = self._single.read()
        except VersionsDamaged as damage:
            data = self._after_single_damage(damage)
        return data["versions"] if data else {}

    def _after_single_damage(self, damage: VersionsDamaged) -> dict | None:
        """Set the damaged single file aside (under the lock, after reading it again there) and say so."""
        if self._journal.read_only:
            self.notice = t("versions_file.damaged_read_only", path=self.path, problem=damage.where)
            return None
        with self._journal.lock:
            try:
                return self._single.read()  # another program may have just replaced it
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
        """Write these entries' versions, each in its file (the other entries' are kept, unless ``replace_all``)."""
        self.files.write(((*identity, history) for identity, history in histories.items() if history), self._sealing())
        for (exercise_id, instance), history in histories.items():
            if not history:
                self.files.remove(file_name(exercise_id, instance))
        if replace_all:
            kept = {file_name(*identity) for identity, history in histories.items() if history}
            for name in self.files.names():
                if name not in kept:
                    self.files.remove(name)
            self.files.settle()
            self._remove_single()

    def move_single_file(self) -> bool:
        """Move the versions of the single ``versions.json`` into the entries' files, then remove it (in that order).

        False when there is no such file (a folder or anything else at its
        place is left to the readers, which say in one line what is wrong).
        """
        if not self.path.is_file():
            return False
        self.files.write(self._combined_with_single(self._read_single()), self._sealing())
        self._remove_single()
        return True

    def _combined_with_single(self, single: dict[str, dict[str, History]]) -> Iterator[tuple[str, int, History]]:
        """Each entry of the single file whose versions its own file lacks, with both files' versions."""
        for exercise_id, instances in single.items():
            by_number: dict[int, History] = {}  # "1" and "01" name the same instance: one file, both keys' versions
            for instance, history in instances.items():
                number = int(instance)
                by_number[number] = _combined(by_number[number], history) if number in by_number else history
            for number, history in by_number.items():
                current = self._read_entry(exercise_id, number)
                combined = _combined(current, history) if current else history
                if combined and combined != current:
                    yield exercise_id, number, combined

    def absorb_inline(self, data: dict) -> bool:
        """Move the histories still inside the journal's entries into their versions files.

        Writes the versions files, then empties the inline lists in ``data``
        for the caller to write the journal (in that order: see the module).
        False when there was nothing to move.
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
        """Write every versions file again, sealed with the journal's cipher or plain (turning encryption on or off).

        Files already as asked are left; damaged ones are set aside.
        """
        self.move_single_file()
        self.files.write(self._to_reseal(sealed), self._journal.storage.cipher if sealed else None)

    def _to_reseal(self, sealed: bool) -> Iterator[tuple[str, int, History]]:
        """Each entry file not yet sealed (or plain) as asked, read with the journal's cipher; damaged ones set aside."""
        cipher = self._journal.storage.cipher
        for name in self.files.names():
            if self.files.sealed(name) is sealed:
                continue
            try:
                found = self.files.read_named(name, cipher)
            except VersionsDamaged as damage:
                self._after_entry_damage(name, damage)
                continue
            if found is not None:
                yield found

    def seal_if_plain(self) -> None:
        """Seal the plain versions files left beside an encrypted journal (a crash while encrypting)."""
        self.reseal(sealed=True)

    def _sealing(self) -> Cipher | None:
        """The cipher new versions files are sealed with: the journal's when it is encrypted."""
        storage = self._journal.storage
        return storage.cipher if storage.encrypted else None

    def _remove_single(self) -> None:
        self._single.close()
        try:
            self.path.unlink(missing_ok=True)
        except OSError as error:
            raise failure("write", self.path, error) from error
        fsync_folder(self.path.parent)

    def close(self) -> None:
        self._single.close()


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
