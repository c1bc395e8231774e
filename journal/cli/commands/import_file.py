"""``bilan import FILE``: add an assignment from the conseiller, or restore / merge a dump of the journal."""

from __future__ import annotations

from pathlib import Path

from journal.cli.context import EXIT_OK, EXIT_USAGE, CommandFailure, catalogue, interactive, open_store, say
from journal.core.assignments.importing import BilanChoiceNeeded, import_assignment
from journal.core.assignments.limits import MAX_FILE_BYTES
from journal.core.assignments.reader import AssignmentError, parse_assignment
from journal.core.dump import MAX_DUMP_BYTES, DumpError, looks_like_dump, parse_dump
from journal.core.text_safety import inert_line
from journal.core.storage.disk_errors import os_reason
from journal.i18n import t


def register(subparsers) -> None:
    parser = subparsers.add_parser("import", help=t("import_cli.help"), description=t("import_cli.description"))
    parser.add_argument("file", type=Path, metavar=t("import_cli.file_metavar"))
    parser.add_argument("--yes", action="store_true", help=t("import_cli.yes_help"))
    choice = parser.add_mutually_exclusive_group()
    choice.add_argument("--same-bilan", dest="same_bilan", action="store_const", const=True, help=t("import_cli.same_help"))
    choice.add_argument("--new-bilan", dest="same_bilan", action="store_const", const=False, help=t("import_cli.new_help"))
    parser.set_defaults(run=run, same_bilan=None)


def _read(path: Path) -> bytes:
    try:
        with open(path, "rb") as stream:
            return stream.read(max(MAX_FILE_BYTES, MAX_DUMP_BYTES) + 1)
    except FileNotFoundError as error:
        raise CommandFailure(t("import_cli.no_file", path=inert_line(str(path))), EXIT_USAGE) from error
    except OSError as error:
        raise CommandFailure(t("import_cli.unreadable", path=inert_line(str(path)), error=os_reason(error)), EXIT_USAGE) from error


def run(args) -> int:
    data = _read(args.file)
    if looks_like_dump(data):
        return _dump(args, data)
    return _assignment(args, data)


def _ask(question: str, choices: list[tuple[str, object]]):
    import questionary

    from journal.cli.prompts import select

    answer = select(question, [questionary.Choice(label, value) for label, value in choices])
    if answer is None:
        raise CommandFailure(t("import_cli.cancelled"))
    return answer


def _assignment(args, data: bytes) -> int:
    exercises = catalogue()
    try:
        assignment = parse_assignment(data, args.file, exercises)
    except AssignmentError as error:
        raise CommandFailure(inert_line(str(error)), EXIT_USAGE) from error
    with open_store(args) as store:
        try:
            result = import_assignment(store, assignment, same_bilan=args.same_bilan)
        except BilanChoiceNeeded as needed:
            current = needed.current
            if not interactive():
                raise CommandFailure(inert_line(t(
                    "import_cli.choice_needed", conseiller=assignment.conseiller, dossier=assignment.dossier, current=current.conseiller,
                ))) from needed
            same = _ask(
                inert_line(t("import_cli.same_or_new", conseiller=assignment.conseiller, dossier=assignment.dossier, current=current.conseiller)),
                [(t("bilan_choice.same"), True), (t("bilan_choice.new"), False)],
            )
            result = import_assignment(store, assignment, same_bilan=same)
        several = len(store.bilans.all()) > 1
    if not result.added:
        say(t("import_cli.already"))
    elif result.superseded:
        say(t("import_cli.older", sequence=assignment.sequence, dossier=assignment.dossier))
    else:
        say(inert_line(t("import_cli.added", conseiller=assignment.conseiller, count=len(assignment.exercises), dossier=assignment.dossier)))
        if result.new_bilan and several:
            say(t("import_cli.new_bilan_started"))
        if result.bilan.key_to_confirm:
            say(t("import_cli.key_waiting"))
    return EXIT_OK


def _dump(args, data: bytes) -> int:
    try:
        tables = parse_dump(data, args.file)
    except DumpError as error:
        raise CommandFailure(inert_line(str(error)), EXIT_USAGE) from error
    with open_store(args) as store:
        if store.transfer.is_empty():
            store.transfer.restore(tables)
            say(t("import_cli.restored", path=inert_line(str(store.data_dir))))
            return EXIT_OK
        if not args.yes:
            if not interactive():
                raise CommandFailure(t("import_cli.confirm_merge"))
            if not _ask(t("import_cli.merge_question"), [(t("import_cli.merge_yes"), True), (t("import_cli.merge_no"), False)]):
                raise CommandFailure(t("import_cli.cancelled"))
        report = store.transfer.merge(tables)
    say(t("import_cli.merged", count=report.total) if report.total else t("import_cli.merged_nothing"))
    return EXIT_OK
