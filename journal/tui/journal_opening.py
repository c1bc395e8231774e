"""Reading a large journal after the first screen is drawn, in a thread, so the home screen appears at once.

Parsing and checking a journal of years (7 to 10 MB of JSON) takes a few tenths
of a second; before, the terminal stayed blank meanwhile. Now the app draws the
home screen with the exercise titles first (their state shown « … », never a
guess), then reads the journal in a thread and fills in the states, the
progress and the dialogs when it has been read (``BilanApp.on_journal_read``).
Keys typed meanwhile wait for the journal and are then handed on in order.

Only a large plain journal is read this way (``opens_later``). A small one costs
less to read than a frame, and an encrypted one needs its passphrase asked in the
terminal before the app starts: both are opened before the app, as are a missing
journal (the first start's welcome) and any journal when a passphrase is given by
the environment (``journal.cli.commands.app`` decides). If reading fails (a damaged journal, a disk error), the app
closes before anything can be changed and the command prints the same one line,
with the same exit status, as when the journal is opened first.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from textual.message import Message

if TYPE_CHECKING:
    from journal.core.store import JournalStore

# Below this size reading the journal costs less than a frame (N = 100: 93 KB, 6 ms): it is read first.
LATER_FROM_BYTES = 1 << 20


def opens_later(journal: Path) -> bool:
    """Whether ``journal`` is a plain journal large enough to be read after the first screen."""
    try:
        if os.stat(journal).st_size < LATER_FROM_BYTES:
            return False
        with open(journal, "rb") as file:
            start = file.read(64).lstrip()
    except OSError:
        return False  # opening it first says what is wrong, as before
    return start.startswith(b"{")


class JournalRead(Message):
    """Posted to the app when the thread has opened the journal, or failed to."""


class JournalOpening:
    """A journal being opened in a thread by ``open_journal`` (which raises what opening it would raise)."""

    def __init__(self, open_journal: Callable[[], JournalStore], data_dir: Path):
        self.data_dir = data_dir  # for a crash report while the journal is not open yet
        self.store: JournalStore | None = None
        self.error: BaseException | None = None
        self._open_journal = open_journal
        self._thread: threading.Thread | None = None

    def start(self, post: Callable[[Message], object]) -> None:
        """Open the journal in a thread; ``post`` (thread-safe) receives ``JournalRead`` when it is done."""
        if self._thread is None:
            self._thread = threading.Thread(target=self._run, args=(post,), name="bilan-journal-opening", daemon=True)
            self._thread.start()

    def _run(self, post: Callable[[Message], object]) -> None:
        try:
            self.store = self._open_journal()
        except BaseException as error:  # noqa: BLE001 - handed to the command, which says it in one line
            self.error = error
        try:
            post(JournalRead())
        except RuntimeError:
            pass  # the app has already closed: ``wait`` hands the journal to whoever closes it

    def wait(self) -> JournalStore | None:
        """The opened journal, once the thread is done (None if it failed or never started)."""
        if self._thread is not None:
            self._thread.join()
        return self.store
