"""Start-up saves nothing it need not save (each save rewrites the whole journal)."""

from __future__ import annotations

import pytest

from journal.core.storage import SafeJSONStorage
from journal.tui.app import BilanApp
from journal.tui.screens.home import HomeScreen
from journal.tui.themes import DEFAULT_THEME


@pytest.fixture
def saves(monkeypatch):
    counted: list[int] = []
    original = SafeJSONStorage.write

    def counting(self, data):
        counted.append(1)
        return original(self, data)

    monkeypatch.setattr(SafeJSONStorage, "write", counting)
    return counted


def test_a_new_setting_is_one_save_and_a_changed_one_too(store, saves):
    store.settings.set("theme", "bilan-sombre")
    assert len(saves) == 1
    store.settings.set("theme", "bilan-clair")
    assert len(saves) == 2 and store.settings.get("theme") == "bilan-clair"
    assert len(store._journal.raw("settings")) == 1


async def test_starting_with_the_default_theme_saves_nothing(store, catalogue, saves):
    store.notes.add("Une note.")
    before = len(saves)
    app = BilanApp(store, catalogue)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen) and app.theme == DEFAULT_THEME
        assert len(saves) == before
        app.theme = next(name for name in app.available_themes if name != DEFAULT_THEME)
        await pilot.pause()
        assert len(saves) == before + 1 and store.settings.get("theme") == app.theme

