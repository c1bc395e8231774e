"""What the assignments of one bilan mean now: the exercises assigned, the message, the next appointment, the draft.

Computed from every imported assignment in sequence order, so that an older
file imported late never overrides a newer one, and a newer one can move the
appointment or withdraw an exercise (its answers stay in the journal).
"""

from __future__ import annotations

from datetime import date, datetime
from typing import TYPE_CHECKING

from journal.core.assignments.model import AssignedExercise, Assignment
from journal.core.record import record

if TYPE_CHECKING:
    from journal.core.store import JournalStore
    from journal.core.store.bilans import Bilan


@record
class Appointment:
    at: datetime | None
    window: tuple[date, date] | None
    sequence: int
    moved: bool

    @property
    def starts(self) -> datetime:
        if self.at is not None:
            return self.at
        assert self.window is not None
        return datetime.combine(self.window[0], datetime.min.time()).astimezone()

    @property
    def ends(self) -> datetime:
        if self.at is not None:
            return self.at
        assert self.window is not None
        return datetime.combine(self.window[1], datetime.max.time()).astimezone()


@record
class Draft:
    text: str
    dossier: str
    sequence: int
    conseiller: str
    received: datetime


@record
class BilanPlan:
    exercises: tuple[AssignedExercise, ...]
    withdrawn: tuple[str, ...]
    message: str
    conseiller: str
    beneficiaire: str
    appointments: tuple[Appointment, ...]
    draft: Draft | None
    suivi: bool

    def assigned(self, exercise_id: str) -> AssignedExercise | None:
        return next((item for item in self.exercises if item.id == exercise_id), None)

    def next_appointment(self, moment: datetime) -> Appointment | None:
        coming = [item for item in self.appointments if not item.moved and item.ends >= moment]
        return min(coming, key=lambda item: item.starts) if coming else None

    def last_appointment(self, moment: datetime) -> Appointment | None:
        past = [item for item in self.appointments if not item.moved and item.ends < moment]
        return max(past, key=lambda item: item.starts) if past else None


def build_plan(assignments: list[Assignment]) -> BilanPlan:
    """``assignments`` oldest first (``store.assignments.for_bilan``)."""
    exercises: dict[str, AssignedExercise] = {}
    withdrawn: dict[str, None] = {}
    message = conseiller = beneficiaire = ""
    draft: Draft | None = None
    suivi = False
    for assignment in assignments:
        for exercise_id in assignment.withdrawn:
            exercises.pop(exercise_id, None)
            withdrawn[exercise_id] = None
        for item in assignment.exercises:
            exercises[item.id] = item
            withdrawn.pop(item.id, None)
        message = assignment.message or message
        conseiller, beneficiaire, suivi = assignment.conseiller, assignment.beneficiaire, assignment.suivi
        if assignment.synthese:
            draft = Draft(assignment.synthese, assignment.dossier, assignment.sequence, assignment.conseiller, assignment.created_at)
    return BilanPlan(
        exercises=tuple(exercises.values()),
        withdrawn=tuple(withdrawn),
        message=message,
        conseiller=conseiller,
        beneficiaire=beneficiaire,
        appointments=_appointments(assignments),
        draft=draft,
        suivi=suivi,
    )


def _appointments(assignments: list[Assignment]) -> tuple[Appointment, ...]:
    """One appointment per assignment that names one; an appointment is *moved* when a later
    assignment, written before it took place, names another one."""
    dated = [a for a in assignments if a.appointment or a.window]
    built = []
    for index, assignment in enumerate(dated):
        item = Appointment(assignment.appointment, assignment.window, assignment.sequence, False)
        moved = any(later.created_at < item.starts for later in dated[index + 1:])
        built.append(Appointment(item.at, item.window, item.sequence, moved))
    return tuple(built)


def current_plan(store: JournalStore) -> tuple[Bilan | None, BilanPlan | None]:
    """The current bilan and what its assignments mean now (None, None when there is no bilan)."""
    bilan = store.bilans.current()
    if bilan is None:
        return None, None
    return bilan, build_plan(store.assignments.for_bilan(bilan.id))
