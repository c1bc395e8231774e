"""``bilan`` and ``bilan demo``: open the Textual app (imported only here, only then)."""

from __future__ import annotations

import tempfile
from pathlib import Path

from journal.cli.context import EXIT_OK, catalogue, open_store
from journal.i18n import t


def register(subparsers) -> None:
    demo = subparsers.add_parser("demo", help=t("cli.demo.help"), description=t("cli.demo.description"))
    demo.set_defaults(run=run_demo)


def run_app(args) -> int:
    exercises = catalogue()
    store = open_store(args)
    return _launch(store, exercises, greet=True)


def run_demo(args) -> int:
    from journal.core.demo import fill_demo_journal

    exercises = catalogue()
    with tempfile.TemporaryDirectory(prefix="bilan-demo-") as folder:
        args.data = str(Path(folder) / "journal")
        store = open_store(args)
        fill_demo_journal(store, exercises)
        return _launch(store, exercises, demo=True)


def _launch(store, exercises, demo: bool = False, greet: bool = False) -> int:
    from journal.tui.app import BilanApp

    try:
        BilanApp(store, exercises, demo=demo, greet=greet).run()
    finally:
        store.close()
    return EXIT_OK

