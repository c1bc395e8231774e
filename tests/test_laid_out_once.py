"""A screen is laid out once when it opens, and again when the terminal really changes size."""

from __future__ import annotations

from journal.core.catalogue import load_catalogue
from journal.core.store import JournalStore
from journal.tui.app import BilanApp
from journal.tui.screens.exercise import ExerciseScreen
from tests.test_focus_mark import journal_with_two_periods

CATALOGUE = load_catalogue()


def count_relayouts_for_size(screen) -> list:
    """The sizes Textual's resize handler lays ``screen`` out at (``Screen._screen_resized``)."""
    sizes = []
    original = screen._screen_resized

    def counted(size):
        sizes.append(size)
        return original(size)

    screen._screen_resized = counted
    return sizes


async def test_an_exercise_opens_with_one_layout_and_follows_a_resize(tmp_path):
    store = JournalStore(tmp_path / "journal")
    app = BilanApp(store, CATALOGUE)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        screen = ExerciseScreen(CATALOGUE.get("ma-demande"))
        relayouts = count_relayouts_for_size(screen)
        await app.push_screen(screen)
        await pilot.pause()
        await pilot.pause()
        # Laid out when shown; the Resize that layout sends the screen, at the same size, asks for no other.
        assert relayouts == []
        await pilot.resize_terminal(80, 24)
        await pilot.pause()
        await pilot.pause()
        assert (80, 24) in relayouts
        assert screen.size == (80, 24)
        assert screen.query_one("#exercise-body").region.right <= 80
        assert app.screen is screen
        await pilot.press("escape")
        await pilot.pause()
        # The home screen, under the exercise while the terminal shrank, has the new size too.
        assert app.screen.size == (80, 24)
        assert app.screen.query_one("#exercise-list").region.right <= 80
    store.close()


async def test_an_opened_exercise_has_the_styles_a_full_restyle_gives(tmp_path):
    """The first showing skips Textual's restyle of every widget: each widget's styles must already be those."""
    store = journal_with_two_periods(tmp_path)
    app = BilanApp(store, CATALOGUE)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        for exercise_id in ("ma-demande", "mon-parcours", "mes-valeurs", "aide-a-la-decision"):
            app.open_exercise(CATALOGUE.get(exercise_id))
            await pilot.pause()
            await pilot.pause()
            screen = app.screen
            assert isinstance(screen, ExerciseScreen)
            widgets = list(screen.walk_children(with_self=True))
            as_shown = [dict(widget.styles.base.get_rules()) for widget in widgets]
            app.stylesheet.update(screen)
            assert [dict(widget.styles.base.get_rules()) for widget in widgets] == as_shown, exercise_id
            await pilot.press("escape")
            await pilot.pause()
    store.close()
