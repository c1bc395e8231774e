"""Reads and checks an assignment file: every field typed and bounded, problems that name the fix.

The file is hostile until checked: its size, encoding, nesting, each field's
type and length, control characters and markup in names are checked before
anything is used. Custom exercises it carries are checked like ``bilan
exercises validate`` does (one language allowed) and must not reuse a
built-in exercise's id.
"""

from __future__ import annotations

import tomllib
from datetime import date, datetime
from pathlib import Path
from typing import Any

from journal.core.assignments import limits
from journal.core.assignments.model import FORMAT_VERSION, KIND, AssignedExercise, Assignment, CustomExerciseFile
from journal.core.catalogue import Catalogue, Problem
from journal.core.catalogue.validation import IDENTIFIER, validate_source
from journal.core.text_safety import is_inert
from journal.core.toml_errors import toml_refusal
from journal.core.storage.disk_errors import os_reason
from journal.i18n import t

TOP_LEVEL_KEYS = {
    "format", "kind", "dossier", "sequence", "created_at", "conseiller", "beneficiaire", "key",
    "message", "suivi", "appointment", "exercises", "withdrawn", "custom", "synthese",
}


class AssignmentError(Exception):
    """An assignment file that cannot be used; ``problems`` lists every problem, the first one is the message."""

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        super().__init__(str(problems[0]) if problems else "")


def read_assignment(path: Path, catalogue: Catalogue) -> Assignment:
    """The checked assignment in ``path`` (raises ``AssignmentError``)."""
    path = Path(path)
    try:
        with open(path, "rb") as stream:
            data = stream.read(limits.MAX_FILE_BYTES + 1)
    except FileNotFoundError as error:
        raise _error(path, t("validation.whole_file"), "assign_check.no_file", "assign_check.fix_no_file") from error
    except IsADirectoryError as error:
        raise _error(path, t("validation.whole_file"), "assign_check.is_folder", "assign_check.fix_no_file") from error
    except OSError as error:
        raise _error(path, t("validation.whole_file"), "assign_check.unreadable", "assign_check.fix_no_file", error=os_reason(error)) from error
    return parse_assignment(data, path, catalogue)


def parse_assignment(data: bytes, path: Path, catalogue: Catalogue) -> Assignment:
    whole = t("validation.whole_file")
    if len(data) > limits.MAX_FILE_BYTES:
        raise _error(path, whole, "assign_check.too_big", "assign_check.fix_too_big", limit=limits.MAX_FILE_BYTES // 1000)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        raise _error(path, whole, "assign_check.not_utf8", "assign_check.fix_not_utf8") from error
    try:
        raw = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise _error(path, whole, "assign_check.not_toml", "assign_check.fix_not_toml", error=toml_refusal(error)) from error
    except RecursionError as error:
        raise _error(path, whole, "assign_check.too_deep", "assign_check.fix_too_deep") from error
    checker = _Checker(path, catalogue)
    assignment = checker.assignment(raw)
    if checker.problems:
        raise AssignmentError(checker.problems)
    return assignment


def _error(path: Path, where: str, message_key: str, fix_key: str, **values: Any) -> AssignmentError:
    return AssignmentError([Problem(path, where, t(message_key, **values), t(fix_key, **values))])


def clean_text(value: str, *, one_line: bool) -> str | None:
    """Why a text from a file cannot be used (control characters, markup in a name), or None."""
    if not is_inert(value) or (one_line and ("\n" in value or "\t" in value)):
        return t("assign_check.control_characters")
    if one_line and any(character in limits.MARKUP_CHARACTERS for character in value):
        return t("assign_check.markup")
    return None


class _Checker:
    def __init__(self, path: Path, catalogue: Catalogue):
        self.path = path
        self.catalogue = catalogue
        self.problems: list[Problem] = []

    def report(self, where: str, message_key: str, fix_key: str, **values: Any) -> None:
        self.problems.append(Problem(self.path, where, t(message_key, **values), t(fix_key, **values)))

    # -- typed fields --------------------------------------------------------

    def text(self, table: dict, key: str, where: str, *, limit: int, one_line: bool, required: bool) -> str:
        place = f"{where}{key}"
        value = table.get(key)
        if value is None:
            if required:
                self.report(place, "assign_check.missing", "assign_check.fix_text", key=key)
            return ""
        if not isinstance(value, str):
            self.report(place, "assign_check.not_text", "assign_check.fix_text", key=key)
            return ""
        value = value.replace("\r\n", "\n")
        if required and not value.strip():
            self.report(place, "assign_check.empty", "assign_check.fix_text", key=key)
        if len(value) > limit:
            self.report(place, "assign_check.too_long", "assign_check.fix_too_long", limit=limit)
            return ""
        reason = clean_text(value, one_line=one_line)
        if reason:
            self.report(place, "assign_check.hostile", "assign_check.fix_hostile", reason=reason)
            return ""
        return value.strip() if one_line else value

    def integer(self, table: dict, key: str, low: int, high: int) -> int:
        value = table.get(key)
        if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
            self.report(key, "assign_check.bad_integer", "assign_check.fix_integer", key=key, low=low, high=high)
            return low
        return value

    def moment(self, table: dict, key: str, where: str, *, required: bool) -> datetime | None:
        value = table.get(key)
        if value is None and not required:
            return None
        if not isinstance(value, datetime) or value.tzinfo is None:
            self.report(f"{where}{key}", "assign_check.bad_moment", "assign_check.fix_moment", key=key)
            return None
        return value

    def day(self, table: dict, key: str, where: str) -> date | None:
        value = table.get(key)
        if value is None:
            return None
        if isinstance(value, datetime) or not isinstance(value, date):
            self.report(f"{where}{key}", "assign_check.bad_date", "assign_check.fix_date", key=key)
            return None
        return value

    def tables(self, raw: dict, key: str, limit: int) -> list[dict]:
        value = raw.get(key, [])
        if not isinstance(value, list) or not all(isinstance(item, dict) for item in value):
            self.report(key, "assign_check.not_tables", "assign_check.fix_tables", key=key)
            return []
        if len(value) > limit:
            self.report(key, "assign_check.too_many", "assign_check.fix_too_many", limit=limit)
            return []
        return value

    def keys(self, table: dict, known: set[str], where: str) -> None:
        for key in sorted(set(table) - known, key=str):
            self.report(f"{where}{key}", "assign_check.unknown_key", "assign_check.fix_unknown_key", key=key, known=", ".join(sorted(known)))

    # -- the file ------------------------------------------------------------

    def assignment(self, raw: dict) -> Assignment:
        self.keys(raw, TOP_LEVEL_KEYS, "")
        if raw.get("kind") != KIND:
            self.report("kind", "assign_check.bad_kind", "assign_check.fix_kind", expected=KIND)
        if isinstance(raw.get("format"), bool) or raw.get("format") != FORMAT_VERSION:
            self.report("format", "assign_check.bad_format", "assign_check.fix_format", expected=FORMAT_VERSION)
        dossier = self.text(raw, "dossier", "", limit=64, one_line=True, required=True)
        if dossier and not limits.DOSSIER.match(dossier):
            self.report("dossier", "assign_check.bad_dossier", "assign_check.fix_dossier")
        key = self.text(raw, "key", "", limit=100, one_line=True, required=False) or None
        if key and not limits.AGE_PUBLIC_KEY.match(key):
            self.report("key", "assign_check.bad_key", "assign_check.fix_key")
        suivi = raw.get("suivi", False)
        if not isinstance(suivi, bool):
            self.report("suivi", "assign_check.bad_boolean", "assign_check.fix_boolean", key="suivi")
            suivi = False
        custom = self.custom(raw)
        known = {exercise.id for exercise in self.catalogue.exercises} | {item.exercise_id for item in custom}
        appointment, window = self.appointment(raw)
        return Assignment(
            dossier=dossier,
            sequence=self.integer(raw, "sequence", 1, limits.MAX_SEQUENCE),
            conseiller=self.text(raw, "conseiller", "", limit=limits.MAX_NAME, one_line=True, required=True),
            beneficiaire=self.text(raw, "beneficiaire", "", limit=limits.MAX_NAME, one_line=True, required=True),
            created_at=self.moment(raw, "created_at", "", required=True) or datetime.now().astimezone(),
            message=self.text(raw, "message", "", limit=limits.MAX_MESSAGE, one_line=False, required=False),
            key=key,
            appointment=appointment,
            window=window,
            suivi=suivi,
            exercises=self.exercises(raw, known),
            withdrawn=self.withdrawn(raw),
            custom=custom,
            synthese=self.synthese(raw),
        )

    def appointment(self, raw: dict) -> tuple[datetime | None, tuple[date, date] | None]:
        table = raw.get("appointment")
        if table is None:
            return None, None
        if not isinstance(table, dict):
            self.report("appointment", "assign_check.not_table", "assign_check.fix_appointment")
            return None, None
        self.keys(table, {"at", "from", "to"}, "appointment.")
        at = self.moment(table, "at", "appointment.", required=False)
        start, end = self.day(table, "from", "appointment."), self.day(table, "to", "appointment.")
        if at is None and ("from" in table) != ("to" in table):
            self.report("appointment", "assign_check.half_window", "assign_check.fix_appointment")
        if start and end and not 0 <= (end - start).days <= limits.MAX_WINDOW_DAYS:
            self.report("appointment.to", "assign_check.bad_window", "assign_check.fix_window", limit=limits.MAX_WINDOW_DAYS)
            return at, None
        return at, (start, end) if start and end else None

    def exercises(self, raw: dict, known: set[str]) -> tuple[AssignedExercise, ...]:
        built: list[AssignedExercise] = []
        for index, table in enumerate(self.tables(raw, "exercises", limits.MAX_EXERCISES)):
            where = f"exercises[{index}]."
            self.keys(table, {"id", "due"}, where)
            identifier = table.get("id")
            if not isinstance(identifier, str) or not IDENTIFIER.match(identifier) or len(identifier) > 80:
                self.report(f"{where}id", "assign_check.bad_id", "assign_check.fix_id")
                continue
            if identifier not in known:
                self.report(f"{where}id", "assign_check.unknown_exercise", "assign_check.fix_unknown_exercise", id=identifier)
                continue
            if any(item.id == identifier for item in built):
                self.report(f"{where}id", "assign_check.duplicate_exercise", "assign_check.fix_duplicate_exercise", id=identifier)
                continue
            built.append(AssignedExercise(identifier, self.day(table, "due", where)))
        return tuple(built)

    def withdrawn(self, raw: dict) -> tuple[str, ...]:
        value = raw.get("withdrawn", [])
        if (
            not isinstance(value, list)
            or len(value) > limits.MAX_EXERCISES
            or not all(isinstance(item, str) and IDENTIFIER.match(item) and len(item) <= 80 for item in value)
        ):
            self.report("withdrawn", "assign_check.bad_withdrawn", "assign_check.fix_withdrawn", limit=limits.MAX_EXERCISES)
            return ()
        return tuple(dict.fromkeys(value))

    def custom(self, raw: dict) -> tuple[CustomExerciseFile, ...]:
        built: list[CustomExerciseFile] = []
        builtin = {exercise.id for exercise in self.catalogue.exercises}
        for index, table in enumerate(self.tables(raw, "custom", limits.MAX_CUSTOM)):
            where = f"custom[{index}]."
            self.keys(table, {"file", "source"}, where)
            name = self.text(table, "file", where, limit=limits.MAX_FILE_NAME, one_line=True, required=True)
            source = self.text(table, "source", where, limit=limits.MAX_CUSTOM_SOURCE, one_line=False, required=True)
            if not source:
                continue
            exercise, problems = validate_source(source, Path(f"{self.path} › {where}source ({name})"))
            if problems:
                self.problems.extend(problems)
                continue
            if exercise.id in builtin:
                self.report(f"{where}source", "assign_check.builtin_id", "assign_check.fix_builtin_id", id=exercise.id)
                continue
            if any(item.exercise_id == exercise.id for item in built):
                self.report(f"{where}source", "assign_check.duplicate_exercise", "assign_check.fix_duplicate_exercise", id=exercise.id)
                continue
            self.references(exercise, builtin, f"{where}source")
            built.append(CustomExerciseFile(name, source, exercise.id))
        return tuple(built)

    def references(self, exercise, builtin: set[str], where: str) -> None:
        """Pre-fill may only point at built-in exercises (a custom one may be gone later)."""
        for prompt in exercise.prompts:
            for reference in prompt.prefill:
                if reference.partition("/")[0] not in builtin or self.catalogue.resolve(reference) is None:
                    self.report(where, "validation.unknown_reference", "validation.fix_reference", value=reference)

    def synthese(self, raw: dict) -> str:
        table = raw.get("synthese")
        if table is None:
            return ""
        if not isinstance(table, dict):
            self.report("synthese", "assign_check.not_table", "assign_check.fix_synthese")
            return ""
        self.keys(table, {"text"}, "synthese.")
        return self.text(table, "text", "synthese.", limit=limits.MAX_SYNTHESIS, one_line=False, required=True)
