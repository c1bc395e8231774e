"""Where the worker stands: progress per phase, time left, and the one next step to suggest.

The home screen (« Par où commencer ? ») and ``bilan status`` both ask here, so the
terminal and the app always say the same thing.

The next step is, in this order: the assigned exercise not yet done with the
soonest proposed date; then the started exercise not finished that was touched
last; otherwise the next exercise of the earliest phase not finished.
"""

from __future__ import annotations

from collections.abc import Iterable
from itertools import chain
from datetime import date, datetime

from journal.core.catalogue import Catalogue
from journal.core.catalogue.time_budget import minutes_by_phase
from journal.core.models import Entry, EntryStatus, Exercise, Phase
from journal.core.assignments.plan import current_plan
from journal.core.profile import read_profile
from journal.core.record import record
from journal.core.store import JournalStore

BAR_WIDTH = 10


@record
class PhaseProgress:
    phase: Phase
    done: int
    total: int
    minutes_total: int
    minutes_left: int
    essential_minutes_left: int

    @property
    def finished(self) -> bool:
        return self.done >= self.total


@record
class Progress:
    phases: tuple[PhaseProgress, ...]

    @property
    def done(self) -> int:
        return sum(phase.done for phase in self.phases)

    @property
    def total(self) -> int:
        return sum(phase.total for phase in self.phases)

    @property
    def essential_minutes_left(self) -> int:
        return sum(phase.essential_minutes_left for phase in self.phases)

    @property
    def minutes_left(self) -> int:
        return sum(phase.minutes_left for phase in self.phases)


@record
class NextStep:
    """One exercise to open now, and why it is the one: ``assigned``, ``started`` or ``next``."""

    exercise: Exercise
    reason: str
    instance: int = 1
    proposed: date | None = None
    since: datetime | None = None


def assigned_exercises(store: JournalStore) -> list[tuple[str, date | None]]:
    """The exercises the conseiller assigned in the current bilan, with their proposed dates."""
    _, plan = current_plan(store)
    return [(item.id, item.due) for item in plan.exercises] if plan is not None else []


@record
class GivenByAssignment:
    """What the conseiller's assignment files already say: the worker is not asked again."""

    conseiller: str = ""
    appointment: datetime | None = None


def given_by_assignment(store: JournalStore, moment: datetime) -> GivenByAssignment:
    """The conseiller's name and the next appointment, as the imported assignments of the current bilan give them."""
    bilan, plan = current_plan(store)
    if bilan is None or plan is None:
        return GivenByAssignment()
    coming = plan.next_appointment(moment)
    return GivenByAssignment(bilan.conseiller.strip(), coming.starts if coming is not None else None)


def next_appointment(store: JournalStore, moment: datetime) -> datetime | None:
    """The next appointment: from the imported assignments, else the one the worker wrote at first start."""
    _, plan = current_plan(store)
    coming = plan.next_appointment(moment) if plan is not None else None
    if coming is not None:
        return coming.starts
    written = read_profile(store).next_appointment
    if written is None:
        return None
    aware = written if written.tzinfo else written.astimezone()
    return written if aware >= moment else None


def statuses(catalogue: Catalogue, store: JournalStore) -> dict[str, EntryStatus]:
    """Every exercise's status, read from one pass over the journal's entries."""
    found = store.entries.statuses()
    return {exercise.id: found.get(exercise.id, EntryStatus.NOT_STARTED) for exercise in catalogue.exercises}


def progress(catalogue: Catalogue, store: JournalStore) -> Progress:
    """Exercises done per phase, and the time the rest asks (all of it, and the essentials only)."""
    status = statuses(catalogue, store)
    left = [exercise for exercise in catalogue.exercises if status[exercise.id] != EntryStatus.DONE]
    total_minutes = minutes_by_phase(catalogue.exercises)
    minutes_left = minutes_by_phase(left)
    essential_left = minutes_by_phase(left, essentials_only=True)
    phases = []
    for phase in Phase:
        exercises = catalogue.in_phase(phase)
        phases.append(
            PhaseProgress(
                phase=phase,
                done=sum(1 for exercise in exercises if status[exercise.id] == EntryStatus.DONE),
                total=len(exercises),
                minutes_total=total_minutes[phase],
                minutes_left=minutes_left[phase],
                essential_minutes_left=essential_left[phase],
            )
        )
    return Progress(tuple(phases))


def next_step(
    catalogue: Catalogue,
    store: JournalStore,
    assigned: Iterable[tuple[str, date | None]] = (),
) -> NextStep | None:
    """The one exercise to suggest, or None when every exercise is done.

    ``assigned`` lists the exercises a conseiller assigned, with their proposed date (or None).
    """
    status = statuses(catalogue, store)
    waiting = [
        (exercise, proposed)
        for exercise_id, proposed in assigned
        if (exercise := catalogue.get(exercise_id)) is not None and status[exercise.id] != EntryStatus.DONE
    ]
    if waiting:
        exercise, proposed = min(waiting, key=lambda pair: (pair[1] is None, pair[1] or date.max))
        return NextStep(exercise, "assigned", _instance_to_open(store, exercise), proposed=proposed)
    started = _started_entries(catalogue, store)
    if started:
        entry = max(started, key=lambda found: (found.updated_at, found.id))
        return NextStep(catalogue.get(entry.exercise_id), "started", entry.instance, since=entry.updated_at)
    for phase in Phase:
        for exercise in catalogue.in_phase(phase):
            if status[exercise.id] == EntryStatus.NOT_STARTED:
                return NextStep(exercise, "next", _instance_to_open(store, exercise))
    return None


def _started_entries(catalogue: Catalogue, store: JournalStore) -> list[Entry]:
    """Entries begun and not finished (a repeatable exercise may have a done one beside)."""
    return [
        entry
        for entry in chain.from_iterable(store.entries.current().values())
        if entry.status == EntryStatus.STARTED and catalogue.get(entry.exercise_id) is not None
    ]


def _instance_to_open(store: JournalStore, exercise: Exercise) -> int:
    """The unfinished instance to continue, else the first (or next, for a repeatable exercise)."""
    entries = store.entries.current_of(exercise.id)
    unfinished = [entry for entry in entries if entry.status != EntryStatus.DONE]
    if unfinished:
        return max(unfinished, key=lambda entry: (entry.updated_at, entry.id)).instance
    return store.entries.next_instance(exercise.id) if exercise.repeatable else 1


def bar(done: int, total: int, width: int = BAR_WIDTH) -> str:
    """A progress bar drawn with two shapes (filled █, empty ░), readable without colour."""
    filled = 0 if total <= 0 else round(width * min(done, total) / total)
    return "█" * filled + "░" * (width - filled)


def duration_text(minutes: int, hour_word: str = "h") -> str:
    """« 45 min », « 1 h », « 2 h 30 », with non-breaking spaces so that a line never splits them."""
    if minutes < 60:
        return f"{minutes}\u00a0min"
    hours, rest = divmod(minutes, 60)
    return f"{hours}\u00a0{hour_word}" + (f"\u00a0{rest:02d}" if rest else "")
