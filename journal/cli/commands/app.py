"""``bilan`` and ``bilan demo``: open the Textual app (imported only here, only then)."""

from __future__ import annotations

import os
import shutil
import signal
import tempfile
from pathlib import Path

from journal.cli.context import EXIT_OK, catalogue, crashed, data_dir, open_store, passphrase_from_environment
from journal.core.collector import collector_paused
from journal.core.paths import journal_path
from journal.core.crash_report import write_crash_report
from journal.i18n import t


def register(subparsers) -> None:
    demo = subparsers.add_parser("demo", help=t("cli.demo.help"), description=t("cli.demo.description"))
    demo.set_defaults(run=run_demo)


def run_app(args) -> int:
    # What is made here (Textual's modules, the exercises) lasts as long as the app: the collector would only walk it.
    with collector_paused(freeze=True):
        exercises = catalogue()
        folder = data_dir(args)
        from journal.tui.journal_opening import JournalOpening, opens_later

    if not passphrase_from_environment() and opens_later(journal_path(folder)):
        # A large plain journal is read after the home screen is drawn (journal.tui.journal_opening).
        return _launch(None, exercises, greet=True, opening=JournalOpening(lambda: open_store(args, ask=False), folder))
    store = open_store(args)
    return _launch(store, exercises, greet=True)


def run_demo(args) -> int:
    from journal.core.demo import fill_demo_journal

    exercises = catalogue()
    with tempfile.TemporaryDirectory(prefix="bilan-demo-") as folder:
        previous = _remove_on_hangup(folder)
        try:
            args.data = str(Path(folder) / "journal")
            store = open_store(args)
            fill_demo_journal(store, exercises)
            return _launch(store, exercises, demo=True)
        finally:
            for number, handler in previous.items():
                signal.signal(number, handler)


def _remove_on_hangup(folder: str) -> dict:
    """A closed terminal (SIGHUP) or a ``kill`` (SIGTERM) still removes the sample journal.

    Python would otherwise stop at once, without leaving the ``with`` block that
    removes the folder. Returns the handlers it replaced.
    """

    def remove_and_leave(number, _frame) -> None:
        shutil.rmtree(folder, ignore_errors=True)
        os._exit(128 + number)

    previous = {}
    for name in ("SIGHUP", "SIGTERM"):
        number = getattr(signal, name, None)
        if number is not None:
            previous[number] = signal.signal(number, remove_and_leave)
    return previous


def _launch(store, exercises, demo: bool = False, greet: bool = False, run=lambda app: app.run(), opening=None) -> int:
    """Run the app on ``store``, or on the journal ``opening`` reads after the first screen (then ``store`` is None)."""
    try:
        with collector_paused(freeze=True):  # as in run_app
            from journal.tui.app import BilanApp

            app = BilanApp(store, exercises, demo=demo, greet=greet, opening=opening)
        run(app)
    except Exception as error:  # noqa: BLE001 - raised outside Textual's loop: same one line as inside it
        return crashed(write_crash_report(store.data_dir if store is not None else opening.data_dir, error))
    finally:
        if opening is not None:
            store = opening.wait()  # a journal still being read when the app closed is closed too
        if store is not None:
            store.close()
    if opening is not None and opening.error is not None:
        raise opening.error  # the same one line and exit status as when the journal is opened first
    return exit_code(app)


def exit_code(app) -> int:
    """The status of ``bilan`` once the app has ended: non-zero, with one line, after an unexpected error."""
    if app.crashed or (app.return_code or 0) != 0:
        return crashed(app.crash_report)
    return EXIT_OK

