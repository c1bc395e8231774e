"""The app starts on the home screen without importing the other screens: each is imported where it is opened."""

from __future__ import annotations

import subprocess
import sys

NOT_AT_START = (
    "journal.tui.screens.exercise",
    "journal.tui.screens.export",
    "journal.tui.screens.help",
    "journal.tui.screens.import_file",
    "journal.tui.screens.questions",
    "journal.tui.screens.synthesis",
    "journal.tui.screens.comparison",
    "journal.tui.screens.instances",
    "journal.tui.screens.notes",
    "journal.tui.screens.search",
    "journal.tui.screens.welcome",
    "journal.tui.screens.history",
    "journal.tui.resume",
    "journal.tui.sharing.key_confirmation",
    "journal.tui.widgets.editors",
    "journal.core.search",
    "journal.core.answer_view",  # the store asks whether an answer is empty (empty_answer), it shows no answer
    "journal.core.export.summary",  # the home screen needs the plan of the bilan (assignments.plan), not the summary
    "journal.core.sharing",  # the age keys code, only when a conseiller's key waits for confirmation
    "pyrage",
    "markdown_it",
)

START_TO_HOME = """
import asyncio, sys
from journal.core.catalogue import load_catalogue
from journal.core.store import JournalStore
from journal.tui.app import BilanApp
from journal.tui.screens.home import HomeScreen

async def main():
    with JournalStore(sys.argv[1]) as store:
        app = BilanApp(store, load_catalogue())
        async with app.run_test(size=(100, 30)) as pilot:
            await pilot.pause()
            assert isinstance(app.screen, HomeScreen), app.screen
            if sys.argv[2:] == ["open"]:
                await pilot.press("down", "down", "enter")
                await pilot.pause()
                print("screen", type(app.screen).__name__)
    print("loaded", *sorted(name for name in %r if name in sys.modules))

asyncio.run(main())
""" % (NOT_AT_START,)


def start(tmp_path, *extra: str) -> str:
    result = subprocess.run(
        [sys.executable, "-c", START_TO_HOME, str(tmp_path / "journal"), *extra], capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr
    return result.stdout


def test_the_home_screen_comes_up_without_the_other_screens(tmp_path):
    assert start(tmp_path).splitlines()[-1].split() == ["loaded"]


def test_a_screen_is_imported_when_it_is_opened(tmp_path):
    """The check above can fail: opening an exercise from the list does import the exercise screen."""
    lines = start(tmp_path, "open").splitlines()
    assert lines[-2] == "screen ExerciseScreen"
    assert "journal.tui.screens.exercise" in lines[-1].split()
