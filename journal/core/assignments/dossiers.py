"""The conseiller's own small state: one dossier reference per worker, and its last sequence number.

A conseiller has no journal of their own, and the assignment files they write
end up anywhere (Downloads, a mail, a USB stick), so the state cannot live
next to them: it lives in one folder of the conseiller's machine,
``BILAN_CONSEILLER_HOME`` or the platform's data folder ``bilan-conseiller``
(kept apart from a worker's journal folder ``bilan``, so that trying bilan as
a worker never mixes the two). ``dossiers.json`` holds, per dossier
reference, the worker's name, the conseiller's name and the last sequence
number written; it is written atomically and readable by its owner only.
"""

from __future__ import annotations

import json
import os
import secrets
import unicodedata
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from platformdirs import user_data_dir

from journal.core.assignments import limits
from journal.core.storage.atomic import atomic_write, private_folder
from journal.core.storage.errors import JournalError
from journal.core.storage.disk_errors import os_reason
from journal.i18n import t

STATE_FILE = "dossiers.json"
STATE_KIND = "bilan-conseiller-dossiers"
_REFERENCE_LETTERS = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"


def conseiller_dir() -> Path:
    from_environment = os.environ.get("BILAN_CONSEILLER_HOME")
    if from_environment:
        return Path(from_environment).expanduser()
    return Path(user_data_dir("bilan-conseiller", appauthor=False))


@dataclass(frozen=True, slots=True)
class Dossier:
    reference: str
    beneficiaire: str
    conseiller: str
    last_sequence: int


class AmbiguousDossier(JournalError):
    """Several dossiers for one worker's name: the conseiller must say which (``--dossier``)."""


def _fold(name: str) -> str:
    decomposed = unicodedata.normalize("NFKD", name.casefold())
    return " ".join("".join(c for c in decomposed if not unicodedata.combining(c)).split())


class ConseillerDossiers:
    def __init__(self, folder: Path | None = None):
        self.folder = Path(folder) if folder else conseiller_dir()
        self.path = self.folder / STATE_FILE

    def all(self) -> list[Dossier]:
        return [
            Dossier(reference, item["beneficiaire"], item["conseiller"], item["last_sequence"])
            for reference, item in self._read().items()
        ]

    def get(self, reference: str) -> Dossier | None:
        return next((dossier for dossier in self.all() if dossier.reference == reference), None)

    def for_worker(self, beneficiaire: str, conseiller: str) -> list[Dossier]:
        return [
            dossier
            for dossier in self.all()
            if _fold(dossier.beneficiaire) == _fold(beneficiaire) and _fold(dossier.conseiller) == _fold(conseiller)
        ]

    def choose(self, beneficiaire: str, conseiller: str, given: str | None) -> str:
        """The dossier reference to use: the one given, the worker's existing one, or a new one."""
        if given:
            return given
        found = self.for_worker(beneficiaire, conseiller)
        if len(found) > 1:
            references = ", ".join(sorted(dossier.reference for dossier in found))
            raise AmbiguousDossier(t("assign_cli.ambiguous_dossier", name=beneficiaire, references=references))
        return found[0].reference if found else self.new_reference(beneficiaire)

    def new_reference(self, beneficiaire: str) -> str:
        letters = "".join(c for c in _fold(beneficiaire).upper() if "A" <= c <= "Z")[:3] or "BIL"
        existing = {dossier.reference for dossier in self.all()}
        while True:
            code = "".join(secrets.choice(_REFERENCE_LETTERS) for _ in range(4))
            reference = f"{letters}-{date.today():%Y}-{code}"
            if reference not in existing:
                return reference

    def next_sequence(self, reference: str) -> int:
        dossier = self.get(reference)
        return dossier.last_sequence + 1 if dossier else 1

    def record(self, reference: str, beneficiaire: str, conseiller: str, sequence: int) -> None:
        """Remember that assignment ``sequence`` of this dossier was written."""
        state = self._read()
        previous = state.get(reference, {}).get("last_sequence", 0)
        state[reference] = {"beneficiaire": beneficiaire, "conseiller": conseiller, "last_sequence": max(previous, sequence)}
        try:
            private_folder(self.folder)
            document = {"kind": STATE_KIND, "format": 1, "dossiers": state}
            atomic_write(self.path, (json.dumps(document, ensure_ascii=False, indent=2) + "\n").encode("utf-8"))
        except OSError as error:
            raise JournalError(t("assign_cli.state_unwritable", path=self.path, error=os_reason(error))) from error

    def _read(self) -> dict[str, dict]:
        try:
            with open(self.path, "rb") as stream:
                raw = stream.read(5_000_000)
        except FileNotFoundError:
            return {}
        except OSError as error:
            raise JournalError(t("assign_cli.state_unreadable", path=self.path, error=os_reason(error))) from error
        try:
            document = json.loads(raw)
            dossiers = document["dossiers"]
            if document.get("kind") != STATE_KIND or not isinstance(dossiers, dict):
                raise ValueError
            for reference, item in dossiers.items():
                if not (
                    limits.DOSSIER.match(reference)
                    and isinstance(item, dict)
                    and isinstance(item.get("beneficiaire"), str)
                    and isinstance(item.get("conseiller"), str)
                    and type(item.get("last_sequence")) is int
                ):
                    raise ValueError
        except (ValueError, KeyError, TypeError) as error:
            raise JournalError(t("assign_cli.state_damaged", path=self.path)) from error
        return dossiers
