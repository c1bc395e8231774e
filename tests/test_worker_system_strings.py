"""Textual's own commands and messages appear in French in the French interface."""

from __future__ import annotations

import re
from contextlib import asynccontextmanager

import pytest

from textual.command import CommandPalette
from textual.widgets import OptionList
from textual.widgets._footer import FooterKey

from journal.core.store import JournalStore
from journal.tui.app import BilanApp

ENGLISH = ("Keys", "Maximize", "Minimize", "Quit", "Screenshot", "Theme", "Search for", "palette", "Do you want to quit")


def english_words_in(text: str) -> list[str]:
    return [word for word in ENGLISH if re.search(rf"\b{word}\b", text)]


def options_shown(screen) -> list[str]:
    options = screen.query_one(OptionList)
    return [str(options.get_option_at_index(i).prompt) for i in range(options.option_count)]


@asynccontextmanager
async def app_after(data_dir, catalogue, action: str):
    """The app at 100×30 once ``action_<action>`` has run; yields the pilot."""
    with JournalStore(data_dir) as store:
        app = BilanApp(store, catalogue)
        async with app.run_test(size=(100, 30)) as pilot:
            await pilot.pause()
            getattr(app, f"action_{action}")()
            await pilot.pause(0.3)
            yield pilot


async def palette_text(pilot) -> str:
    await pilot.press("ctrl+p")
    await pilot.pause(0.3)
    palette = pilot.app.screen
    assert isinstance(palette, CommandPalette)
    placeholder = palette.query_one("CommandInput").placeholder
    return "\n".join([placeholder, *options_shown(palette)])


async def type_in_palette(pilot, typed: str, wait: float) -> None:
    """Open the command palette, type ``typed``, and give it ``wait`` seconds to search."""
    await pilot.pause()
    await pilot.press("ctrl+p")
    await pilot.pause(0.3)
    await pilot.press(*typed)
    await pilot.pause(wait)


async def test_palette_footer_and_ctrl_c_are_french(data_dir, catalogue):
    store = JournalStore(data_dir)
    app = BilanApp(store, catalogue)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        footer = " ".join(str(key.description) for key in app.screen.query(FooterKey))
        assert "Commandes" in footer
        assert english_words_in(footer) == []

        text = await palette_text(pilot)
        assert "Thème" in text and "Quitter" in text and "Touches et aide" in text
        assert english_words_in(text) == [], text

        # The theme chooser says what it is in French too.
        await pilot.press(*"Thème")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await pilot.pause(0.3)
        assert app.screen.query_one("CommandInput").placeholder == "Chercher un thème…"
        await pilot.press("escape")
        await pilot.pause()

        await pilot.press("ctrl+c")
        await pilot.pause()
        messages = " ".join(f"{n.title} {n.message}" for n in app._notifications)
        assert "Vous voulez quitter" in messages and "Ctrl+Q" in messages
        assert english_words_in(messages) == []
    store.close()


async def test_palette_keys_entry_opens_the_bilan_help(data_dir, catalogue):
    from journal.tui.screens.help import HelpScreen

    store = JournalStore(data_dir)
    app = BilanApp(store, catalogue)
    async with app.run_test(size=(100, 30)) as pilot:
        await type_in_palette(pilot, "Touches", 0.3)
        await pilot.press("enter")
        await pilot.pause(0.3)
        assert isinstance(app.screen, HelpScreen)
    store.close()


async def palette_lines_after_typing(data_dir, catalogue, typed: str, wait: float) -> list[str]:
    store = JournalStore(data_dir)
    app = BilanApp(store, catalogue)
    async with app.run_test(size=(100, 30)) as pilot:
        await type_in_palette(pilot, typed, wait)
        shown = options_shown(app.screen)
    store.close()
    return shown


async def test_a_search_without_match_says_so_in_french(data_dir, catalogue):
    shown = " ".join(await palette_lines_after_typing(data_dir, catalogue, "zzqxw", CommandPalette._NO_MATCHES_COUNTDOWN + 0.5))
    assert "Aucune commande ni aucun exercice ne correspond" in shown
    assert "No matches" not in shown


async def test_the_palette_finds_an_exercise_typed_without_accents(data_dir, catalogue):
    shown = await palette_lines_after_typing(data_dir, catalogue, "competences", 0.5)
    assert any("Mes compétences" in line for line in shown), shown


async def test_an_open_list_says_in_french_how_to_close_it(data_dir, catalogue):
    from textual.widgets import Select

    async with app_after(data_dir, catalogue, "notes") as pilot:
        pilot.app.screen.query_one("#mood", Select).focus()
        await pilot.press("enter")
        await pilot.pause()
        assert pilot.app.screen.query_one("#mood", Select).expanded
        footer = " ".join(str(key.description) for key in pilot.app.screen.query(FooterKey))
        assert "Fermer la liste" in footer and "Dismiss" not in footer and "menu" not in footer, footer


# Imports the app as bilan does (language first), then lists the keys that every Textual class
# loaded by then would show in a footer (``show``), with whether their description is a message
# of the catalogue. A subprocess: what other tests imported does not count.
SHOWN_TEXTUAL_KEYS = """
import importlib, json, pkgutil, sys
import journal.tui
from textual.dom import DOMNode
from journal.i18n.catalogue import messages, current_language

for module_info in pkgutil.walk_packages(journal.tui.__path__, "journal.tui."):
    importlib.import_module(module_info.name)
catalogue = set(messages(current_language()).values())
found = []
for module in list(sys.modules.values()):
    if not getattr(module, "__name__", "").startswith("textual"):
        continue
    for cls in vars(module).values():
        if isinstance(cls, type) and issubclass(cls, DOMNode) and cls.__module__ == module.__name__ and cls._merged_bindings:
            for bindings in cls._merged_bindings.key_to_bindings.values():
                for binding in bindings:
                    if binding.show and binding.description:
                        found.append([cls.__name__, binding.description, binding.description in catalogue])
print(json.dumps(found))
"""


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_no_key_of_textual_shown_in_a_footer_is_described_in_english(lang):
    import json
    import os
    import subprocess
    import sys

    environment = {**os.environ, "BILAN_LANG": lang}
    result = subprocess.run([sys.executable, "-c", SHOWN_TEXTUAL_KEYS], capture_output=True, text=True, timeout=120, env=environment)
    assert result.returncode == 0, result.stderr
    shown = json.loads(result.stdout)
    assert "SelectOverlay" in {name for name, _, _ in shown}
    assert [(name, description) for name, description, translated in shown if not translated] == []


async def test_the_theme_chooser_offers_bilans_themes_only(data_dir, catalogue):
    from journal.tui.themes import load_themes

    async with app_after(data_dir, catalogue, "change_theme") as pilot:
        shown = options_shown(pilot.app.screen)
    assert sorted(shown) == sorted(theme.name for theme in load_themes())
