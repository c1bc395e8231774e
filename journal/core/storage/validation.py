"""What a bilan journal looks like: TinyDB tables, a ``meta`` record with its kind and schema.

``schema_of`` decides, from parsed JSON, whether the data is a bilan journal
and of which schema version; it refuses anything else (another program's JSON,
a list, a journal from a newer bilan) so the storage never overwrites it.
The checks are only the ones the store relies on, so that a hand-edited or
damaged file gives one clear line instead of a traceback later.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

SCHEMA_VERSION = 1
JOURNAL_KIND = "bilan-journal"
META_TABLE = "meta"
# Before the ``meta`` table (schema 0): a TinyDB file with only these tables.
PRE_RELEASE_TABLES = frozenset({"entries", "notes", "settings"})

_REQUIRED = {
    "entries": {"exercise_id": str, "created_at": datetime, "updated_at": datetime},
    "notes": {"text": str, "created_at": datetime},
    "settings": {"key": str},
    "bilans": {"id": str, "conseiller": str, "dossiers": list, "started_at": datetime},
    "assignments": {"bilan": str, "assignment": dict, "imported_at": datetime},
    "custom_exercises": {
        "exercise_id": str, "bilan": str, "conseiller": str, "dossier": str, "sequence": int, "source": str,
        "imported_at": datetime,
    },
    "questions": {"text": str, "created_at": datetime},
    "synthesis_reviews": {"bilan": str, "dossier": str, "sequence": int, "comments": dict},
}


class NotAJournal(ValueError):
    """Valid JSON, but not a bilan journal (or a damaged one): ``detail`` says where."""

    def __init__(self, detail: str = ""):
        super().__init__(detail)
        self.detail = detail


class NewerSchema(ValueError):
    def __init__(self, version: Any):
        super().__init__(version)
        self.version = version


def schema_of(data: Any) -> int:
    """The schema version of journal data, after checking it is one; raises otherwise."""
    if not isinstance(data, dict) or not data:
        raise NotAJournal()
    for name, table in data.items():
        if not isinstance(table, dict) or not all(key.isdigit() and isinstance(doc, dict) for key, doc in table.items()):
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
    """Check the fields the store reads without a default (after any upgrade)."""
    for name, required in _REQUIRED.items():
        for doc_id, doc in data.get(name, {}).items():
            for field, kind in required.items():
                if not _has(doc.get(field), kind):
                    raise NotAJournal(f"{name} {doc_id} {field}")


def _has(value: Any, kind: type) -> bool:
    if kind is datetime:
        if not isinstance(value, str):
            return False
        try:
            datetime.fromisoformat(value)
        except ValueError:
            return False
        return True
    return isinstance(value, kind)
