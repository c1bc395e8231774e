"""The one text being typed in a screen (a note, a question), kept in a table of its own as it is typed and until
it is saved for good: a crash or a closed terminal loses at most the last moment of typing."""

from __future__ import annotations

from journal.core.store.clock import now
from journal.core.store.journal_file import JournalFile

DRAFT_LIMIT = 1_000_000


class DraftTable:
    """Read and written by a record kind inside its own ``@changes`` / ``@reads`` methods."""

    def __init__(self, journal: JournalFile, name: str):
        self._journal = journal
        self._name = name

    def save(self, text: str, **fields: object) -> None:
        """Keep ``text`` (and what goes with it) in place of the previous draft; blank text leaves no draft."""
        if not text.strip():
            self.clear()
            return
        table = self._journal.table(self._name)
        table.truncate()
        table.insert({"text": text[:DRAFT_LIMIT], **fields, "saved_at": now().isoformat()})

    def read(self) -> dict | None:
        """The draft as stored (its fields not checked, but for a text that is not blank), or None."""
        docs = self._journal.table(self._name).all()
        if not docs or not isinstance(docs[0].get("text"), str) or not docs[0]["text"].strip():
            return None
        return dict(docs[0])

    def clear(self) -> None:
        # Every Esc from the notes or F4 clears the draft: with none kept, the journal is not rewritten for nothing.
        if self._journal.raw(self._name):
            self._journal.table(self._name).truncate()
