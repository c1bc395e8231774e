"""Upgrading journals written by earlier versions of bilan to the current schema.

``MIGRATIONS[n]`` turns schema ``n`` into schema ``n + 1``; ``upgrade`` runs
the steps a journal needs, in order. The storage applies them in memory when
it reads a file; the store then saves a backup of the file as it was and
writes the upgraded journal (never in read-only mode).

Known versions:

- 0: the pre-release layout, a TinyDB file with ``entries``, ``notes`` and
  ``settings`` tables and no ``meta`` record; fields added later may be missing.
- 1: the current layout (``meta`` record with ``kind`` and ``schema``).

To add schema 2: write ``_v1_to_v2`` (it sets ``meta.schema`` to 2), append it to ``MIGRATIONS``, raise
``SCHEMA_VERSION`` in ``validation.py`` and add a fixture of a schema-1 file to
``tests/test_storage_migrations.py``.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from journal.core.storage.validation import JOURNAL_KIND, META_TABLE, SCHEMA_VERSION, check_documents, schema_of

Migration = Callable[[dict], dict]


def _timestamp() -> str:
    return datetime.now().astimezone().replace(microsecond=0).isoformat()


def _v0_to_v1(data: dict) -> dict:
    """Add the ``meta`` record and the entry and note fields that schema 1 always has."""
    stamp = _timestamp()
    entries = data.get("entries", {})
    notes = data.get("notes", {})
    for doc in entries.values():
        doc.setdefault("instance", 1)
        doc.setdefault("answers", {})
        doc.setdefault("status", "started")
        doc.setdefault("created_at", doc.get("updated_at", stamp))
        doc.setdefault("updated_at", doc["created_at"])
        doc.setdefault("private", False)
        doc.setdefault("history", [])
    for doc in notes.values():
        doc.setdefault("created_at", stamp)
        doc.setdefault("private", False)
    dates = [doc["created_at"] for doc in (*entries.values(), *notes.values()) if isinstance(doc.get("created_at"), str)]
    created = min(dates, default=stamp)
    meta = {"1": {"kind": JOURNAL_KIND, "schema": 1, "created_at": created, "upgraded_from": 0}}
    return {META_TABLE: meta, **{name: table for name, table in data.items() if name != META_TABLE}}


MIGRATIONS: list[Migration] = [_v0_to_v1]
assert len(MIGRATIONS) == SCHEMA_VERSION, "one migration per schema version before the current one"


def upgrade(data: dict) -> tuple[dict, int]:
    """Journal data in the current schema, and the schema it was in (raises if it is not a journal)."""
    found = schema_of(data)
    for step in MIGRATIONS[found:]:
        data = step(data)
    check_documents(data)
    return data, found

