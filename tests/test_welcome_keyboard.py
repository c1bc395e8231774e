"""The welcome dialog with the keyboard alone, at 80×24: Tab goes through the passphrase fields in order, the way
out (« Commencer », « Plus tard ») is on the first screen, and leaving by any key keeps what was typed."""

from __future__ import annotations

from contextlib import asynccontextmanager
from datetime import datetime

import pytest
from textual.containers import ScrollableContainer
from textual.widgets import Button, Checkbox, Input

from journal.core.profile import read_profile, was_welcomed
from journal.tui.app import BilanApp
from journal.tui.screens.home import HomeScreen
from journal.tui.screens.welcome import WelcomeScreen

SIZES = [(80, 24), (100, 30)]


@asynccontextmanager
async def first_start(store, catalogue, size=(80, 24)):
    """The app on a fresh journal, the welcome shown."""
    app = BilanApp(store, catalogue, greet=True)
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, WelcomeScreen)
        yield app, pilot


@pytest.mark.parametrize("size", SIZES)
async def test_the_buttons_are_on_the_first_screen_and_not_in_the_scrolled_text(store, catalogue, size):
    async with first_start(store, catalogue, size) as (app, _):
        screen = app.screen
        for button in screen.query(Button):
            assert screen.region.contains_region(button.region), f"{button.id} at {button.region}, the screen is {screen.region}"
            assert not any(isinstance(ancestor, ScrollableContainer) for ancestor in button.ancestors), f"{button.id} scrolls away with the text"
            box = button.parent.parent
            assert box.content_region.contains_region(button.region), f"{button.id} is cut by the dialog's edge"


async def test_tab_after_ticking_the_box_goes_to_the_first_passphrase_then_the_second(store, catalogue):
    async with first_start(store, catalogue) as (app, pilot):
        screen = app.screen
        await pilot.press("tab", "tab", "tab")
        assert isinstance(app.focused, Checkbox)
        await pilot.press("space")
        await pilot.pause()
        assert screen.query_one("#encrypt", Checkbox).value
        await pilot.press("tab", *"une longue phrase", "tab", *"une longue phrase")
        await pilot.pause()
        assert screen.query_one("#passphrase", Input).value == "une longue phrase"
        assert screen.query_one("#passphrase-again", Input).value == "une longue phrase"
        await pilot.press("tab")
        assert app.focused is screen.query_one("#start", Button)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
    assert store.encrypted


def _type_details(screen):
    screen.query_one("#alias", Input).value = "Léa"
    screen.query_one("#conseiller", Input).value = "Mme Durand"
    screen.query_one("#appointment", Input).value = "14/03/2030 10:30"


@pytest.mark.parametrize("leaving", [["escape"], ["tab", "tab", "tab", "tab", "tab", "enter"]], ids=["escape", "later"])
async def test_leaving_for_later_keeps_what_was_typed(store, catalogue, leaving):
    async with first_start(store, catalogue) as (app, pilot):
        _type_details(app.screen)
        await pilot.press(*leaving)
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
    profile = read_profile(store)
    assert (profile.alias, profile.conseiller, profile.next_appointment) == ("Léa", "Mme Durand", datetime(2030, 3, 14, 10, 30))
    assert was_welcomed(store)


@pytest.mark.parametrize("field", ["#alias", "#conseiller", "#appointment", "#encrypt", "#passphrase", "#passphrase-again"])
async def test_ctrl_q_from_any_field_quits_keeps_what_was_typed_and_encrypts_nothing(store, catalogue, field):
    async with first_start(store, catalogue) as (app, pilot):
        screen = app.screen
        _type_details(screen)
        screen.query_one("#encrypt", Checkbox).value = True
        await pilot.pause()
        screen.query_one("#passphrase", Input).value = screen.query_one("#passphrase-again", Input).value = "une longue phrase"
        screen.query_one(field).focus()
        await pilot.press("ctrl+q")
        await pilot.pause()
        assert not app.is_running
    profile = read_profile(store)
    assert (profile.alias, profile.conseiller, profile.next_appointment) == ("Léa", "Mme Durand", datetime(2030, 3, 14, 10, 30))
    assert not was_welcomed(store), "quitting is not « later »: the welcome comes back, filled in"
    assert not store.encrypted, "a passphrase is only used with « Commencer »"


async def test_what_is_typed_in_the_first_field_shows_even_when_the_text_above_is_long(store, catalogue):
    store._journal.data_dir = type(store.data_dir)("/home/marie-christine/.local/share/bilan/un/dossier/assez/long/pour/deux/lignes")
    async with first_start(store, catalogue) as (app, pilot):
        screen = app.screen
        await pilot.press(*"Léa")
        await pilot.pause()
        alias, text = screen.query_one("#alias", Input), screen.query_one("#welcome-text")
        assert alias.value == "Léa"
        assert alias.region and text.region.contains_region(alias.region), f"the field at {alias.region} is out of {text.region}"
        assert screen.get_widget_at(alias.region.x, alias.region.y)[0] is alias
