"""The bilans of the journal: one at a time, each with its conseiller, dossier(s), dates and key.

Appointments, questions, the conseiller's draft synthesis, the recipient of
exports and their default period belong to one bilan, so a second bilan or a
new conseiller never receives what was meant for another. The current bilan
is the one not ended; starting a new one ends it.

The conseiller's age public key (``key``) is used for exports only once the
worker has confirmed its fingerprint (``key_confirmed``). A different key
arriving later for the same bilan waits in ``pending_key`` and replaces the
confirmed one only when the worker confirms it: a file cannot silently swap
the key.
"""

from __future__ import annotations

from datetime import datetime

from tinydb import Query

from journal.core.random_id import random_id
from journal.core.record import record
from journal.core.store.clock import now
from journal.core.store.records import Records, changes, reads

TABLE = "bilans"


@record
class Bilan:
    id: str
    conseiller: str
    dossiers: tuple[str, ...]
    beneficiaire: str
    started_at: datetime
    ended_at: datetime | None
    key: str | None
    key_confirmed: bool
    pending_key: str | None

    @property
    def dossier(self) -> str:
        return self.dossiers[-1] if self.dossiers else ""

    @property
    def key_to_confirm(self) -> str | None:
        """The key the worker is asked to confirm (a new one, or the first one not yet confirmed)."""
        if self.pending_key:
            return self.pending_key
        return self.key if self.key and not self.key_confirmed else None

    @property
    def confirmed_key(self) -> str | None:
        return self.key if self.key_confirmed else None


class BilanRecords(Records):
    @reads
    def all(self) -> list[Bilan]:
        """Every bilan, oldest first."""
        bilans = [self._bilan(doc) for doc in self._journal.table(TABLE).all()]
        return sorted(bilans, key=lambda bilan: bilan.started_at)

    def current(self) -> Bilan | None:
        open_ones = [bilan for bilan in self.all() if bilan.ended_at is None]
        return open_ones[-1] if open_ones else None

    def get(self, bilan_id: str) -> Bilan | None:
        return next((bilan for bilan in self.all() if bilan.id == bilan_id), None)

    def find(self, conseiller: str, dossier: str) -> Bilan | None:
        """The bilan this conseiller's dossier belongs to."""
        for bilan in self.all():
            if dossier in bilan.dossiers and bilan.conseiller.casefold() == conseiller.casefold():
                return bilan
        return None

    @changes
    def start(self, conseiller: str, dossier: str, beneficiaire: str = "", *, since_journal_start: bool = False) -> Bilan:
        """A new current bilan (the previous one ends now).

        The first bilan of a journal covers what the worker wrote before it
        (``since_journal_start``): they may have begun on their own.
        """
        stamp = now()
        table = self._journal.table(TABLE)
        for doc in table.all():
            if doc.get("ended_at") is None:
                table.update({"ended_at": stamp.isoformat()}, doc_ids=[doc.doc_id])
        started = self._journal_created() if since_journal_start else stamp.isoformat()
        doc = {
            "id": random_id(),
            "conseiller": conseiller,
            "dossiers": [dossier],
            "beneficiaire": beneficiaire,
            "started_at": started,
            "ended_at": None,
            "key": None,
            "key_confirmed": False,
            "pending_key": None,
            "exports": 0,  # how many summaries were shared, until exports.json kept it (store.exports)
        }
        table.insert(doc)
        return self._bilan(doc)

    @changes
    def attach(self, bilan_id: str, conseiller: str, dossier: str, beneficiaire: str = "") -> None:
        """The worker said this conseiller's dossier is the same bilan (a new reference or a new conseiller)."""
        found = self._doc(bilan_id)
        dossiers = list(found.get("dossiers", []))
        if dossier not in dossiers:
            dossiers.append(dossier)
        changes_ = {"dossiers": dossiers, "conseiller": conseiller}
        if str(found.get("conseiller", "")).casefold() != conseiller.casefold():
            # The key was the former conseiller's: what is exported for the new one must never open with it.
            changes_.update(key=None, key_confirmed=False, pending_key=None)
        if beneficiaire:
            changes_["beneficiaire"] = beneficiaire
        self._journal.table(TABLE).update(changes_, doc_ids=[found.doc_id])

    @changes
    def offer_key(self, bilan_id: str, key: str) -> None:
        """A key arrived in an assignment; it is used only after the worker confirms it."""
        found = self._doc(bilan_id)
        if key in (found.get("key"), found.get("pending_key")):
            return
        if found.get("key") and found.get("key_confirmed"):
            update = {"pending_key": key}
        else:
            update = {"key": key, "key_confirmed": False, "pending_key": None}
        self._journal.table(TABLE).update(update, doc_ids=[found.doc_id])

    @changes
    def confirm_key(self, bilan_id: str, key: str) -> bool:
        """The worker compared the fingerprint of ``key``; False if it is not the key waiting for confirmation."""
        found = self._doc(bilan_id)
        if key not in (found.get("pending_key"), found.get("key")):
            return False
        update = {"key": key, "key_confirmed": True, "pending_key": None}
        self._journal.table(TABLE).update(update, doc_ids=[found.doc_id])
        return True

    def _doc(self, bilan_id: str):
        found = self._journal.table(TABLE).get(Query().id == bilan_id)
        if found is None:
            raise KeyError(bilan_id)
        return found

    def _journal_created(self) -> str:
        meta = self._journal.raw("meta")
        first = meta[min(meta, key=int)] if meta else {}
        created = first.get("created_at")
        return created if isinstance(created, str) else now().isoformat()

    @staticmethod
    def _bilan(doc) -> Bilan:
        ended = doc.get("ended_at")
        return Bilan(
            id=doc["id"],
            conseiller=doc["conseiller"],
            dossiers=tuple(doc.get("dossiers", [])),
            beneficiaire=doc.get("beneficiaire", ""),
            started_at=datetime.fromisoformat(doc["started_at"]),
            ended_at=datetime.fromisoformat(ended) if ended else None,
            key=doc.get("key"),
            key_confirmed=bool(doc.get("key_confirmed")),
            pending_key=doc.get("pending_key"),
        )
