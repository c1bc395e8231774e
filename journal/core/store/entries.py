"""The worker's answers to exercises: one entry per exercise instance, with earlier versions.

Two kinds of read: ``all``, ``for_exercise`` and ``get`` give entries with their
history, each a copy the caller may change; ``current`` and ``statuses`` are for
readers that only read the current state (a summary, the home list): no
versions, no copies, one pass over the stored documents. The versions live in
their own file (``store.versions``), read only by the first kind of read and
written only when a version is added or restored.
"""

from __future__ import annotations

import copy
from collections.abc import Callable
from datetime import datetime
from typing import Any

from tinydb.table import Document

from journal.core.empty_answer import is_empty
from journal.core.models import Entry, EntryStatus
from journal.core.models.entry import Version
from journal.core.record import replace
from journal.core.store.clock import now, parse
from journal.core.store.records import Records, changes, reads
from journal.core.store.versions import appended, identity_of

HISTORY_LIMIT = 30
# Autosave writes after every pause in typing; a version is kept once per session of the
# app, and again after this long without a change, never once per keystroke.
VERSION_GAP_SECONDS = 30 * 60


class EntryRecords(Records):
    @reads
    def all(self) -> list[Entry]:
        history = self._journal.versions.lookup()
        return [self._entry(Document(doc, int(doc_id)), history) for doc_id, doc in self._journal.raw("entries").items()]

    @reads
    def for_exercise(self, exercise_id: str) -> list[Entry]:
        """The instances of one exercise, in order."""
        found = [
            Document(doc, int(doc_id))
            for doc_id, doc in self._journal.raw("entries").items()
            if doc.get("exercise_id") == exercise_id
        ]
        history = self._journal.versions.lookup() if found else _no_history
        return sorted((self._entry(doc, history) for doc in found), key=lambda entry: entry.instance)

    @reads
    def current(self) -> dict[str, list[Entry]]:
        """Every entry by exercise id, instances in order, with its current answers only.

        For readers that only read: the answers are the stored ones, not copies,
        and the history is left out (a summary needs neither; copying 30 versions
        per entry was most of an export's time and memory).
        """
        by_exercise: dict[str, list[Entry]] = {}
        for doc_id, doc in self._journal.raw("entries").items():
            entry = self._current_entry(doc, int(doc_id))
            by_exercise.setdefault(entry.exercise_id, []).append(entry)
        for entries in by_exercise.values():
            entries.sort(key=lambda entry: entry.instance)
        return by_exercise

    @reads
    def current_of(self, exercise_id: str) -> list[Entry]:
        """The instances of one exercise, in order, with current answers only (read-only, as ``current``)."""
        found = (
            self._current_entry(doc, int(doc_id))
            for doc_id, doc in self._journal.raw("entries").items()
            if doc.get("exercise_id") == exercise_id
        )
        return sorted(found, key=lambda entry: entry.instance)

    @reads
    def statuses(self) -> dict[str, EntryStatus]:
        """The status of every exercise that has an entry (see ``status``), read in one pass without building entries."""
        found: dict[str, set[str]] = {}
        for doc in self._journal.raw("entries").values():
            found.setdefault(doc["exercise_id"], set()).add(doc.get("status", EntryStatus.STARTED.value))
        return {exercise_id: _combined(values) for exercise_id, values in found.items()}

    @reads
    def get(self, exercise_id: str, instance: int = 1) -> Entry | None:
        found = self._find(exercise_id, instance)
        return self._entry(found, self._journal.versions.lookup()) if found else None

    @reads
    def latest(self, exercise_id: str, instance: int = 1) -> Entry | None:
        """One entry as it is now, without its versions (the versions file is not read); answers copied, the caller's to change."""
        found = self._find(exercise_id, instance)
        return self._entry(found, _no_history) if found else None

    def status(self, exercise_id: str) -> EntryStatus:
        """Done if one instance is done, started if one is started, else not started."""
        return self.statuses().get(exercise_id, EntryStatus.NOT_STARTED)

    @changes
    def save_answer(self, exercise_id: str, prompt_id: str, value: Any, instance: int = 1) -> Entry:
        """Store one answer; the first change of a session keeps the previous answers as a version.

        Returns the entry as ``current_of`` gives it (no history: reading the
        versions file on every autosave is what keeping it apart avoids).
        """
        table = self._journal.table("entries")
        found = self._find(exercise_id, instance)
        if found is None:
            if is_empty(value):
                return self._blank_entry(exercise_id, instance)
            doc = {**self._blank_doc(exercise_id, instance), "answers": {prompt_id: copy.deepcopy(value)}}
            doc_id = table.insert(doc)
            return self._current_entry(table.get(doc_id=doc_id), doc_id)
        answers = copy.deepcopy(found.get("answers", {}))
        if answers.get(prompt_id) == value:
            return self._current_entry(found, found.doc_id)
        changed: dict[str, Any] = {}
        if self._starts_a_version(found) and any(not is_empty(v) for v in answers.values()):
            self._keep_version(found, {"saved_at": found["updated_at"], "answers": copy.deepcopy(answers)})
            changed["history"] = []  # now in the versions file (written first: see store.versions)
        answers[prompt_id] = copy.deepcopy(value)
        drafts = [draft for draft in found.get("drafts", []) if draft != prompt_id]
        status = found.get("status", EntryStatus.STARTED.value)
        if status == EntryStatus.NOT_STARTED.value:
            status = EntryStatus.STARTED.value
        table.update(
            {
                "answers": answers,
                "updated_at": now().isoformat(),
                "session": self._journal.session,
                **changed,
                "status": status,
                "drafts": drafts,
            },
            doc_ids=[found.doc_id],
        )
        return self._current_entry(table.get(doc_id=found.doc_id), found.doc_id)

    def _keep_version(self, found: Document, version: dict) -> list[dict]:
        """Add ``version`` to the entry's versions in the versions file; returns them all."""
        versions = self._journal.versions
        history = appended(versions.lookup()(found), version, HISTORY_LIMIT)
        versions.put({identity_of(found): history})
        return history

    @changes
    def mark_drafts(self, exercise_id: str, prompt_ids: list[str], instance: int = 1) -> None:
        """Mark answers bilan pre-filled as drafts to review; changing one clears its mark."""
        found = self._find(exercise_id, instance)
        if found is not None:
            drafts = list(dict.fromkeys([*found.get("drafts", []), *prompt_ids]))
            self._journal.table("entries").update({"drafts": drafts}, doc_ids=[found.doc_id])

    def _starts_a_version(self, found: Document) -> bool:
        """A change keeps the previous answers as a version on a new session, or after a long pause."""
        if found.get("session") != self._journal.session:
            return True
        try:
            last = parse(found["updated_at"])
        except (TypeError, ValueError):
            return True
        return (now() - last).total_seconds() >= VERSION_GAP_SECONDS

    @changes
    def restore_version(self, exercise_id: str, index: int, saved_at: datetime, instance: int = 1) -> Entry | None:
        """Take back version ``index`` (oldest first) if it is still the one saved at ``saved_at``;
        the current answers become a version themselves. None when that version is not there."""
        table = self._journal.table("entries")
        found = self._find(exercise_id, instance)
        if found is None:
            return None
        history = self._journal.versions.lookup()(found)
        chosen = history[index] if 0 <= index < len(history) else None
        if chosen is None or not isinstance(chosen.get("saved_at"), str) or parse(chosen["saved_at"]) != saved_at:
            return None
        chosen = copy.deepcopy(chosen)
        answers = copy.deepcopy(found.get("answers", {}))
        if any(not is_empty(v) for v in answers.values()):
            history = self._keep_version(found, {"saved_at": found["updated_at"], "answers": answers})
        table.update(
            {
                "answers": chosen["answers"],
                "updated_at": now().isoformat(),
                "session": self._journal.session,
                "history": [],
            },
            doc_ids=[found.doc_id],
        )
        return self._entry(table.get(doc_id=found.doc_id), lambda doc: history)

    @changes
    def set_status(self, exercise_id: str, status: EntryStatus, instance: int = 1) -> None:
        self._update(exercise_id, instance, {"status": status.value})

    @changes
    def set_private(self, exercise_id: str, private: bool, instance: int = 1) -> None:
        self._update(exercise_id, instance, {"private": private})

    @changes
    def set_prompt_private(self, exercise_id: str, prompt_id: str, private: bool, instance: int = 1) -> None:
        """Keep one answer private (never exported, never copied into another answer), or share it."""
        found = self._find(exercise_id, instance)
        privacy = _prompt_privacy(found.get("prompt_privacy")) if found is not None else {}
        self._update(exercise_id, instance, {"prompt_privacy": {**privacy, prompt_id: bool(private)}})

    def next_instance(self, exercise_id: str) -> int:
        """The number a new instance of a repeatable exercise would get; nothing is written
        until the worker answers something in it."""
        return max(self._instances(exercise_id), default=0) + 1

    @changes
    def new_instance(self, exercise_id: str) -> int:
        """The number of a new, dated instance of a repeatable exercise."""
        number = max(self._instances(exercise_id), default=0) + 1
        self._journal.table("entries").insert(self._blank_doc(exercise_id, number))
        return number

    def _update(self, exercise_id: str, instance: int, changes: dict) -> None:
        found = self._find(exercise_id, instance)
        if found is None:
            self._journal.table("entries").insert({**self._blank_doc(exercise_id, instance), **changes})
            return
        self._journal.table("entries").update({**changes, "updated_at": now().isoformat()}, doc_ids=[found.doc_id])

    def _blank_doc(self, exercise_id: str, instance: int) -> dict:
        stamp = now().isoformat()
        return {
            "exercise_id": exercise_id,
            "instance": instance,
            "answers": {},
            "status": EntryStatus.STARTED.value,
            "created_at": stamp,
            "updated_at": stamp,
            "private": False,
            "session": self._journal.session,
            "history": [],
        }

    @staticmethod
    def _blank_entry(exercise_id: str, instance: int) -> Entry:
        stamp = now()
        return Entry(0, exercise_id, {}, EntryStatus.NOT_STARTED, stamp, stamp, instance=instance)

    @reads
    def _instances(self, exercise_id: str) -> list[int]:
        return [int(doc.get("instance", 1)) for doc in self._journal.raw("entries").values() if doc.get("exercise_id") == exercise_id]

    def _find(self, exercise_id: str, instance: int) -> Document | None:
        for doc_id, doc in self._journal.raw("entries").items():
            if doc.get("exercise_id") == exercise_id and doc.get("instance", 1) == instance:
                return Document(doc, int(doc_id))
        return None

    @staticmethod
    def _current_entry(doc: dict, doc_id: int) -> Entry:
        """Every field but the history; the answers are the stored ones (see ``current``)."""
        return Entry(
            id=doc_id,
            exercise_id=doc["exercise_id"],
            answers=doc.get("answers", {}),
            status=EntryStatus(doc.get("status", EntryStatus.STARTED.value)),
            created_at=parse(doc["created_at"]),
            updated_at=parse(doc["updated_at"]),
            private=bool(doc.get("private")),
            instance=int(doc.get("instance", 1)),
            drafts=tuple(draft for draft in doc.get("drafts", []) if isinstance(draft, str)) if isinstance(doc.get("drafts"), list) else (),
            prompt_privacy=_prompt_privacy(doc.get("prompt_privacy")),
        )

    @classmethod
    def _entry(cls, doc, history_of: Callable[[dict], list[dict]]) -> Entry:
        """The entry with its versions (``history_of``, see ``store.versions``), answers copied for the caller to change."""
        history = tuple(Version(parse(item["saved_at"]), copied(item["answers"])) for item in history_of(doc))
        current = cls._current_entry(doc, doc.doc_id)
        return replace(current, answers=copied(current.answers), history=history)


def _no_history(doc: dict) -> list[dict]:
    return []


def _combined(statuses: set[str]) -> EntryStatus:
    if EntryStatus.DONE.value in statuses:
        return EntryStatus.DONE
    return EntryStatus.STARTED if EntryStatus.STARTED.value in statuses else EntryStatus.NOT_STARTED


def _prompt_privacy(stored: Any) -> dict[str, bool]:
    """The per-question choices as stored; anything malformed is ignored (the defaults apply)."""
    if not isinstance(stored, dict):
        return {}
    return {key: value for key, value in stored.items() if isinstance(key, str) and isinstance(value, bool)}


_ATOMS = frozenset({str, int, float, bool, type(None)})


def copied(value: Any) -> Any:
    """A deep copy of stored answers, the caller's to change: ``copy.deepcopy`` for what JSON holds, 4 times faster.

    Reading an entry copies each of its up to 30 versions; deepcopy's generic
    machinery (memo, dispatch per value) was most of the home screen's time on
    a journal of many versions. Anything but JSON types goes through deepcopy.
    """
    kind = type(value)
    if kind is dict:
        return {key: item if type(item) in _ATOMS else copied(item) for key, item in value.items()}
    if kind is list:
        return [item if type(item) in _ATOMS else copied(item) for item in value]
    if kind in _ATOMS:
        return value
    return copy.deepcopy(value)
