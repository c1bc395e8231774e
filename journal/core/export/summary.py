"""The content of an export: the worker's non-private answers and notes, by phase."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from journal.core.answer_view import View, answer_view, shown_value
from journal.core.catalogue import Catalogue
from journal.core.decision import decision_answer
from journal.core.models import Entry, Exercise, Note, Phase
from journal.core.store import JournalStore, now


@dataclass(frozen=True, slots=True)
class ExportedAnswer:
    prompt_id: str
    label: str
    view: View
    value: Any


@dataclass(frozen=True, slots=True)
class ExportedEntry:
    exercise: Exercise
    entry: Entry
    answers: tuple[ExportedAnswer, ...]


@dataclass(frozen=True, slots=True)
class Summary:
    created_at: datetime
    phases: tuple[tuple[Phase, tuple[ExportedEntry, ...]], ...]
    notes: tuple[Note, ...]
    private_left_out: int
    unknown_exercises: tuple[str, ...]

    @property
    def entry_count(self) -> int:
        return sum(len(entries) for _, entries in self.phases)


def build_summary(store: JournalStore, catalogue: Catalogue) -> Summary:
    """Everything the worker has not marked private, grouped by phase and exercise."""
    private = 0
    by_phase: dict[Phase, list[ExportedEntry]] = {phase: [] for phase in Phase}
    for exercise in catalogue.exercises:
        for entry in store.entries.for_exercise(exercise.id):
            if entry.private:
                private += 1
                continue
            answers = tuple(
                ExportedAnswer(prompt.id, str(prompt.label), view, shown_value(prompt, entry.answer(prompt.id)))
                for prompt in exercise.prompts
                if (view := answer_view(prompt, entry.answer(prompt.id))) is not None
            )
            computed = decision_answer(exercise, entry.answers)
            if computed is not None:
                answers += (ExportedAnswer(*computed),)
            if answers:
                by_phase[exercise.phase].append(ExportedEntry(exercise, entry, answers))
    known = {exercise.id for exercise in catalogue.exercises}
    unknown = {entry.exercise_id for entry in store.entries.all() if entry.exercise_id not in known}
    notes = store.notes.all()
    private += sum(1 for note in notes if note.private)
    return Summary(
        created_at=now(),
        phases=tuple((phase, tuple(entries)) for phase, entries in by_phase.items() if entries),
        notes=tuple(note for note in notes if not note.private),
        private_left_out=private,
        unknown_exercises=tuple(sorted(unknown)),
    )
