"""The demo journal: realistic, spread over the phases, with a private note left out of exports."""

from __future__ import annotations

from journal.core.demo import fill_demo_journal
from journal.core.export import build_summary, render
from journal.core.models import EntryStatus, Phase


def test_demo_fills_several_phases_and_keeps_its_private_note(store, catalogue):
    fill_demo_journal(store, catalogue)
    statuses = {exercise.id: store.entries.status(exercise.id) for exercise in catalogue.exercises}
    assert statuses["ma-demande"] is EntryStatus.DONE
    assert statuses["mes-interets"] is EntryStatus.DONE
    assert statuses["ma-synthese"] is EntryStatus.NOT_STARTED
    phases = {catalogue.get(e.exercise_id).phase for e in store.entries.all()}
    assert {Phase.PRELIMINAIRE, Phase.INVESTIGATION} <= phases
    markdown = render(build_summary(store, catalogue), "markdown")
    assert "Code : SE" in markdown
    assert "Mauvaise semaine" not in markdown
    assert len({note.created_at.strftime("%H:%M") for note in store.notes.all()}) == 3
