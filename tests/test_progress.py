"""Progress per phase and the one suggested next step (core, shared by home and bilan status)."""

from __future__ import annotations

from datetime import date, timedelta

from journal.core.models import EntryStatus, Phase
from journal.core.progress import bar, duration_text, next_step, progress
from journal.core.store import now


def first_prompt(catalogue, exercise_id):
    return catalogue.get(exercise_id).prompts[0].id


def test_empty_journal_suggests_the_first_exercise_of_the_first_phase(store, catalogue):
    step = next_step(catalogue, store)
    assert step.exercise.id == catalogue.in_phase(Phase.PRELIMINAIRE)[0].id
    assert step.reason == "next"
    summary = progress(catalogue, store)
    assert summary.done == 0 and summary.total == len(catalogue.exercises)
    assert summary.minutes_left == sum(exercise.duration_minutes for exercise in catalogue.exercises)


def test_started_exercise_comes_before_the_next_one_and_the_latest_started_wins(store, catalogue):
    store.entries.save_answer("mes-valeurs", first_prompt(catalogue, "mes-valeurs"), ["a"])
    store.entries.save_answer("mon-parcours", first_prompt(catalogue, "mon-parcours"), "texte")
    step = next_step(catalogue, store)
    assert (step.exercise.id, step.reason) == ("mon-parcours", "started")
    store.entries.set_status("mon-parcours", EntryStatus.DONE)
    assert next_step(catalogue, store).exercise.id == "mes-valeurs"


def test_assigned_exercise_with_the_soonest_date_comes_first_unless_done(store, catalogue):
    store.entries.save_answer("mes-valeurs", first_prompt(catalogue, "mes-valeurs"), ["a"])
    soon, later = date.today() + timedelta(days=2), date.today() + timedelta(days=9)
    assigned = [("mes-interets", later), ("mes-reussites", soon), ("unknown", soon), ("mon-parcours", None)]
    step = next_step(catalogue, store, assigned)
    assert (step.exercise.id, step.reason, step.proposed) == ("mes-reussites", "assigned", soon)
    store.entries.set_status("mes-reussites", EntryStatus.DONE)
    assert next_step(catalogue, store, assigned).exercise.id == "mes-interets"


def test_next_is_in_the_earliest_unfinished_phase_and_none_when_all_done(store, catalogue):
    for exercise in catalogue.in_phase(Phase.PRELIMINAIRE):
        store.entries.set_status(exercise.id, EntryStatus.DONE)
    step = next_step(catalogue, store)
    assert step.exercise.phase is Phase.INVESTIGATION and step.reason == "next"
    summary = progress(catalogue, store)
    first = summary.phases[0]
    assert first.done == first.total and first.finished and first.minutes_left == 0
    assert summary.done == first.total
    for exercise in catalogue.exercises:
        store.entries.set_status(exercise.id, EntryStatus.DONE)
    assert next_step(catalogue, store) is None


def test_repeatable_exercise_resumes_its_unfinished_instance(store, catalogue):
    exercise = catalogue.get("point-de-suivi")
    store.entries.save_answer(exercise.id, exercise.prompts[0].id, "un", 1)
    store.entries.set_status(exercise.id, EntryStatus.DONE, 1)
    store.entries.save_answer(exercise.id, exercise.prompts[0].id, "deux", 2)
    step = next_step(catalogue, store)
    assert (step.exercise.id, step.reason, step.instance) == (exercise.id, "started", 2)


def test_bar_and_durations_are_readable_without_colour():
    assert bar(0, 4) == "░" * 10
    assert bar(2, 4) == "█" * 5 + "░" * 5
    assert bar(4, 4) == "█" * 10
    assert bar(1, 0) == "░" * 10
    assert duration_text(45) == "45\u00a0min"
    assert duration_text(60) == "1\u00a0h"
    assert duration_text(150) == "2\u00a0h\u00a030"
    assert duration_text(65) == "1\u00a0h\u00a005"
