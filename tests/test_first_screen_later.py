"""A large journal is read after the first screen: titles at once, states « … » until read, keys kept, same errors."""

from __future__ import annotations

import sys
import threading

from textual import events
from textual.widgets import OptionList, Static

from journal.core.models import EntryStatus, Phase
from journal.core.storage import crypto
from journal.core.store import JournalStore
from journal.tui.app import BilanApp
from journal.tui.journal_opening import LATER_FROM_BYTES, JournalOpening, opens_later
from journal.tui.screens.exercise import ExerciseScreen
from journal.tui.screens.home import STATUS_MARKS, UNKNOWN, HomeScreen


class Gate:
    """Opens the journal only once the test lets it through, as a long read would take its time."""

    def __init__(self, data_dir, **options):
        self.data_dir = data_dir
        self.options = options
        self.through = threading.Event()

    def __call__(self):
        assert self.through.wait(20)
        return JournalStore(self.data_dir, **self.options)


def _later(data_dir, catalogue, gate, **options) -> BilanApp:
    return BilanApp(None, catalogue, opening=JournalOpening(gate, data_dir), **options)


def _lines(app) -> list[str]:
    option_list = app.screen.query_one(OptionList)
    return [str(option_list.get_option_at_index(index).prompt) for index in range(option_list.option_count)]


async def _until(pilot, condition, rounds: int = 100) -> bool:
    for _ in range(rounds):
        if condition():
            return True
        await pilot.pause(0.05)
    return condition()


async def test_titles_first_states_unknown_then_read_and_keys_typed_meanwhile_kept(data_dir, catalogue):
    first = catalogue.in_phase(Phase.PRELIMINAIRE)[0]
    assert not first.repeatable
    store = JournalStore(data_dir)
    store.entries.save_answer(first.id, first.prompts[0].id, "déjà")
    store.entries.set_status(first.id, EntryStatus.DONE)
    store.close()
    gate = Gate(data_dir)
    app = _later(data_dir, catalogue, gate)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen) and app.store is None
        lines = _lines(app)
        assert any(str(first.title) in line for line in lines)
        assert not any(mark in line for line in lines for mark in STATUS_MARKS.values()), "no state shown before it is known"
        assert f"{UNKNOWN} {first.title}" in "\n".join(lines)
        # Down to the first exercise (finished), Enter to open it, then a few letters: all typed before the journal is read.
        for key, character in (("down", None), ("enter", "\r"), ("x", "x"), ("y", "y")):
            app.post_message(events.Key(key, character))
        await pilot.pause(0.2)
        assert isinstance(app.screen, HomeScreen), "nothing opens before the journal is read"
        gate.through.set()
        assert await _until(pilot, lambda: isinstance(app.screen, ExerciseScreen) and app.screen.focused is not None and "xy" in (app.screen.focused.text or ""))
        assert app.screen.exercise.id == first.id
        await pilot.press("escape")
        assert await _until(pilot, lambda: isinstance(app.screen, HomeScreen))
        assert f"{STATUS_MARKS[EntryStatus.DONE]} {first.title}" in "\n".join(_lines(app))
    app.opening.wait().close()


async def test_the_welcome_waits_for_the_journal_and_comes_first(data_dir, catalogue):
    from journal.tui.screens.welcome import WelcomeScreen

    JournalStore(data_dir).close()  # a journal nobody was welcomed in
    gate = Gate(data_dir)
    app = _later(data_dir, catalogue, gate, greet=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause(0.2)
        assert isinstance(app.screen, HomeScreen), "no dialog before the journal says whether it is needed"
        assert "Lecture de votre journal" in str(app.screen.query_one("#detail", Static).render())
        gate.through.set()
        assert await _until(pilot, lambda: isinstance(app.screen, WelcomeScreen))
    app.opening.wait().close()


async def test_another_window_on_the_same_journal_is_still_said(data_dir, catalogue):
    other = JournalStore(data_dir)
    gate = Gate(data_dir)
    app = _later(data_dir, catalogue, gate)
    async with app.run_test(size=(80, 24)) as pilot:
        gate.through.set()
        assert await _until(pilot, lambda: app.store is not None)
        await pilot.pause()
        assert any("ouvert" in str(notice.message) for notice in app._notifications)
    app.opening.wait().close()
    other.close()


async def test_quitting_before_the_journal_is_read_needs_no_journal_and_it_is_closed_after(data_dir, catalogue):
    JournalStore(data_dir).close()
    gate = Gate(data_dir)
    app = _later(data_dir, catalogue, gate)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+q")
        assert await _until(pilot, lambda: app._exit_renderables is not None and not app.is_running)
    gate.through.set()
    store = app.opening.wait()
    assert store is not None
    store.close()
    assert JournalStore(data_dir).open_elsewhere() == 0


def test_only_a_large_plain_journal_is_read_later(tmp_path):
    journal = tmp_path / "journal.json"
    assert not opens_later(journal), "no journal yet: the first start's welcome"
    journal.write_bytes(b'{"meta": {}}')
    assert not opens_later(journal), "small: read first"
    journal.write_bytes(b"  \n{" + b" " * LATER_FROM_BYTES + b"}")
    assert opens_later(journal)
    journal.write_bytes(crypto.MAGIC + b"\x01" * LATER_FROM_BYTES)
    assert not opens_later(journal), "encrypted: the passphrase is asked before the app"


def test_a_large_damaged_journal_gives_the_same_one_line_and_exit_1_and_is_not_written(tmp_path):
    from tests.test_crash_exit import run_in_terminal

    data = tmp_path / "journal"
    data.mkdir()
    (data / "journal.json").write_bytes(b'{"meta": {"1": {"kind": "bilan-journal", "schema": 1}}, "notes": ' + b" " * LATER_FROM_BYTES)
    damaged = (data / "journal.json").read_bytes()
    code, output = run_in_terminal([sys.executable, "-m", "journal", "--data", str(data)])
    assert code == 1
    assert "Traceback" not in output
    lines = [line for line in output.replace("\r", "").splitlines() if "bilan: " in line]
    assert len(lines) == 1 and "journal.json" in lines[0]
    assert (data / "journal.json").read_bytes() == damaged
    assert not (data / "backups").exists() and not (data / "versions.json").exists(), "nothing written"


async def test_a_saved_theme_is_there_from_the_first_frame_and_after_a_later_read(data_dir, catalogue):
    from textual.color import Color

    from journal.tui.themes import load_themes

    dark = next(theme for theme in load_themes() if theme.dark)
    store = JournalStore(data_dir)
    store.settings.set("theme", dark.name)
    app = BilanApp(store, catalogue)
    # Before the app runs: the stylesheet already has the saved theme's colours (no second style pass once mounted).
    assert app.theme == dark.name and app.stylesheet._variables["background"] == Color.parse(dark.background).hex
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert app.screen.styles.background == Color.parse(dark.background)
        assert app.has_class("-dark-mode") and not app.has_class("-light-mode")
    store.close()

    gate = Gate(data_dir)
    app = _later(data_dir, catalogue, gate)
    async with app.run_test(size=(80, 24)) as pilot:
        gate.through.set()
        assert await _until(pilot, lambda: app.store is not None)
        await pilot.pause()
        assert app.theme == dark.name and app.screen.styles.background == Color.parse(dark.background)
        assert app.store.settings.get("theme") == dark.name
    app.opening.wait().close()


async def test_the_offer_to_resume_comes_once_read_and_enter_typed_meanwhile_answers_it(data_dir, catalogue):
    from journal.core.last_place import Place, save_place
    from journal.tui.resume import ResumeOffer

    exercise = catalogue.get("ma-demande")
    store = JournalStore(data_dir)
    store.settings.set("welcomed", True)
    store.entries.save_answer(exercise.id, exercise.prompts[0].id, "Reprendre ici")
    save_place(store, Place(exercise.id, 1, exercise.prompts[0].id, (0, 7)))
    store.close()
    gate = Gate(data_dir)
    app = _later(data_dir, catalogue, gate, greet=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        app.post_message(events.Key("enter", "\r"))  # typed at once: it answers the offer, as it would have before
        await pilot.pause(0.2)
        assert isinstance(app.screen, HomeScreen)
        gate.through.set()
        assert await _until(pilot, lambda: isinstance(app.screen, ExerciseScreen) and app.screen.focused is not None)
        assert app.screen.exercise.id == exercise.id and app.screen.focused.text == "Reprendre ici"
        assert not any(isinstance(screen, ResumeOffer) for screen in app.screen_stack)
    app.opening.wait().close()
