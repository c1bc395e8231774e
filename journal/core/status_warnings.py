"""What the worker should know before closing the terminal: text not yet saved, privacy points."""

from __future__ import annotations

from itertools import chain

from journal.core.store import JournalStore
from journal.i18n import t


def status_warnings(store: JournalStore) -> list[str]:
    warnings = []
    if store.notes.draft() is not None:
        warnings.append(t("worker.status.draft_waiting"))
    if store.questions.draft() is not None:
        warnings.append(t("worker.status.question_draft_waiting"))
    private = sum(1 for entry in chain.from_iterable(store.entries.current().values()) if entry.private) + sum(1 for note in store.notes.all() if note.private)
    if private:
        warnings.append(t("worker.status.private_count", count=private))
    if not store.encrypted:
        warnings.append(t("worker.status.not_encrypted"))
    return warnings
