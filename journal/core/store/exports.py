"""How many summaries the worker shared in each bilan (or before any): the number the next summary carries.

The counts are kept in ``exports.json`` beside the journal (see
``storage.exports_file``): counting one more rewrites that small file, not the
journal. Journals written before it keep their counts inside (``exports`` of a
bilan, the setting ``export_sequence`` before any bilan) and those are never
changed again: a count is the larger of the journal's and the file's, so a
number already given is not given again when the file is lost or damaged, or
when a backup of the journal is restored.
"""

from __future__ import annotations

from journal.core.paths import EXPORTS_FILE
from journal.core.storage import JournalReadOnly, links
from journal.core.storage.disk_errors import failure
from journal.core.storage.exports_file import MAX_COUNT, read_counts, write_counts
from journal.core.store.records import Records, reads
from journal.i18n import t

BEFORE_ANY_BILAN = ""  # the file's key for the summaries shared when no bilan was open
JOURNAL_SETTING = "export_sequence"  # where the journal kept that count before the file


class ExportRecords(Records):
    @reads
    def shared(self, bilan_id: str | None) -> int:
        """How many summaries were shared in this bilan (None: before any bilan)."""
        return max(self._in_journal(bilan_id), self._in_file().get(bilan_id or BEFORE_ANY_BILAN, 0))

    def count_one(self, bilan_id: str | None) -> int:
        """Count one more summary shared in this bilan; returns its number. Raises ``OSError`` if the disk refuses."""
        journal = self._journal
        if journal.read_only:
            raise JournalReadOnly(t("lock.read_only", path=journal.path))
        with journal.threads, journal.lock:
            counts = self._in_file()
            key = bilan_id or BEFORE_ANY_BILAN
            counts[key] = max(self._in_journal(bilan_id), counts.get(key, 0)) + 1
            write_counts(self._path(), counts, self._cipher())
            return counts[key]

    @reads
    def carry_into(self, tables: dict[str, dict]) -> None:
        """Put the counts in a dump's tables (``bilans``, ``settings``), as journals kept them: a journal restored
        from it elsewhere goes on from the same numbers."""
        for doc in tables.get("bilans", {}).values():
            if isinstance(doc.get("id"), str):
                doc["exports"] = self.shared(doc["id"])
        before_any = self.shared(None)
        settings = tables.setdefault("settings", {})
        found = [doc for doc in settings.values() if doc.get("key") == JOURNAL_SETTING]
        if found:
            found[0]["value"] = before_any
        elif before_any:
            number = max((int(key) for key in settings if key.isdigit()), default=0) + 1
            settings[str(number)] = {"key": JOURNAL_SETTING, "value": before_any}

    def reseal(self, cipher) -> None:
        """Write the counts again sealed with ``cipher``, or plain (None): encryption turned on or off."""
        counts = self._in_file()
        if counts:
            try:
                write_counts(self._path(), counts, cipher)
            except OSError as error:
                raise failure("write", self._path(), error) from error

    def _in_file(self) -> dict[str, int]:
        return read_counts(self._path(), self._journal.storage.cipher)

    def _in_journal(self, bilan_id: str | None) -> int:
        """The count the journal kept (it is checked here: older journals' records were not), below the file's
        bound: a larger one, counted once more, would be written where it reads as no count, and come back every time."""
        if bilan_id is None:
            found = [doc.get("value") for doc in self._journal.raw("settings").values() if doc.get("key") == JOURNAL_SETTING]
        else:
            found = [doc.get("exports") for doc in self._journal.raw("bilans").values() if doc.get("id") == bilan_id]
        return next((value for value in found if type(value) is int and 0 <= value < MAX_COUNT), 0)

    def _cipher(self):
        storage = self._journal.storage
        return storage.cipher if storage.encrypted else None

    def _path(self):
        return links.beside_journal(self._journal.data_dir, EXPORTS_FILE)
