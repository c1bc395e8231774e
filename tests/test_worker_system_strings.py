"""Textual's own commands and messages appear in French in the French interface."""

from __future__ import annotations

import re

from textual.command import CommandPalette
from textual.widgets import OptionList
from textual.widgets._footer import FooterKey

from journal.core.store import JournalStore
from journal.tui.app import BilanApp

ENGLISH = ("Keys", "Maximize", "Minimize", "Quit", "Screenshot", "Theme", "Search for", "palette", "Do you want to quit")


def english_words_in(text: str) -> list[str]:
    return [word for word in ENGLISH if re.search(rf"\b{word}\b", text)]


async def palette_text(pilot) -> str:
    await pilot.press("ctrl+p")
    await pilot.pause(0.3)
    palette = pilot.app.screen
    assert isinstance(palette, CommandPalette)
    options = palette.query_one(OptionList)
    lines = [str(options.get_option_at_index(i).prompt) for i in range(options.option_count)]
    placeholder = palette.query_one("CommandInput").placeholder
    return "\n".join([placeholder, *lines])


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
        options = app.screen.query_one(OptionList)
        shown = [str(options.get_option_at_index(i).prompt) for i in range(options.option_count)]
    store.close()
    return shown


async def test_a_search_without_match_says_so_in_french(data_dir, catalogue):
    shown = " ".join(await palette_lines_after_typing(data_dir, catalogue, "zzqxw", CommandPalette._NO_MATCHES_COUNTDOWN + 0.5))
    assert "Aucune commande ni aucun exercice ne correspond" in shown
    assert "No matches" not in shown


async def test_the_palette_finds_an_exercise_typed_without_accents(data_dir, catalogue):
    shown = await palette_lines_after_typing(data_dir, catalogue, "competences", 0.5)
    assert any("Mes compétences" in line for line in shown), shown
