"""Counting the summaries shared in a bilan: the number a summary carries (``sequence``) grows by one each time one is written."""

from __future__ import annotations

from typing import TYPE_CHECKING

from journal.core.record import replace
from journal.core.storage.errors import JournalError
from journal.core.store import JournalStore
from journal.core.store.bilans import Bilan

if TYPE_CHECKING:
    from journal.core.export.summary import Summary


def next_sequence(store: JournalStore, bilan: Bilan | None) -> int:
    """The number the summary being written carries: one more than those shared in the bilan (or before any)."""
    return store.exports.shared(bilan.id if bilan else None) + 1


def numbered_now(store: JournalStore, summary: Summary) -> Summary:
    """``summary`` carrying the number of the next summary shared now: an export screen left open while
    another summary was written (or writing a second format from it) never gives a number twice."""
    bilan = store.bilans.current()
    return replace(summary, sequence=next_sequence(store, bilan))


def count_written_export(store: JournalStore) -> None:
    """Count a summary already written; a journal that cannot be written now (full disk, read-only)
    costs only the number of the next summary, never the summary itself."""
    bilan = store.bilans.current()
    try:
        store.exports.count_one(bilan.id if bilan else None)
    except (JournalError, OSError):
        pass
