"""What a bilan journal looks like: TinyDB tables, a ``meta`` record with its kind and schema.

``schema_of`` decides, from parsed JSON, whether the data is a bilan journal
and of which schema version; it refuses anything else (another program's JSON,
a list, a journal from a newer bilan) so the storage never overwrites it.
The checks are only the ones the store relies on, so that a hand-edited or
damaged file gives one clear line instead of a traceback later.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from itertools import repeat
from typing import Any

SCHEMA_VERSION = 1
JOURNAL_KIND = "bilan-journal"
META_TABLE = "meta"
# Before the ``meta`` table (schema 0): a TinyDB file with only these tables.
PRE_RELEASE_TABLES = frozenset({"entries", "notes", "settings"})

# Answers are nested at most a few levels (a card sort's details: 4); anything deeper
# is not bilan's and would exhaust recursion in the code that walks answers.
MAX_ANSWER_DEPTH = 16
STATUSES = frozenset({"todo", "started", "done"})
# Years whose dates convert to local time on every platform (Windows' clock functions stop before
# 1970 and after 3000): converting each of the journal's dates to check it costs more than parsing it.
_CONVERTS_EVERYWHERE = range(1971, 3000)


class NotAJournal(ValueError):
    """Valid JSON, but not a bilan journal (or a damaged one): ``detail`` says where."""

    def __init__(self, detail: str = ""):
        super().__init__(detail)
        self.detail = detail


class NewerSchema(ValueError):
    def __init__(self, version: Any):
        super().__init__(version)
        self.version = version


def _is_doc_id(key: str) -> bool:
    """A document's key as TinyDB reads it back: ASCII digits only (``str.isdigit`` also takes « ² », which
    ``int`` refuses, and « ١ », which ``int`` reads as 1, the key of another document)."""
    return key.isascii() and key.isdigit()


def schema_of(data: Any) -> int:
    """The schema version of journal data, after checking it is one; raises otherwise."""
    if not isinstance(data, dict) or not data:
        raise NotAJournal()
    for name, table in data.items():
        if not isinstance(table, dict) or not all(map(_is_doc_id, table)) or not all(map(isinstance, table.values(), repeat(dict))):
            raise NotAJournal(name)
    meta = data.get(META_TABLE)
    if meta is None:
        if set(data) <= PRE_RELEASE_TABLES:
            return 0
        raise NotAJournal()
    info = meta_record(data)
    if info is None or info.get("kind") != JOURNAL_KIND:
        raise NotAJournal()
    version = info.get("schema")
    if isinstance(version, bool) or not isinstance(version, int) or version < 1:
        raise NotAJournal(f"{META_TABLE}.schema")
    if version > SCHEMA_VERSION:
        raise NewerSchema(version)
    return version


def meta_record(data: dict) -> dict | None:
    """The first record of the ``meta`` table, or None."""
    meta = data.get(META_TABLE) or {}
    if not meta:
        return None
    return meta[min(meta, key=int)]


def check_documents(data: dict) -> None:
    """Check every field the store and the exports read (after any upgrade): one rule for all commands.

    A record that breaks a rule makes the whole journal refused with one line
    naming the record and the field (``entries 3 status``), before any command
    uses it: every command agrees on what a valid journal is.
    """
    for name, check in _CHECKS.items():
        for doc_id, doc in data.get(name, {}).items():
            field = check(doc)
            if field is not None:
                raise NotAJournal(f"{name} {doc_id} {field}")


def _entry_problem(doc: dict) -> str | None:
    """The first field of an exercise record that the store could not read, or None."""
    if not isinstance(doc.get("exercise_id"), str):
        return "exercise_id"
    for field in ("created_at", "updated_at"):
        if not is_timestamp(doc.get(field)):
            return field
    instance = doc.get("instance", 1)
    if isinstance(instance, bool) or not isinstance(instance, int) or not 1 <= instance <= 1_000_000:
        return "instance"
    if doc.get("status", "started") not in STATUSES:
        return "status"
    if not isinstance(doc.get("private", False), bool):
        return "private"
    if not answers_ok(doc.get("answers", {})):
        return "answers"
    history = doc.get("history", [])
    if not isinstance(history, list):
        return "history"
    problem = versions_problem(history)
    return f"history{problem}" if problem else None


def versions_problem(history: list) -> str | None:
    """Where a list of saved versions is malformed (``[2].saved_at``), or None: the journal's inline history and the versions file."""
    for index, version in enumerate(history):
        if not isinstance(version, dict) or not is_timestamp(version.get("saved_at")):
            return f"[{index}].saved_at"
        if not answers_ok(version.get("answers")):
            return f"[{index}].answers"
    return None


def _note_problem(doc: dict) -> str | None:
    if not isinstance(doc.get("text"), str):
        return "text"
    if not is_timestamp(doc.get("created_at")):
        return "created_at"
    if not isinstance(doc.get("private", False), bool):
        return "private"
    return None


def _setting_problem(doc: dict) -> str | None:
    return None if isinstance(doc.get("key"), str) else "key"


def _fields(**kinds: type) -> Callable[[dict], str | None]:
    """A check that each field has its type (``datetime``: an ISO 8601 timestamp)."""

    def problem(doc: dict) -> str | None:
        for field, kind in kinds.items():
            value = doc.get(field)
            if kind is datetime:
                ok = is_timestamp(value)
            else:
                ok = isinstance(value, kind) and not (kind is int and isinstance(value, bool))
            if not ok:
                return field
        return None

    return problem


_CHECKS = {
    "entries": _entry_problem,
    "notes": _note_problem,
    "settings": _setting_problem,
    # The conseiller's half (bilans, assignments, custom exercises, questions, synthesis reviews).
    "bilans": _fields(id=str, conseiller=str, dossiers=list, started_at=datetime),
    "assignments": _fields(bilan=str, assignment=dict, imported_at=datetime),
    "custom_exercises": _fields(
        exercise_id=str, bilan=str, conseiller=str, dossier=str, sequence=int, source=str, imported_at=datetime
    ),
    "questions": _fields(text=str, created_at=datetime),
    "synthesis_reviews": _fields(bilan=str, dossier=str, sequence=int, comments=dict),
}


def is_timestamp(value: Any) -> bool:
    """An ISO 8601 date and time that converts to local time (the store reads every date that way)."""
    if not isinstance(value, str):
        return False
    try:
        moment = datetime.fromisoformat(value)
        if moment.year not in _CONVERTS_EVERYWHERE:
            moment.astimezone()
    except (ValueError, OverflowError, OSError):
        return False
    return True


def answers_ok(answers: Any) -> bool:
    return isinstance(answers, dict) and _depth(answers, MAX_ANSWER_DEPTH)


def _depth(value: Any, allowed: int) -> bool:
    """Whether ``value`` nests no deeper than ``allowed`` lists or tables (checked without recursion).

    One level at a time, keeping only the containers: every saved version of
    every answer goes through here on each load, and most values are strings.
    """
    level = [value] if isinstance(value, (dict, list)) else []
    left = allowed
    while level:
        if left <= 0:
            return False
        deeper = []
        for current in level:
            children = current.values() if isinstance(current, dict) else current
            deeper += [child for child in children if isinstance(child, (dict, list))]
        level, left = deeper, left - 1
    return True
