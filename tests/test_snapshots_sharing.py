"""Snapshots of sharing at 80×24 and 120×40: the review viewer (three dossiers), the fingerprint confirmation, the export screen encrypted for the conseiller."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import pytest

from journal.core.assignments.importing import import_assignment
from journal.core.assignments.model import AssignedExercise
from journal.core.catalogue import load_catalogue
from journal.core.review import group_by_dossier, read_summary, summary_paths
from journal.core.store import JournalStore
from journal.tui.app import BilanApp
from journal.tui.review import ReviewApp
from tests.assignment_files import assignment
from tests.summary_factory import three_dossiers


@pytest.fixture
def review_app(tmp_path, monkeypatch):
    # Relative paths, so the file names shown do not depend on the temporary folder.
    monkeypatch.chdir(tmp_path)
    three_dossiers(Path("recus"))
    paths, _ = summary_paths([Path("recus")])
    return ReviewApp(group_by_dossier([read_summary(path, None) for path in paths]), [])


@pytest.mark.parametrize("size", [(80, 24), (120, 40)])
def test_review_viewer_with_three_dossiers(review_app, snap_compare, size):
    assert snap_compare(review_app, terminal_size=size)


@pytest.mark.parametrize("size", [(80, 24), (120, 40)])
def test_review_viewer_what_changed(review_app, snap_compare, size):
    assert snap_compare(review_app, terminal_size=size, press=["down", "c"])


# A fixed key, so the fingerprint on screen is the same at every run.
CONSEILLER_KEY = "age1lc5why99cp28e00nk7symaxeqr0vvc58nxtqkee0rusknw9g450qt8x4qd"
FIXED = datetime(2020, 3, 2, 9, 30).astimezone()


def worker_app(tmp_path, monkeypatch, *, confirmed: bool):
    monkeypatch.chdir("/tmp")
    monkeypatch.setattr("journal.core.export.summary.now", lambda: FIXED)
    store = JournalStore(tmp_path / "journal")
    item = assignment(created_at=FIXED, appointment=None, key=CONSEILLER_KEY, exercises=(AssignedExercise("mes-valeurs", date(2099, 1, 10)),), custom=(), synthese=None)
    import_assignment(store, item)
    # The bilan starts "now": set it to the fixed day, so the period on screen never changes.
    tables = store.transfer.tables()
    for doc in tables["bilans"].values():
        doc["started_at"] = FIXED.isoformat()
    store.transfer.restore(tables)
    if confirmed:
        store.bilans.confirm_key(store.bilans.current().id, CONSEILLER_KEY)
    return store, BilanApp(store, load_catalogue())


@pytest.mark.parametrize("size", [(80, 24), (120, 40)])
def test_fingerprint_confirmation(tmp_path, monkeypatch, snap_compare, size):
    store, app = worker_app(tmp_path, monkeypatch, confirmed=False)
    try:
        assert snap_compare(app, terminal_size=size)
    finally:
        store.close()


@pytest.mark.parametrize("size", [(80, 24), (120, 40)])
def test_export_screen_encrypted_for_the_conseiller(tmp_path, monkeypatch, snap_compare, size):
    store, app = worker_app(tmp_path, monkeypatch, confirmed=True)
    try:
        assert snap_compare(app, terminal_size=size, press=["e", "wait:400"])
    finally:
        store.close()
