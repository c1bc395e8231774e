"""What the worker chose to include in an export (export screen, ``bilan export`` flags)."""

from __future__ import annotations

from datetime import date

from journal.core.models import Phase
from journal.core.record import record


@record
class ExportOptions:
    since: date | None = None
    exercises: tuple[str, ...] = ()
    phases: tuple[Phase, ...] = ()
    notes: bool = True
    moods: bool = False  # a note's mood goes out only when the worker ticks it

    def includes(self, exercise_id: str, phase: Phase) -> bool:
        if self.exercises and exercise_id not in self.exercises:
            return False
        return not self.phases or phase in self.phases
