"""Counting the summaries shared in a bilan: the number a summary carries (``sequence``) grows by one each time one is written."""

from __future__ import annotations

from journal.core.storage.errors import JournalError
from journal.core.store import JournalStore

EXPORTS_SETTING = "export_sequence"


def count_written_export(store: JournalStore) -> None:
    """Count a summary already written; a journal that cannot be written now (full disk, read-only)
    costs only the number of the next summary, never the summary itself."""
    try:
        count_shared_export(store)
    except JournalError:
        pass


def count_shared_export(store: JournalStore) -> int:
    """Record that a summary was written; returns its number within the current bilan (or the journal, before any)."""
    bilan = store.bilans.current()
    if bilan is not None:
        return store.bilans.next_export_sequence(bilan.id)
    number = int(store.settings.get(EXPORTS_SETTING, 0) or 0) + 1
    store.settings.set(EXPORTS_SETTING, number)
    return number
