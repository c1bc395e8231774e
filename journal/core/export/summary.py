"""The content of an export, written for the conversation with the conseiller.

Only what the worker shares: never a private entry, note or question, and no
trace of them (not even a count). Everything belongs to the current bilan:
its conseiller and dossier, its open questions, its draft synthesis and the
worker's comments, and by default the period since it started — so a second
bilan's export holds nothing of the first.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import TYPE_CHECKING, Any

from journal.core.answer_view import View, answer_view, is_empty, shown_value
from journal.core.assignments.plan import BilanPlan, Draft, current_plan
from journal.core.assignments.synthesis_parts import Part, split_parts
from journal.core.catalogue import Catalogue
from journal.core.decision import decision_answer
from journal.core.collector import collector_paused
from journal.core.export.options import ExportOptions
from journal.core.export.sharing import next_sequence
from journal.core.models import Entry, EntryStatus, Exercise, Phase
from journal.core.profile import conseiller_name
from journal.core.record import record
from journal.core.store import JournalStore, now
from journal.core.store.bilans import Bilan
from journal.core.store.questions import Question
from journal.core.store.synthesis import Review

if TYPE_CHECKING:
    from journal.core.models.note import SharedNote


@record
class ExportedAnswer:
    prompt_id: str
    label: str
    view: View
    value: Any

    def __init__(self, prompt_id: str, label: str, view: View, value: Any):  # its own: one per answer exported
        object.__setattr__(self, "prompt_id", prompt_id)
        object.__setattr__(self, "label", label)
        object.__setattr__(self, "view", view)
        object.__setattr__(self, "value", value)


@record
class ExportedEntry:
    exercise: Exercise
    entry: Entry
    answers: tuple[ExportedAnswer, ...]
    unanswered: tuple[str, ...] = ()


@record
class StatusLine:
    """One line of « où j'en suis »: a shared exercise's status, or an assigned one « non partagé » (status None)."""

    exercise: Exercise
    status: EntryStatus | None
    due: date | None


@record
class Changed:
    exercise: Exercise
    entry: Entry
    new: bool


@record
class SynthesisShared:
    draft: Draft
    parts: tuple[Part, ...]
    review: Review


@record
class Summary:
    created_at: datetime
    alias: str
    conseiller: str
    dossier: str
    sequence: int
    period_from: date | None
    period_to: date
    status: tuple[StatusLine, ...]
    questions: tuple[Question, ...]
    changed_since: datetime | None
    changed: tuple[Changed, ...]
    changed_notes: int
    synthesis: SynthesisShared | None
    phases: tuple[tuple[Phase, tuple[ExportedEntry, ...]], ...]
    notes: tuple[SharedNote, ...]  # (written at, text, mood)
    unknown_exercises: tuple[str, ...]

    @property
    def entry_count(self) -> int:
        return sum(len(entries) for _, entries in self.phases)

    @property
    def exercise_ids(self) -> list[str]:
        return list(dict.fromkeys(exported.exercise.id for _, entries in self.phases for exported in entries))


def _day_start(day: date | None) -> datetime | None:
    return datetime.combine(day, datetime.min.time()).astimezone() if day else None


def build_summary(store: JournalStore, catalogue: Catalogue, options: ExportOptions | None = None) -> Summary:
    with collector_paused():
        return _build_summary(store, catalogue, options or ExportOptions())


def _build_summary(store: JournalStore, catalogue: Catalogue, options: ExportOptions) -> Summary:
    moment = now()
    bilan, plan = current_plan(store)
    # From the current bilan's start, to the second: what came before belongs to an earlier bilan
    # (another conseiller perhaps), even asked for with --since.
    starts = [start for start in (bilan.started_at if bilan else None, _day_start(options.since)) if start is not None]
    period_start = max(starts) if starts else None
    period_from = period_start.astimezone().date() if period_start else None

    def in_period(stamp: datetime) -> bool:
        return period_start is None or stamp >= period_start

    stored = store.entries.current()
    by_phase: dict[Phase, list[ExportedEntry]] = {phase: [] for phase in Phase}
    for exercise in catalogue.exercises:
        if not options.includes(exercise.id, exercise.phase):
            continue
        for entry in stored.get(exercise.id, ()):
            if entry.private or not in_period(entry.updated_at):
                continue
            exported = exported_entry(exercise, entry)
            if exported.answers:
                by_phase[exercise.phase].append(exported)
    phases = tuple((phase, tuple(entries)) for phase, entries in by_phase.items() if entries)
    shared = [exported for _, entries in phases for exported in entries]
    notes = tuple(store.notes.shared(with_moods=options.moods, since=period_start)) if options.notes else ()
    last = plan.last_appointment(moment) if plan else None
    changed_since = (
        datetime.combine(options.since, datetime.min.time()).astimezone() if options.since
        else last.ends if last else bilan.started_at if bilan else None
    )
    changed = () if changed_since is None else tuple(
        Changed(item.exercise, item.entry, item.entry.created_at >= changed_since)
        for item in shared
        if item.entry.updated_at >= changed_since
    )
    known = {exercise.id for exercise in catalogue.exercises}
    unknown = {exercise_id for exercise_id in stored if exercise_id not in known}
    return Summary(
        created_at=moment,
        alias=(bilan.beneficiaire if bilan else "") or str(store.settings.get("alias", "") or ""),
        # Without an assignment yet, the name the worker gave at first start (as « bilan status » shows it).
        conseiller=conseiller_name(store),
        dossier=bilan.dossier if bilan else "",
        sequence=next_sequence(store, bilan),
        period_from=period_from,
        period_to=moment.date(),
        status=_status(catalogue, plan, shared),
        questions=tuple(q for q in store.questions.open_for(bilan.id if bilan else None) if not q.private),
        changed_since=changed_since,
        changed=changed,
        changed_notes=len(notes) if changed_since is None else sum(1 for note in notes if note[0] >= changed_since),
        synthesis=_synthesis(store, bilan, plan),
        phases=phases,
        notes=notes,
        unknown_exercises=tuple(sorted(unknown)),
    )


def exported_entry(exercise: Exercise, entry: Entry) -> ExportedEntry:
    """The shared answers of an entry as they read, and the required questions still empty (private ones too).

    An entry holding nothing but the drafts bilan pre-filled from earlier answers as it opened (the worker
    has changed none of its answers yet) has nothing of the worker's to share: it reads as empty. Once
    the worker has answered something in it, or marked it done, a draft left as it was counts as accepted.
    """
    shared: dict[str, Any] = {}
    answers: list[ExportedAnswer] = []
    unanswered: list[str] = []
    if only_drafts(entry):
        return ExportedEntry(exercise, entry, (), ())
    for prompt in exercise.prompts:
        value = entry.answer(prompt.id)
        view = None
        if not entry.is_private(prompt):
            shared[prompt.id] = value
            view = answer_view(prompt, value)
            if view is not None:
                answers.append(ExportedAnswer(prompt.id, str(prompt.label), view, shown_value(prompt, value)))
        # A view is only made of an answer that is not empty.
        if view is None and not prompt.optional and is_empty(value):
            unanswered.append(str(prompt.label))
    # Computed from the shared answers only: a private answer must not show through a result.
    computed = decision_answer(exercise, shared)
    if computed is not None:
        answers.append(ExportedAnswer(*computed))
    return ExportedEntry(exercise, entry, tuple(answers), tuple(unanswered))


def only_drafts(entry: Entry) -> bool:
    """Whether every answer of ``entry`` is still a pre-filled draft the worker has neither changed nor accepted
    by marking the exercise done."""
    drafts = entry.drafts
    if not drafts or entry.status == EntryStatus.DONE:
        return False
    return all(prompt_id in drafts for prompt_id, value in entry.answers.items() if not is_empty(value))


def _status(catalogue: Catalogue, plan: BilanPlan | None, shared: list[ExportedEntry]) -> tuple[StatusLine, ...]:
    """Shared exercises with their status; each assigned one not shared says only « non partagé »."""
    done = {item.exercise.id for item in shared if item.entry.status == EntryStatus.DONE}
    lines: dict[str, StatusLine] = {}
    for exported in shared:
        exercise = exported.exercise
        if exercise.id in lines:
            continue
        assigned = plan.assigned(exercise.id) if plan else None
        status = EntryStatus.DONE if exercise.id in done else EntryStatus.STARTED
        lines[exercise.id] = StatusLine(exercise, status, assigned.due if assigned else None)
    for item in plan.exercises if plan else ():
        exercise = catalogue.get(item.id)
        if exercise is not None and item.id not in lines:
            lines[item.id] = StatusLine(exercise, None, item.due)
    return tuple(sorted(lines.values(), key=lambda line: (line.exercise.phase.number, line.exercise.order, line.exercise.id)))


def _synthesis(store: JournalStore, bilan: Bilan | None, plan: BilanPlan | None) -> SynthesisShared | None:
    if bilan is None or plan is None or plan.draft is None:
        return None
    review = store.synthesis.review(bilan.id, plan.draft.dossier, plan.draft.sequence)
    return SynthesisShared(plan.draft, tuple(split_parts(plan.draft.text)), review)
