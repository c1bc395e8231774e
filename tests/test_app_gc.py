"""The app moves what it has loaded out of the cyclic garbage collector's reach before it starts."""

from __future__ import annotations

import gc

from textual.app import App

from journal.tui.app import BilanApp


def test_running_the_app_freezes_the_loaded_journal_first(monkeypatch, store, catalogue):
    store.notes.add("Une note chargée avant l'ouverture de l'application.")
    loaded = store._journal.storage.read()
    assert any(obj is loaded for obj in gc.get_objects())

    def started(self, *args, **kwargs) -> bool:
        """Whether the collector still walks the journal when the app starts (frozen objects are not listed)."""
        return any(obj is loaded for obj in gc.get_objects())

    monkeypatch.setattr(App, "run", started)
    try:
        still_walked = BilanApp(store, catalogue).run()
    finally:
        gc.unfreeze()
    assert not still_walked
