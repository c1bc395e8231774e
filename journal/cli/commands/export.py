"""``bilan export``: write the summary the worker brings to the conseiller (or, with --synthese, the validated synthesis)."""

from __future__ import annotations

import sys
from pathlib import Path

from journal.cli import encrypted_export
from journal.cli.overwrite import may_overwrite
from journal.cli.context import EXIT_OK, EXIT_USAGE, STANDARD_OUTPUT, CommandFailure, journal_catalogue, open_store, say
from journal.core.export import FORMATS, build_summary, render
from journal.core.export.formats import default_file_name
from journal.core.export.options import ExportOptions
from journal.core.export.sharing import count_written_export
from journal.core.export.writer import check_target, write_export
from journal.core.text_safety import inert_line
from journal.core.storage.disk_errors import describe
from journal.i18n import t


def register(subparsers) -> None:
    parser = subparsers.add_parser("export", help=t("cli.export.help"), description=t("cli.export.description"))
    parser.add_argument("-o", "--output", metavar=t("cli.export.output_metavar"), help=t("cli.export.output_help"))
    parser.add_argument("--format", choices=sorted(FORMATS), default="markdown", help=t("cli.export.format_help"))
    parser.add_argument("--since", metavar=t("assign_cli.date_metavar"), help=t("export_cli.since_help"))
    parser.add_argument("--exercise", nargs="+", default=[], metavar="ID", help=t("export_cli.exercise_help"))
    parser.add_argument("--no-notes", action="store_true", help=t("export_cli.no_notes_help"))
    parser.add_argument("--moods", action="store_true", help=t("cli.export.moods_help"))
    parser.add_argument("--synthese", action="store_true", help=t("export_cli.synthese_help"))
    parser.add_argument("--force", action="store_true", help=t("export_cli.force_help"))
    encrypted_export.add_option(parser)
    parser.set_defaults(run=run)


def _options(args, exercises) -> ExportOptions:
    since = None
    if args.since:
        from journal.core.assignments.dates import BadDate, parse_day  # only with --since

        try:
            since = parse_day(args.since)
        except BadDate as error:
            raise CommandFailure(str(error), EXIT_USAGE) from error
    for identifier in args.exercise:
        if exercises.get(identifier) is None:
            raise CommandFailure(inert_line(t("export_check.unknown_exercise", id=identifier)), EXIT_USAGE)
    return ExportOptions(since=since, exercises=tuple(args.exercise), notes=not args.no_notes, moods=args.moods and not args.no_notes)


class _Written:
    """What was written, once the document itself is let go of (the journal is saved after it).

    A plain class: a dataclass costs a millisecond to create at every export, for two fields.
    """

    __slots__ = ("target", "summary_counts")

    def __init__(self, target: Path | None, summary_counts: tuple[int, int] | None):
        self.target = target  # None: standard output
        self.summary_counts = summary_counts  # entries and notes of a summary; None for the synthesis


def run(args) -> int:
    if args.synthese and args.format == "json":
        raise CommandFailure(t("export_cli.synthese_formats"), EXIT_USAGE)
    key = encrypted_export.checked_key(args)
    with open_store(args, create=False) as store:
        if key == encrypted_export.CONFIRMED_KEY:
            key = encrypted_export.confirmed_key(store)
        exercises = journal_catalogue(store)
        written = _write(args, store, exercises, key)
        if written.summary_counts is not None:
            count_written_export(store)
    if written.target is None:
        return EXIT_OK
    if key is not None:
        encrypted_export.report_written(written.target, key)
        return EXIT_OK
    if written.summary_counts is None:
        say(t("export_cli.synthese_written", path=inert_line(str(written.target))))
    else:
        entries, notes = written.summary_counts
        say(t("cli.export.written", path=inert_line(str(written.target)), entries=entries, notes=notes))
    return EXIT_OK


def _write(args, store, exercises, key) -> _Written:
    """Build, render and write the document; returning drops it before the journal is saved (peak memory)."""
    if args.synthese:
        from journal.core.export.synthese_document import build_synthese, synthese_html, synthese_markdown

        document = build_synthese(store, exercises)
        text = synthese_html(document) if args.format == "html" else synthese_markdown(document)
        name = f"synthese-{document.created_at:%Y-%m-%d}.{FORMATS[args.format][1]}"
        counts = None
    else:
        summary = build_summary(store, exercises, _options(args, exercises))
        text = render(summary, args.format)
        name = default_file_name(summary, args.format)
        counts = (summary.entry_count, len(summary.notes))
    if args.output == STANDARD_OUTPUT:
        sys.stdout.write(text)
        return _Written(None, counts)
    target = Path(args.output) if args.output else Path.cwd() / name
    if target.is_dir():
        target = target / name
    if key is not None:
        target = encrypted_export.encrypted_target(target)
    check_target(target, store.data_dir)
    may_overwrite(target, args.force)
    if key is None and counts is not None:
        encrypted_export.warn_clear_copies()  # before: the worker may still stop and export it encrypted
    if key is not None:
        encrypted_export.write(target, text, key, store.data_dir)
        return _Written(target, counts)
    try:
        write_export(target, text, store.data_dir)
    except OSError as error:
        raise CommandFailure(describe("write", target, error)) from error
    return _Written(target, counts)
