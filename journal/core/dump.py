"""``bilan dump``: a complete, versioned copy of the journal for the worker alone, and reading one back.

A dump holds everything, private items included (answers with their history,
notes, bilans, assignments, custom exercises, questions, synthesis reviews,
settings): it is written readable by its owner only (0600). It is not a
summary to share: ``bilan review`` refuses it (``"kind": "bilan-dump"``).

A dump file is hostile until checked: bounded in size, parsed as JSON, then
checked as a journal of its schema (upgraded if older) before any record is
used.
"""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path
from typing import Any

from journal import __version__
from journal.core.assignments.model import Assignment
from journal.core.storage.atomic import atomic_write
from journal.core.storage.errors import JournalError
from journal.core.storage.migrations import upgrade
from journal.core.storage.validation import JOURNAL_KIND, META_TABLE, SCHEMA_VERSION, NewerSchema, NotAJournal
from journal.core.store import JournalStore
from journal.core.store.transfer import TABLES
from journal.core.text_safety import inert_json
from journal.core.storage.disk_errors import os_reason
from journal.i18n import t

DUMP_KIND = "bilan-dump"
DUMP_FORMAT = 1
MAX_DUMP_BYTES = 500_000_000


class DumpError(JournalError):
    """A dump file that cannot be used, in one line."""


def dump_document(store: JournalStore) -> dict[str, Any]:
    return {
        "kind": DUMP_KIND,
        "format": DUMP_FORMAT,
        "generator": f"bilan {__version__}",
        "created_at": datetime.now().astimezone().replace(microsecond=0).isoformat(),
        "schema": SCHEMA_VERSION,
        "tables": store.transfer.tables(),
    }


def dump_text(store: JournalStore) -> str:
    """The dump as JSON text; nothing in it a terminal would obey (``bilan dump -o -`` may write it to one)."""
    return inert_json(dump_document(store), indent=1) + "\n"


def write_dump(path: Path, text: str) -> None:
    """Write ``dump_text`` to ``path`` (readable by its owner only)."""
    atomic_write(Path(path), text.encode("utf-8"))


def looks_like_dump(data: bytes) -> bool:
    return data.lstrip()[:1] == b"{"


def parse_dump(data: bytes, path: Path) -> dict[str, dict]:
    """The tables of a dump, checked (and upgraded from an older schema); raises ``DumpError``."""
    if len(data) > MAX_DUMP_BYTES:
        raise DumpError(t("dump.too_big", path=path))
    try:
        document = json.loads(data)
    except (ValueError, RecursionError) as error:
        raise DumpError(t("dump.not_json", path=path)) from error
    if not isinstance(document, dict) or document.get("kind") != DUMP_KIND:
        raise DumpError(t("dump.not_dump", path=path))
    if document.get("format") != DUMP_FORMAT or type(document.get("schema")) is not int:
        raise DumpError(t("dump.bad_format", path=path))
    tables = document.get("tables")
    if not isinstance(tables, dict) or set(tables) - set(TABLES):
        raise DumpError(t("dump.damaged", path=path, where="tables"))
    journal = {META_TABLE: {"1": {"kind": JOURNAL_KIND, "schema": document["schema"]}}, **tables}
    if document["schema"] == 0:
        journal.pop(META_TABLE)
    try:
        upgraded, _ = upgrade(journal)
    except NewerSchema as error:
        raise DumpError(t("dump.newer", path=path)) from error
    except NotAJournal as error:
        raise DumpError(t("dump.damaged", path=path, where=error.detail or "tables")) from error
    for doc_id, doc in upgraded.get("assignments", {}).items():
        try:
            Assignment.from_record(doc["assignment"])
        except (KeyError, TypeError, ValueError, AttributeError) as error:
            raise DumpError(t("dump.damaged", path=path, where=f"assignments {doc_id}")) from error
    return {name: upgraded.get(name, {}) for name in TABLES}


def read_dump(path: Path) -> dict[str, dict]:
    try:
        with open(path, "rb") as stream:
            data = stream.read(MAX_DUMP_BYTES + 1)
    except OSError as error:
        raise DumpError(t("dump.unreadable", path=path, error=os_reason(error))) from error
    return parse_dump(data, Path(path))
