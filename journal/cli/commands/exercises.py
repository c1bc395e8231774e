"""``bilan exercises list|validate``: the catalogue, and checking custom exercise files."""

from __future__ import annotations

from pathlib import Path

from journal.cli.context import EXIT_OK, EXIT_USAGE, catalogue, fail, say
from journal.core.catalogue import validate_file
from journal.core.text_safety import inert_json
from journal.i18n import current_language, t


def register(subparsers) -> None:
    parser = subparsers.add_parser("exercises", help=t("cli.exercises.help"), description=t("cli.exercises.description"))
    actions = parser.add_subparsers(dest="action", metavar=t("cli.action_metavar"), required=True, prog=parser.prog)
    listing = actions.add_parser("list", help=t("cli.exercises.list_help"), description=t("cli.exercises.list_help"))
    listing.add_argument("--json", action="store_true", help=t("cli.exercises.json_help"))
    listing.set_defaults(run=run_list)
    validate = actions.add_parser("validate", help=t("cli.exercises.validate_help"), description=t("cli.exercises.validate_help"))
    validate.add_argument("files", nargs="+", type=Path, metavar=t("cli.exercises.file_metavar"))
    validate.set_defaults(run=run_validate)


def run_list(args) -> int:
    exercises = catalogue().exercises
    if args.json:
        lang = current_language()
        rows = [
            {
                "id": e.id,
                "phase": e.phase.value,
                "title": e.title.in_language(lang),
                "summary": e.summary.in_language(lang),
                "duration_minutes": e.duration_minutes,
                "repeatable": e.repeatable,
                "depth": e.depth.value,
                "prompts": len(e.prompts),
            }
            for e in exercises
        ]
        print(inert_json(rows, indent=2))
        return EXIT_OK
    current = None
    for exercise in exercises:
        if exercise.phase != current:
            current = exercise.phase
            if exercise is not exercises[0]:
                say()
            say(t("cli.exercises.phase_line", number=current.number, name=t(f"phases.{current.value}")))
        depth = "" if exercise.essential else t("cli.exercises.approach_mark")
        say(t("cli.exercises.line", id=exercise.id, title=exercise.title, minutes=exercise.duration_minutes, depth=depth))
    return EXIT_OK


def run_validate(args) -> int:
    failed = 0
    for path in args.files:
        _, problems = validate_file(path, bilingual=False)
        if problems:
            failed += 1
            for problem in problems:
                fail(str(problem))
        else:
            say(t("cli.exercises.valid", path=path))
    return EXIT_USAGE if failed else EXIT_OK
