"""Building an assignment from what the conseiller asked (flags or interactive answers), checked like an import.

Every refusal is one line naming the problem and the fix (``AssignRefused``).
The file built is read back with the importer's own checks before it is
written, so a conseiller can never send a file the worker cannot import.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

from journal.core.assignments import limits
from journal.core.assignments.dates import BadDate, parse_day, parse_moment, parse_window
from journal.core.assignments.dossiers import ConseillerDossiers
from journal.core.assignments.model import AssignedExercise, Assignment, CustomExerciseFile
from journal.core.assignments.reader import AssignmentError, clean_text, parse_assignment
from journal.core.assignments.writer import assignment_toml
from journal.core.catalogue import Catalogue
from journal.core.catalogue.validation import validate_file
from journal.core.storage.disk_errors import os_reason
from journal.i18n import t

FOLLOW_UP_EXERCISE = "point-de-suivi"


class AssignRefused(ValueError):
    """What the conseiller asked cannot make a valid assignment (one line)."""


@dataclass
class AssignRequest:
    beneficiaire: str
    conseiller: str
    exercises: list[str] = field(default_factory=list)
    custom_files: list[Path] = field(default_factory=list)
    due: str | None = None
    appointment: str | None = None
    message: str = ""
    dossier: str | None = None
    synthese_file: Path | None = None
    suivi: bool = False
    key: str | None = None
    withdrawn: list[str] = field(default_factory=list)


def _name(value: str, what: str) -> str:
    value = (value or "").strip()
    if not value:
        raise AssignRefused(t("assign_cli.missing_name", what=what))
    reason = clean_text(value, one_line=True)
    if reason or len(value) > limits.MAX_NAME:
        raise AssignRefused(t("assign_cli.bad_name", what=what, reason=reason or t("assign_check.too_long", limit=limits.MAX_NAME)))
    return value


def _read_text(path: Path, limit: int, what: str) -> str:
    try:
        with open(path, "rb") as stream:
            data = stream.read(limit * 4 + 1)
        text = data.decode("utf-8")
    except OSError as error:
        raise AssignRefused(t("assign_cli.cannot_read", path=path, what=what, error=os_reason(error))) from error
    except UnicodeDecodeError as error:
        raise AssignRefused(t("assign_cli.not_utf8", path=path, what=what)) from error
    if len(text) > limit:
        raise AssignRefused(t("assign_cli.too_long", path=path, what=what, limit=limit))
    text = text.replace("\r\n", "\n")
    reason = clean_text(text, one_line=False)
    if reason:
        raise AssignRefused(t("assign_cli.hostile_file", path=path, what=what, reason=reason))
    return text


def custom_exercise(path: Path, catalogue: Catalogue) -> CustomExerciseFile:
    """A custom exercise file, checked as ``bilan exercises validate`` does (one language allowed)."""
    exercise, problems = validate_file(path, bilingual=False)
    if problems:
        raise AssignRefused(str(problems[0]))
    if catalogue.get(exercise.id) is not None:
        raise AssignRefused(f"{path}: id: " + t("assign_check.builtin_id", id=exercise.id) + " — " + t("assign_check.fix_builtin_id", id=exercise.id))
    source = _read_text(path, limits.MAX_CUSTOM_SOURCE, t("assign_cli.what_custom"))
    return CustomExerciseFile(path.name, source, exercise.id)


def _future_day(text: str, today: date) -> date:
    try:
        day = parse_day(text)
    except BadDate as error:
        raise AssignRefused(str(error)) from error
    if day < today:
        raise AssignRefused(t("assign_cli.past_date", value=text.strip()))
    return day


def build_assignment(
    request: AssignRequest, catalogue: Catalogue, dossiers: ConseillerDossiers, *, moment: datetime | None = None
) -> Assignment:
    moment = moment or datetime.now().astimezone().replace(microsecond=0)
    today = moment.date()
    beneficiaire = _name(request.beneficiaire, t("assign_cli.what_worker"))
    conseiller = _name(request.conseiller, t("assign_cli.what_conseiller"))
    custom = [custom_exercise(Path(path), catalogue) for path in request.custom_files]
    custom_ids = [item.exercise_id for item in custom]
    if len(set(custom_ids)) != len(custom_ids):
        raise AssignRefused(t("assign_cli.custom_twice"))
    known = {exercise.id for exercise in catalogue.exercises} | set(custom_ids)
    wanted = list(dict.fromkeys([*request.exercises, *custom_ids]))
    if request.suivi and FOLLOW_UP_EXERCISE not in wanted:
        wanted.insert(0, FOLLOW_UP_EXERCISE)
    for identifier in wanted:
        if identifier not in known:
            raise AssignRefused(t("assign_cli.unknown_exercise", id=identifier))
    if request.suivi and request.due:
        raise AssignRefused(t("assign_cli.no_due_in_follow_up"))
    due = _future_day(request.due, today) if request.due else None
    if wanted and due is None and not request.suivi:
        raise AssignRefused(t("assign_cli.due_needed"))
    appointment, window = None, None
    if request.appointment:
        try:
            if ".." in request.appointment:
                if not request.suivi:
                    raise AssignRefused(t("assign_cli.window_only_follow_up"))
                window = parse_window(request.appointment)
            else:
                appointment = parse_moment(request.appointment)
        except BadDate as error:
            raise AssignRefused(str(error)) from error
        if (appointment and appointment < moment) or (window and window[1] < today):
            raise AssignRefused(t("assign_cli.past_date", value=request.appointment.strip()))
    message = request.message.replace("\r\n", "\n").strip()
    reason = clean_text(message, one_line=False)
    if reason or len(message) > limits.MAX_MESSAGE:
        raise AssignRefused(t("assign_cli.bad_message", reason=reason or t("assign_check.too_long", limit=limits.MAX_MESSAGE)))
    synthese = _read_text(request.synthese_file, limits.MAX_SYNTHESIS, t("assign_cli.what_synthese")) if request.synthese_file else ""
    key = (request.key or "").strip() or None
    if key and not limits.AGE_PUBLIC_KEY.match(key):
        raise AssignRefused(t("assign_check.bad_key") + " — " + t("assign_check.fix_key"))
    if request.dossier and not limits.DOSSIER.match(request.dossier):
        raise AssignRefused(t("assign_check.bad_dossier") + " — " + t("assign_check.fix_dossier"))
    if not (wanted or synthese or appointment or window or message or request.withdrawn):
        raise AssignRefused(t("assign_cli.nothing_to_assign"))
    dossier = dossiers.choose(beneficiaire, conseiller, request.dossier)
    assignment = Assignment(
        dossier=dossier,
        sequence=dossiers.next_sequence(dossier),
        conseiller=conseiller,
        beneficiaire=beneficiaire,
        created_at=moment,
        message=message,
        key=key,
        appointment=appointment,
        window=window,
        suivi=request.suivi,
        exercises=tuple(AssignedExercise(identifier, due) for identifier in wanted),
        withdrawn=tuple(dict.fromkeys(request.withdrawn)),
        custom=tuple(custom),
        synthese=synthese,
    )
    try:
        parse_assignment(assignment_toml(assignment).encode("utf-8"), Path("assignment.toml"), catalogue)
    except AssignmentError as error:
        raise AssignRefused(str(error)) from error
    return assignment
