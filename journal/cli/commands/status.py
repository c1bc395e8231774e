"""``bilan status [--json]``: progress per phase, the next step, the next appointment, and warnings."""

from __future__ import annotations

import json

from journal.cli.context import EXIT_OK, journal_catalogue, open_store
from journal.core.profile import conseiller_name
from journal.core.progress import NextStep, assigned_exercises, next_appointment, next_step, progress
from journal.core.store import now
from journal.core.progress_text import moment_text, next_step_reason, next_step_title, progress_lines
from journal.core.status_warnings import status_warnings
from journal.core.text_safety import inert_line
from journal.i18n import t


def register(subparsers) -> None:
    parser = subparsers.add_parser("status", help=t("worker.status.help"), description=t("worker.status.description"))
    parser.add_argument("--json", action="store_true", help=t("cli.exercises.json_help"))
    parser.set_defaults(run=run)


def run(args) -> int:
    with open_store(args, create=False) as store:
        # The conseiller's own exercises count too, as on the home screen.
        exercises = journal_catalogue(store)
        summary = progress(exercises, store)
        step = next_step(exercises, store, assigned_exercises(store))
        conseiller = conseiller_name(store)
        appointment = next_appointment(store, now())
        warnings = status_warnings(store)
    if args.json:
        print(json.dumps(_as_json(summary, step, conseiller, appointment, warnings), ensure_ascii=False, indent=2))
        return EXIT_OK
    print("\n".join(progress_lines(summary)))
    print()
    if step is None:
        print(next_step_title(step))
        print("  " + next_step_reason(step))
    else:
        print(t("worker.status.next_step", title=inert_line(str(step.exercise.title))))
        print("  " + next_step_reason(step))
        print("  " + t("worker.status.open_hint"))
    if appointment is not None:
        when = moment_text(appointment)
        if conseiller:
            print(t("worker.status.appointment_with", date=when, name=inert_line(conseiller)))
        else:
            print(t("worker.status.appointment", date=when))
    for warning in warnings:
        print(t("worker.status.warning", text=warning))
    return EXIT_OK


def _as_json(summary, step: NextStep | None, conseiller: str, appointment, warnings: list[str]) -> dict:
    return {
        "done": summary.done,
        "total": summary.total,
        "minutes_left": summary.minutes_left,
        "essential_minutes_left": summary.essential_minutes_left,
        "phases": [
            {
                "phase": phase.phase.value,
                "done": phase.done,
                "total": phase.total,
                "minutes_total": phase.minutes_total,
                "minutes_left": phase.minutes_left,
                "essential_minutes_left": phase.essential_minutes_left,
            }
            for phase in summary.phases
        ],
        "next_step": None
        if step is None
        else {
            "exercise": step.exercise.id,
            "title": str(step.exercise.title),
            "instance": step.instance,
            "reason": step.reason,
            "proposed": step.proposed.isoformat() if step.proposed else None,
        },
        "next_appointment": appointment.isoformat(timespec="minutes") if appointment else None,
        "conseiller": conseiller or None,
        "warnings": warnings,
    }
