"""How much time the bilan asks, phase by phase, and the short path through the essentials.

The library holds many hours of homework; not every worker needs all of it.
Each exercise is marked « essentiel » or « pour aller plus loin » (``depth``):
these functions give the minutes per phase, with or without the exercises that
go further, and the essential exercises in the order a worker would do them.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable

from journal.core.models import Exercise, Phase


@dataclass(frozen=True, slots=True)
class PhaseTime:
    """The time one phase asks: everything, and the essentials only (in minutes)."""

    phase: Phase
    all_minutes: int
    essential_minutes: int
    exercise_count: int
    essential_count: int


def minutes_by_phase(exercises: Iterable[Exercise], essentials_only: bool = False) -> dict[Phase, int]:
    """Minutes per phase (every phase present, 0 when empty)."""
    totals = {phase: 0 for phase in Phase}
    for exercise in exercises:
        if essentials_only and not exercise.essential:
            continue
        totals[exercise.phase] += exercise.duration_minutes
    return totals


def phase_times(exercises: Iterable[Exercise]) -> tuple[PhaseTime, ...]:
    """Both totals for each phase, in the order of the bilan."""
    exercises = list(exercises)
    every = minutes_by_phase(exercises)
    essential = minutes_by_phase(exercises, essentials_only=True)
    return tuple(
        PhaseTime(
            phase=phase,
            all_minutes=every[phase],
            essential_minutes=essential[phase],
            exercise_count=sum(1 for e in exercises if e.phase == phase),
            essential_count=sum(1 for e in exercises if e.phase == phase and e.essential),
        )
        for phase in Phase
    )


def essential_path(exercises: Iterable[Exercise]) -> tuple[Exercise, ...]:
    """The essential exercises in bilan order (phase, then order inside the phase)."""
    chosen = [exercise for exercise in exercises if exercise.essential]
    return tuple(sorted(chosen, key=lambda e: (e.phase.number, e.order, e.id)))


def hours_and_minutes(minutes: int) -> tuple[int, int]:
    """A duration split for display: 135 → (2, 15)."""
    return divmod(max(0, minutes), 60)
