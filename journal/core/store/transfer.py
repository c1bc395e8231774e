"""The whole journal as tables, for ``bilan dump`` and for restoring or merging a dump.

Restoring into an empty journal keeps every record and its id, so a dump of
the restored journal is the same as the original. Merging into a journal
that already has records adds only what it lacks, recognising records by
what identifies them (an exercise instance, a note's time and text, a
bilan's id, an assignment's dossier and sequence…): merging twice adds
nothing the second time. Where both sides changed the same exercise, the
newer answers are kept and the others become an earlier version.

The tables given and returned hold each entry's versions inline (``history``),
as a dump always has; in the journal they live in the versions file
(``store.versions``), written before the journal, as every change of versions is.
"""

from __future__ import annotations

import copy
import json
from collections.abc import Callable
from dataclasses import dataclass, field

from journal.core.store.records import Records, changes, reads
from journal.core.store.versions import identity_of

TABLES = ("entries", "notes", "settings", "bilans", "assignments", "custom_exercises", "questions", "synthesis_reviews")

_IDENTITY: dict[str, Callable[[dict], object]] = {
    "entries": lambda doc: (doc["exercise_id"], doc.get("instance", 1)),
    "notes": lambda doc: (doc["created_at"], doc["text"]),
    "settings": lambda doc: doc["key"],
    "bilans": lambda doc: doc["id"],
    "assignments": lambda doc: (doc["assignment"].get("dossier"), doc["assignment"].get("sequence")),
    "custom_exercises": lambda doc: doc["exercise_id"],
    "questions": lambda doc: (doc.get("bilan"), doc["created_at"], doc["text"]),
    "synthesis_reviews": lambda doc: (doc["bilan"], doc["dossier"], doc["sequence"]),
}


@dataclass
class MergeReport:
    added: dict[str, int] = field(default_factory=dict)
    combined: int = 0

    @property
    def total(self) -> int:
        return sum(self.added.values()) + self.combined


class TransferRecords(Records):
    @reads
    def tables(self) -> dict[str, dict]:
        """Every record table, as stored (ids as keys)."""
        data = self._journal.storage.read() or {}
        tables = {name: copy.deepcopy(data.get(name, {})) for name in TABLES}
        history = self._journal.versions.lookup()
        for doc_id, doc in data.get("entries", {}).items():
            versions = history(doc)
            if versions or "history" in doc:
                tables["entries"][doc_id]["history"] = copy.deepcopy(versions)
        from journal.core.store.exports import ExportRecords

        ExportRecords(self._journal).carry_into(tables)  # the counts of exports.json travel inside the dump
        return tables

    def is_empty(self) -> bool:
        data = self._journal.storage.read() or {}
        return not any(data.get(name) for name in TABLES)

    @changes
    def restore(self, tables: dict[str, dict]) -> None:
        """Put the tables of a dump in an empty journal, ids kept."""
        data = copy.deepcopy(self._journal.storage.read() or {})
        for name in TABLES:
            data[name] = copy.deepcopy(tables.get(name, {}))
        self._write(data, replace_all=True)

    @changes
    def merge(self, tables: dict[str, dict]) -> MergeReport:
        data = copy.deepcopy(self._journal.storage.read() or {})
        history = self._journal.versions.lookup()
        for doc in data.get("entries", {}).values():
            doc["history"] = copy.deepcopy(history(doc))
        report = MergeReport()
        for name in TABLES:
            mine = data.setdefault(name, {})
            known = {_IDENTITY[name](doc): doc_id for doc_id, doc in mine.items()}
            next_id = max((int(doc_id) for doc_id in mine), default=0) + 1
            for doc in tables.get(name, {}).values():
                identity = _IDENTITY[name](doc)
                if identity not in known:
                    mine[str(next_id)] = copy.deepcopy(doc)
                    known[identity] = str(next_id)
                    next_id += 1
                    report.added[name] = report.added.get(name, 0) + 1
                elif name == "entries" and _combine_entry(mine[known[identity]], doc):
                    report.combined += 1
        _one_open_bilan(data.get("bilans", {}))
        self._write(data, replace_all=True)
        return report

    def _write(self, data: dict, *, replace_all: bool = False) -> None:
        """Write the entries' versions, then the changed tables (their versions emptied: they are in the versions
        file now); on failure the cached copy is discarded (memory never disagrees with the disk)."""
        moved: dict = {}
        for doc in data.get("entries", {}).values():
            history = doc.get("history")
            if history:
                identity = identity_of(doc)
                moved[identity] = [*moved.get(identity, []), *history]
        self._journal.versions.put(moved, replace_all=replace_all)
        for doc in data.get("entries", {}).values():
            if doc.get("history"):
                doc["history"] = []
        try:
            self._journal.storage.write(data)
        except BaseException:
            self._journal.storage.discard()
            raise


def _combine_entry(mine: dict, theirs: dict) -> bool:
    """Keep the newer answers; the other side's answers become an earlier version. True if anything changed."""
    if mine.get("answers") == theirs.get("answers"):
        return False
    newer, older = (theirs, mine) if theirs["updated_at"] > mine["updated_at"] else (mine, theirs)
    older_answers = {"saved_at": older["updated_at"], "answers": copy.deepcopy(older.get("answers", {}))}
    # Two versions saved within the same second are still two versions: a version is its time *and* its answers.
    versions: dict[tuple[str, str], dict] = {}
    for item in (*mine.get("history", []), *theirs.get("history", []), older_answers):
        versions.setdefault(_version_identity(item), item)
    history = [
        item for item in sorted(versions.values(), key=lambda item: item["saved_at"])
        if item.get("answers") != newer.get("answers")
    ]
    if newer is theirs:
        for key in ("answers", "status", "updated_at", "private"):
            if key in theirs:
                mine[key] = copy.deepcopy(theirs[key])
    if mine.get("history") == history and newer is mine:
        return False
    mine["history"] = history
    return True


def _version_identity(version: dict) -> tuple[str, str]:
    return version["saved_at"], json.dumps(version.get("answers"), sort_keys=True, ensure_ascii=False)


def _one_open_bilan(bilans: dict) -> None:
    """After a merge, one bilan at a time still: the latest started stays open."""
    open_ones = sorted((doc["started_at"], doc_id) for doc_id, doc in bilans.items() if doc.get("ended_at") is None)
    for started, doc_id in open_ones[:-1]:
        bilans[doc_id]["ended_at"] = open_ones[-1][0]
