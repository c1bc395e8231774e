"""Adding an assignment to the worker's journal: its bilan, its custom exercises, its key.

One bilan at a time: an assignment from a conseiller or dossier the journal
does not know, while a bilan is open, needs the worker's answer to « même
bilan ou nouveau bilan ? » (``same_bilan``); without it ``BilanChoiceNeeded``
is raised and nothing is written. Everything that could refuse the file is
checked before the first write, so a refused file leaves the journal as it was.
"""

from __future__ import annotations

from dataclasses import dataclass

from journal.core.assignments.model import Assignment
from journal.core.store import JournalStore
from journal.core.store.bilans import Bilan


class BilanChoiceNeeded(Exception):
    """The assignment comes from another conseiller or dossier than the current bilan's."""

    def __init__(self, assignment: Assignment, current: Bilan):
        super().__init__(assignment.dossier)
        self.assignment = assignment
        self.current = current


@dataclass(frozen=True, slots=True)
class ImportResult:
    bilan: Bilan
    added: bool
    superseded: bool
    new_bilan: bool


def import_assignment(store: JournalStore, assignment: Assignment, *, same_bilan: bool | None = None) -> ImportResult:
    bilan = store.bilans.find(assignment.conseiller, assignment.dossier)
    new_bilan = False
    current = store.bilans.current()
    if bilan is None and current is not None and same_bilan is None:
        raise BilanChoiceNeeded(assignment, current)
    if bilan is not None:
        _check_customs(store, bilan.id, assignment)
    elif current is not None and same_bilan:
        _check_customs(store, current.id, assignment)
        store.bilans.attach(current.id, assignment.conseiller, assignment.dossier, assignment.beneficiaire)
        bilan = current
    else:
        _check_customs(store, None, assignment)
        first = not store.bilans.all()
        bilan = store.bilans.start(assignment.conseiller, assignment.dossier, assignment.beneficiaire, since_journal_start=first)
        new_bilan = True
    newest = store.assignments.newest_sequence(assignment.dossier)
    added = store.assignments.add(bilan.id, assignment)
    superseded = assignment.sequence < newest
    if added:
        for item in assignment.custom:
            store.custom_exercises.put(bilan.id, assignment.conseiller, assignment.dossier, assignment.sequence, item)
        if assignment.key and not superseded:
            store.bilans.offer_key(bilan.id, assignment.key)
    return ImportResult(store.bilans.get(bilan.id) or bilan, added, superseded, new_bilan)


def _check_customs(store: JournalStore, bilan_id: str | None, assignment: Assignment) -> None:
    """A custom exercise id already used by another bilan refuses the file before anything is written."""
    for item in assignment.custom:
        store.custom_exercises.check(bilan_id or "", item)
