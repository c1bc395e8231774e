"""Text a library writes to stdout or stderr while the app runs does not stop the app.

Textual catches what is printed while it runs and calls ``App._flush(stderr=…)``
when it is flushed; a logging warning flushes stderr after each line. The app
once had a method of its own under that name (saving a screen), and the first
such line stopped it with a ``TypeError``.
"""

from __future__ import annotations

import logging
import sys

from journal.core.catalogue import load_catalogue
from journal.core.store import JournalStore
from journal.tui.app import BilanApp
from journal.tui.screens.home import HomeScreen


async def test_a_library_logging_to_stderr_while_the_app_runs(tmp_path):
    store = JournalStore(tmp_path / "journal")
    app = BilanApp(store, load_catalogue())
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        # No handler configured: Python's last-resort handler writes to stderr and flushes it.
        logging.getLogger("some.library").warning("a warning from a library")
        print("a line on stdout", flush=True)
        sys.stderr.flush()
        await pilot.press("n")
        await pilot.pause()
        assert not isinstance(app.screen, HomeScreen)  # keys still work: the notes screen opened
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
    assert app.return_code in (0, None)
    store.close()
