"""Snapshots of the worker's main moments: first start, home with its next step, an exercise
with help open, notes with search results, a version diff, the export screen — French and
English, 80×24 and 120×40 — and the home screen as a NO_COLOR and a 16-colour terminal show it.

The journals hold no date that changes from run to run (dates are fixed in the past)."""

from __future__ import annotations

from datetime import datetime

import pytest
from rich.color import ColorSystem
from rich.console import Console
from rich.segment import Segment
from textual.filter import LineFilter

from journal.core.store import JournalStore
from journal.core.store import entries as entries_module
from journal.core.store import notes as notes_module
from journal.i18n import set_language
from journal.tui.app import BilanApp

SMALL, LARGE = (80, 24), (120, 40)
FIXED = datetime(2026, 3, 2, 18, 30).astimezone()


class SixteenColours(LineFilter):
    """What a TERM=xterm terminal can show: every colour brought down to the 16 ANSI ones."""

    def apply(self, segments, background):
        out = []
        for segment in segments:
            style = segment.style
            if style is not None:
                color = style.color.downgrade(ColorSystem.STANDARD) if style.color else None
                bgcolor = style.bgcolor.downgrade(ColorSystem.STANDARD) if style.bgcolor else None
                style = style.copy()
                style._color, style._bgcolor = color, bgcolor
            out.append(Segment(segment.text, style, segment.control))
        return out


class AsTheTerminalShowsIt(BilanApp):
    """The screenshot goes through the same filters as the terminal output (NO_COLOR, 16 colours)."""

    extra_filters: tuple = ()

    def export_screenshot(self, *, title=None, simplify=False):
        width, height = self.size
        console = Console(width=width, height=height, file=__import__("io").StringIO(), force_terminal=True,
                          color_system="truecolor", record=True, legacy_windows=False, safe_box=False)
        update = self.screen._compositor.render_update(full=True, screen_stack=self._background_screens, simplify=simplify)
        background = self.screen.styles.background
        filters = [*self._filters, *self.extra_filters]
        update.strips = [
            [self._filtered(strip, filters, background) for strip in line] for line in update.strips
        ]
        console.print(update)
        return console.export_svg(title=title or self.title)

    @staticmethod
    def _filtered(strip, filters, background):
        for line_filter in filters:
            strip = strip.apply_filter(line_filter, background)
        return strip


@pytest.fixture
def fixed_clock(monkeypatch):
    monkeypatch.setattr(entries_module, "now", lambda: FIXED)
    monkeypatch.setattr(notes_module, "now", lambda: FIXED)


@pytest.fixture
def journal(tmp_path, catalogue, fixed_clock):
    store = JournalStore(tmp_path / "journal")
    store.settings.set("welcomed", True)
    store.entries.save_answer("ma-demande", "pourquoi-maintenant", "Je veux changer de métier et travailler le bois.")
    store.notes.add("Visite à l'École du bois #formation", created_at=FIXED)
    store.notes.add("Parler à ma cheffe de la formation #travail", created_at=FIXED)
    yield store
    store.close()


def languages():
    return pytest.mark.parametrize("lang", ["fr", "en"])


def sizes():
    return pytest.mark.parametrize("size", [SMALL, LARGE], ids=["80x24", "120x40"])


@languages()
@sizes()
def test_first_start(tmp_path, catalogue, snap_compare, lang, size):
    set_language(lang)
    store = JournalStore(tmp_path / "new")
    # A fixed folder name: the welcome says where the journal lives.
    store._journal.data_dir = type(store.data_dir)("/home/lea/.local/share/bilan")
    app = BilanApp(store, catalogue, greet=True)
    assert snap_compare(app, terminal_size=size)


@languages()
@sizes()
def test_home_with_next_step(journal, catalogue, snap_compare, lang, size):
    set_language(lang)
    assert snap_compare(BilanApp(journal, catalogue), terminal_size=size)


@pytest.mark.parametrize("lang,size", [("fr", SMALL), ("en", LARGE)])
def test_exercise_with_help_open(journal, catalogue, snap_compare, lang, size):
    set_language(lang)
    assert snap_compare(BilanApp(journal, catalogue), terminal_size=size, press=["enter", "f1"])


@pytest.mark.parametrize("lang,size", [("fr", SMALL), ("en", LARGE)])
def test_search_results_in_notes(journal, catalogue, snap_compare, lang, size):
    set_language(lang)
    assert snap_compare(BilanApp(journal, catalogue), terminal_size=size, press=["n", "ctrl+f", *"formation"])


@pytest.mark.parametrize("lang,size", [("fr", SMALL), ("en", LARGE)])
def test_history_diff(tmp_path, catalogue, snap_compare, monkeypatch, lang, size):
    set_language(lang)
    data = tmp_path / "journal"
    monkeypatch.setattr(entries_module, "now", lambda: FIXED)
    with JournalStore(data) as first:
        first.settings.set("welcomed", True)
        first.entries.save_answer("ma-demande", "pourquoi-maintenant", "Je veux travailler le bois avec mes mains.")
    monkeypatch.setattr(entries_module, "now", lambda: FIXED.replace(day=9))
    store = JournalStore(data)
    store.entries.save_answer("ma-demande", "pourquoi-maintenant", "Je veux travailler le métal, avec mes mains et ma tête.")
    assert snap_compare(BilanApp(store, catalogue), terminal_size=size, run_before=open_history)
    store.close()


async def open_history(pilot) -> None:
    """Enter on the next step, then F2 once the exercise is there: the history, however busy the machine."""
    from journal.tui.screens.exercise import ExerciseScreen
    from journal.tui.screens.history import HistoryScreen

    async def until(condition) -> None:
        for _ in range(200):
            if condition():
                return
            await pilot.pause(0.05)
        raise AssertionError("the screen did not come")

    await pilot.press("enter")
    await until(lambda: isinstance(pilot.app.screen, ExerciseScreen) and pilot.app.screen.focused is not None)
    await pilot.press("f2")
    await until(lambda: isinstance(pilot.app.screen, HistoryScreen))
    await pilot.pause()


@pytest.mark.parametrize("lang,size", [("fr", SMALL), ("en", LARGE)])
def test_export_screen(journal, catalogue, snap_compare, monkeypatch, tmp_path, lang, size):
    set_language(lang)
    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr("journal.core.export.summary.now", lambda: FIXED, raising=False)

    async def settle(pilot):
        await pilot.press("e")
        await pilot.pause(0.5)
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
        field = pilot.app.screen.query_one("#export-path")
        field.value = "bilan-export.md"

    assert snap_compare(BilanApp(journal, catalogue), terminal_size=size, run_before=settle)


def test_home_with_no_color(journal, catalogue, snap_compare, monkeypatch):
    monkeypatch.setenv("NO_COLOR", "1")
    assert snap_compare(AsTheTerminalShowsIt(journal, catalogue), terminal_size=SMALL)


def test_home_in_16_colours(journal, catalogue, snap_compare):
    app = AsTheTerminalShowsIt(journal, catalogue)
    app.extra_filters = (SixteenColours(),)
    assert snap_compare(app, terminal_size=SMALL)
