"""``bilan export``: write the summary the worker brings to the conseiller."""

from __future__ import annotations

import sys
from pathlib import Path

from journal.cli.context import EXIT_OK, CommandFailure, catalogue, open_store
from journal.core.export import FORMATS, build_summary, render
from journal.core.export.formats import default_file_name
from journal.core.export.writer import write_export
from journal.core.storage.disk_errors import describe
from journal.i18n import t


def register(subparsers) -> None:
    parser = subparsers.add_parser("export", help=t("cli.export.help"), description=t("cli.export.description"))
    parser.add_argument("-o", "--output", metavar=t("cli.export.output_metavar"), help=t("cli.export.output_help"))
    parser.add_argument("--format", choices=sorted(FORMATS), default="markdown", help=t("cli.export.format_help"))
    parser.set_defaults(run=run)


def run(args) -> int:
    exercises = catalogue()
    with open_store(args, create=False) as store:
        summary = build_summary(store, exercises)
    text = render(summary, args.format)
    if args.output == "-":
        sys.stdout.write(text)
        return EXIT_OK
    target = Path(args.output) if args.output else Path.cwd() / default_file_name(summary, args.format)
    if target.is_dir():
        target = target / default_file_name(summary, args.format)
    try:
        write_export(target, text, store.data_dir)
    except OSError as error:
        raise CommandFailure(describe("write", target, error)) from error
    print(t("cli.export.written", path=target, entries=summary.entry_count, notes=len(summary.notes)))
    if summary.private_left_out:
        print(t("cli.export.private_left_out", count=summary.private_left_out))
    return EXIT_OK
