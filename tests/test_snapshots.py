"""Snapshots of the main screens at 80×24, on an empty journal (no dates on screen)."""

from __future__ import annotations

import pytest

from journal.core.catalogue import load_catalogue
from journal.core.store import JournalStore
from journal.tui.app import BilanApp

SIZE = (80, 24)


@pytest.fixture
def app(tmp_path):
    store = JournalStore(tmp_path / "journal")
    yield BilanApp(store, load_catalogue())
    store.close()


def test_home_screen(app, snap_compare):
    assert snap_compare(app, terminal_size=SIZE)


def test_exercise_screen(app, snap_compare):
    assert snap_compare(app, terminal_size=SIZE, press=["enter"])


def test_exercise_screen_in_english(app, snap_compare):
    from journal.i18n import set_language

    set_language("en")
    english_app = BilanApp(app.store, app.catalogue)
    assert snap_compare(english_app, terminal_size=SIZE, press=["down", "enter"])


def test_notes_screen(app, snap_compare):
    assert snap_compare(app, terminal_size=SIZE, press=["n"])
