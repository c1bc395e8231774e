"""``bilan dump -o FILE|-``: a complete copy of the journal for the worker alone (private items included, 0600)."""

from __future__ import annotations

import sys
from pathlib import Path

from journal.cli.context import EXIT_OK, STANDARD_OUTPUT, CommandFailure, fail, open_store, say
from journal.core.dump import dump_text, write_dump
from journal.core.export.writer import check_target
from journal.core.text_safety import inert_line
from journal.core.storage.disk_errors import describe
from journal.i18n import t


def register(subparsers) -> None:
    parser = subparsers.add_parser("dump", help=t("dump_cli.help"), description=t("dump_cli.description"))
    parser.add_argument("-o", "--output", required=True, metavar=t("dump_cli.file_metavar"), help=t("dump_cli.output_help"))
    parser.add_argument("--force", action="store_true", help=t("dump_cli.force_help"))
    parser.set_defaults(run=run)


def run(args) -> int:
    with open_store(args, create=False) as store:
        if args.output == STANDARD_OUTPUT:  # a pipe or a redirection: nothing else goes there, as with « bilan export -o - »
            sys.stdout.write(dump_text(store))
            written = None
        else:
            written = _write_file(Path(args.output), store, args.force)
        if store.versions_notice:  # the file of earlier versions was damaged and set aside: the dump lacks them
            fail(store.versions_notice)
    if written is not None:
        say(t("dump_cli.written", path=written))
    return EXIT_OK


def _write_file(target: Path, store, force: bool) -> str:
    """Write the dump to ``target``; the path as shown to the worker."""
    shown = inert_line(str(target))
    check_target(target, store.data_dir)
    if target.exists() and not force:
        raise CommandFailure(t("dump_cli.exists", path=shown))
    try:
        write_dump(target, dump_text(store))
    except OSError as error:
        raise CommandFailure(describe("write", shown, error)) from error
    return shown
