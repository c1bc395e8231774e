"""``bilan assign``: the conseiller writes an assignment file (by flags, or interactively in a terminal)."""

from __future__ import annotations

import sys
from pathlib import Path

from journal.cli.context import EXIT_OK, EXIT_USAGE, CommandFailure, catalogue, interactive, say
from journal.core.assignments.building import AssignRefused, AssignRequest, build_assignment
from journal.core.assignments.dossiers import ConseillerDossiers
from journal.cli.overwrite import may_overwrite
from journal.core.storage.disk_errors import describe
from journal.core.assignments.writer import write_assignment
from journal.core.text_safety import inert_line
from journal.i18n import t

FLAGS = ("exercise", "custom", "due", "appointment", "message", "beneficiaire", "conseiller", "dossier", "synthese", "key", "withdraw", "output")


def register(subparsers) -> None:
    parser = subparsers.add_parser("assign", help=t("assign_cli.help"), description=t("assign_cli.description"), epilog=t("assign_cli.epilog"))
    parser.add_argument("--exercise", nargs="+", default=[], metavar="ID", help=t("assign_cli.exercise_help"))
    parser.add_argument("--custom", nargs="+", default=[], type=Path, metavar=t("assign_cli.file_metavar"), help=t("assign_cli.custom_help"))
    parser.add_argument("--due", metavar=t("assign_cli.date_metavar"), help=t("assign_cli.due_help"))
    parser.add_argument("--appointment", metavar=t("assign_cli.moment_metavar"), help=t("assign_cli.appointment_help"))
    parser.add_argument("--message", default="", metavar=t("assign_cli.text_metavar"), help=t("assign_cli.message_help"))
    parser.add_argument("--for", dest="beneficiaire", metavar=t("assign_cli.name_metavar"), help=t("assign_cli.for_help"))
    parser.add_argument("--from", dest="conseiller", metavar=t("assign_cli.name_metavar"), help=t("assign_cli.from_help"))
    parser.add_argument("--dossier", metavar="REF", help=t("assign_cli.dossier_help"))
    parser.add_argument("--synthese", type=Path, metavar=t("assign_cli.md_metavar"), help=t("assign_cli.synthese_help"))
    parser.add_argument("--suivi", action="store_true", help=t("assign_cli.suivi_help"))
    parser.add_argument("--key", metavar="AGE_PUBLIC_KEY", help=t("assign_cli.key_help"))
    parser.add_argument("--withdraw", nargs="+", default=[], metavar="ID", help=t("assign_cli.withdraw_help"))
    parser.add_argument("-o", "--output", type=Path, metavar=t("assign_cli.file_metavar"), help=t("assign_cli.output_help"))
    parser.add_argument("--force", action="store_true", help=t("export_cli.force_help"))
    parser.set_defaults(run=run)


def _no_flags(args) -> bool:
    return not any(getattr(args, name, None) for name in FLAGS) and not args.suivi


def run(args) -> int:
    exercises = catalogue()
    dossiers = ConseillerDossiers()
    if _no_flags(args):
        if not interactive():
            raise CommandFailure(t("assign_cli.flags_needed"), EXIT_USAGE)
        from journal.cli.assign_prompts import ask_request

        request, output = ask_request(exercises, dossiers)
    else:
        missing = [flag for flag, value in (("--for", args.beneficiaire), ("--from", args.conseiller), ("-o", args.output)) if not value]
        if missing:
            raise CommandFailure(t("assign_cli.missing_flags", flags=", ".join(missing)), EXIT_USAGE)
        request = AssignRequest(
            beneficiaire=args.beneficiaire,
            conseiller=args.conseiller,
            exercises=list(args.exercise),
            custom_files=list(args.custom),
            due=args.due,
            appointment=args.appointment,
            message=args.message,
            dossier=args.dossier,
            synthese_file=args.synthese,
            suivi=args.suivi,
            key=args.key,
            withdrawn=list(args.withdraw),
        )
        output = args.output
    try:
        assignment = build_assignment(request, exercises, dossiers)
    except AssignRefused as refused:
        raise CommandFailure(str(refused), EXIT_USAGE) from refused
    if output.is_dir():
        output = output / f"travail-{assignment.dossier}-{assignment.sequence}.toml"
    may_overwrite(output, args.force)
    try:
        write_assignment(output, assignment)
    except OSError as error:
        raise CommandFailure(describe("write", inert_line(str(output)), error)) from error
    dossiers.record(assignment.dossier, assignment.beneficiaire, assignment.conseiller, assignment.sequence)
    say(inert_line(t(
        "assign_cli.written",
        path=output,
        dossier=assignment.dossier,
        sequence=assignment.sequence,
        name=assignment.beneficiaire,
        count=len(assignment.exercises),
    )))
    sys.stdout.flush()
    return EXIT_OK
