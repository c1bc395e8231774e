"""First start welcome (once, reachable from help) and resuming where the worker left off."""

from __future__ import annotations

from datetime import datetime

from textual.widgets import Input, TextArea

from journal.core.last_place import read_place
from journal.core.profile import read_profile, was_welcomed
from journal.core.store import JournalStore
from journal.tui.app import BilanApp
from journal.tui.resume import ResumeOffer
from journal.tui.screens.exercise import ExerciseScreen
from journal.tui.screens.help import HelpScreen
from journal.tui.screens.home import HomeScreen
from journal.tui.screens.welcome import WelcomeScreen


async def test_welcome_once_with_optional_details_then_again_from_help(data_dir, catalogue):
    store = JournalStore(data_dir)
    app = BilanApp(store, catalogue, greet=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, WelcomeScreen)
        app.screen.query_one("#alias", Input).value = "Léa"
        app.screen.query_one("#conseiller", Input).value = "Mme Durand"
        app.screen.query_one("#appointment", Input).value = "31/02/2030"
        app.screen.query_one("#start").press()
        await pilot.pause()
        assert isinstance(app.screen, WelcomeScreen), "an impossible date is refused, not lost"
        app.screen.query_one("#appointment", Input).value = "14/03/2030 10h30"
        app.screen.query_one("#start").press()
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        await pilot.press("f1")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        app.screen.query_one("#welcome-again").press()
        await pilot.pause()
        assert isinstance(app.screen, WelcomeScreen)
        assert app.screen.query_one("#alias", Input).value == "Léa"
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
    profile = read_profile(store)
    assert (profile.alias, profile.conseiller, profile.next_appointment) == ("Léa", "Mme Durand", datetime(2030, 3, 14, 10, 30))
    assert was_welcomed(store)
    store.close()

    store = JournalStore(data_dir)
    app = BilanApp(store, catalogue, greet=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen), "the welcome is shown once"
    store.close()


async def test_welcome_does_not_ask_what_the_assignment_already_gives(data_dir, catalogue):
    from journal.core.assignments.importing import import_assignment
    from tests.assignment_files import assignment

    store = JournalStore(data_dir)
    given = assignment(conseiller="Claire Martin")
    import_assignment(store, given)
    app = BilanApp(store, catalogue, greet=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, WelcomeScreen)
        assert not screen.query("#conseiller") and not screen.query("#appointment")
        shown = " ".join(str(static.render()) for static in screen.query("Static"))
        assert "Claire Martin" in shown
        assert given.appointment.strftime("%d/%m/%Y à %H:%M") in shown
        screen.query_one("#alias", Input).value = "Mathilde"
        screen.query_one("#start").press()
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
    profile = read_profile(store)
    assert (profile.alias, profile.conseiller, profile.next_appointment) == ("Mathilde", "", None)
    store.close()


async def test_one_dialog_at_a_time_welcome_then_key_then_resume(data_dir, catalogue):
    from journal.core.assignments.importing import import_assignment
    from journal.core.last_place import Place, save_place
    from journal.tui.sharing.key_confirmation import KeyConfirmationScreen
    from tests.assignment_files import assignment

    store = JournalStore(data_dir)
    from pyrage import x25519

    import_assignment(store, assignment(key=str(x25519.Identity.generate().to_public())))
    app = BilanApp(store, catalogue, greet=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, WelcomeScreen) and len(app.screen_stack) == 3  # the default screen, home, welcome
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, KeyConfirmationScreen)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
    store.close()

    store = JournalStore(data_dir)
    save_place(store, Place("ma-demande", 1, catalogue.get("ma-demande").prompts[0].id, (0, 0)))
    app = BilanApp(store, catalogue, greet=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, KeyConfirmationScreen) and not any(isinstance(s, ResumeOffer) for s in app.screen_stack)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, ResumeOffer)
    store.close()


async def test_welcome_can_encrypt_the_journal(data_dir, catalogue):
    store = JournalStore(data_dir)
    app = BilanApp(store, catalogue, greet=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        screen = app.screen
        screen.query_one("#encrypt").value = True
        await pilot.pause()
        screen.query_one("#passphrase", Input).value = "une longue phrase"
        screen.query_one("#passphrase-again", Input).value = "une autre phrase"
        screen.query_one("#start").press()
        await pilot.pause()
        assert app.screen is screen and not store.encrypted
        screen.query_one("#passphrase-again", Input).value = "une longue phrase"
        screen.query_one("#start").press()
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
    assert store.encrypted
    store.close()


async def test_reopening_offers_the_last_question_with_the_cursor_where_it_was(data_dir, catalogue):
    store = JournalStore(data_dir)
    store.settings.set("welcomed", True)
    app = BilanApp(store, catalogue, greet=True)
    exercise = catalogue.get("ma-demande")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen), "nothing to resume on a new journal"
        app.open_exercise(exercise)
        await pilot.pause()
        areas = list(app.screen.query(TextArea))
        second = areas[1]
        second.focus()
        await pilot.press(*"Première ligne", "enter", *"Deuxième")
        await pilot.press("left", "left")
        await pilot.press("ctrl+q")
    place = read_place(store)
    assert place.exercise_id == "ma-demande" and place.cursor == (1, 6)
    store.close()

    store = JournalStore(data_dir)
    app = BilanApp(store, catalogue, greet=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, ResumeOffer)
        await pilot.press("enter")
        await pilot.pause(0.3)
        screen = app.screen
        assert isinstance(screen, ExerciseScreen)
        focused = screen.focused
        assert isinstance(focused, TextArea) and focused.text == "Première ligne\nDeuxième"
        assert focused.cursor_location == (1, 6)
        await pilot.press("X")
        assert focused.text == "Première ligne\nDeuxièXme"
    store.close()
