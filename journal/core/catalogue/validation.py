"""Checks one exercise file and builds the Exercise it describes.

Every problem names the file, the field (``prompts[2].options``) or the TOML
line, what is wrong, and how to fix it. Checking goes on after a problem so an
author sees them all at once.
"""

from __future__ import annotations

import math
import os
import re
import stat
from collections.abc import Callable
from pathlib import Path
from typing import Any

from journal.core.catalogue.problem import Problem
from journal.core.help_pages import HELP_PAGES
from journal.core.models import (
    Depth,
    Dimension,
    Exercise,
    Field,
    Item,
    LocalText,
    Option,
    Phase,
    Prompt,
    PromptKind,
    Resource,
)
from journal.core.models.prompt import FIELD_KINDS
from journal.core.text_safety import inert_line
from journal.core.storage.disk_errors import os_reason
from journal.i18n import t

FORMAT_VERSION = 1
IDENTIFIER = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
PICK_SOURCES = ("rome", "esco")
SCALE_POINTS = 5
CHOICE_KINDS = {PromptKind.CHOICE, PromptKind.MULTI_CHOICE, PromptKind.RANKING}
# An exercise file is a few tens of kilobytes; anything far larger is not one, and is not read whole.
MAX_FILE_BYTES = 1 << 20
SHOWN_CHARACTERS = 60
MAX_SHOWN_KEY = 300
# Optional texts left out are many (hundreds per start): one shared empty text (LocalText is frozen).
_NO_TEXT = LocalText.empty()
_ANY_KIND = frozenset(PromptKind)
TOP_LEVEL_KEYS = {
    "format", "id", "phase", "order", "duration_minutes", "repeatable", "title", "summary",
    "why", "how", "bring", "resources", "prompts", "depth", "pages",
}


class _Shown:
    """A value from the file as a problem line shows it: short, whatever its type or size."""

    __slots__ = ("value",)

    def __init__(self, value: Any):
        self.value = value

    def __repr__(self) -> str:
        value = self.value
        if isinstance(value, str):
            return repr(value[:SHOWN_CHARACTERS] + ("…" if len(value) > SHOWN_CHARACTERS else ""))
        if isinstance(value, bool) or value is None or isinstance(value, float):
            return repr(value)
        if isinstance(value, int):
            if abs(value) < 10**20:
                return repr(value)
            digits = math.floor(value.bit_length() * math.log10(2)) + 1  # without int → str, refused past 4,300 digits
            digits -= 10 ** (digits - 1) > abs(value)
            return t("validation_limits.long_number", digits=digits)
        if isinstance(value, list):
            return t("validation_limits.an_array")
        if isinstance(value, dict):
            return t("validation_limits.a_table")
        return t("validation_limits.a_date")

    __str__ = __repr__


class _Checker:
    def __init__(self, path: Path, bilingual: bool = True):
        self.path = path
        self.bilingual = bilingual
        self.problems: list[Problem] = []

    def report(self, where: str, message_key: str, fix_key: str = "", **values: Any) -> None:
        """Add a problem; keys from the file (in ``where`` and the values) are shown short and on one line."""
        values = {name: _one_line(value) if isinstance(value, str) else value for name, value in values.items()}
        fix = t(fix_key, **values) if fix_key else ""
        self.problems.append(Problem(self.path, _one_line(where), t(message_key, **values), fix))

    # -- primitive readers ------------------------------------------------

    def text(self, table: dict, key: str, where: str, required: bool = True) -> LocalText:
        value = table.get(key)
        if type(value) is dict and len(value) == 2:
            # The usual case, checked first (a thousand texts at every start): exactly "fr" and "en",
            # both written. Anything else takes the full check below, which reports each problem.
            french, english = value.get("fr"), value.get("en")
            if type(french) is str and type(english) is str:
                french, english = french.strip(), english.strip()
                if french and english:
                    return LocalText(french, english)
        if value is None and not required:
            return _NO_TEXT
        place = f"{where}{key}"
        if value is None:
            self.report(place, "validation.missing", "validation.fix_text", key=key)
            return _NO_TEXT
        if not isinstance(value, dict):
            self.report(place, "validation.not_text", "validation.fix_text", key=key)
            return _NO_TEXT
        unknown = sorted(set(value) - {"fr", "en"})
        if unknown:
            self.report(place, "validation.unknown_keys", "validation.fix_remove", keys=", ".join(unknown))
        written = {lang for lang in ("fr", "en") if _string(value.get(lang)).strip()}
        for lang in ("fr", "en"):
            # A conseiller's custom exercise may be written in one language only.
            if lang not in written and (self.bilingual or not written or lang in value):
                self.report(f"{place}.{lang}", "validation.missing_language", "validation.fix_language", lang=lang)
        return LocalText(*(_string(value.get(lang)).strip() for lang in ("fr", "en")))

    def identifier(self, table: dict, where: str) -> str:
        value = table.get("id")
        if not isinstance(value, str) or not IDENTIFIER.match(value):
            self.report(f"{where}id", "validation.bad_id", "validation.fix_id", value=_Shown(value))
            return value if isinstance(value, str) else ""
        return value

    def integer(self, table: dict, key: str, where: str, low: int, high: int, default: int | None = None) -> int:
        value = table.get(key, default)
        if value is None:
            self.report(f"{where}{key}", "validation.missing", "validation.fix_integer", key=key, low=low, high=high)
            return low
        if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
            self.report(f"{where}{key}", "validation.bad_integer", "validation.fix_integer", low=low, high=high, value=_Shown(value))
            return low
        return value

    def boolean(self, table: dict, key: str, where: str, default: bool) -> bool:
        value = table.get(key, default)
        if not isinstance(value, bool):
            self.report(f"{where}{key}", "validation.bad_boolean", "validation.fix_boolean")
            return default
        return value

    def table_list(self, table: dict, key: str, where: str, minimum: int) -> list[dict]:
        value = table.get(key, [])
        if not isinstance(value, list) or not all(isinstance(item, dict) for item in value):
            self.report(f"{where}{key}", "validation.not_table_list", "validation.fix_table_list", key=key)
            return []
        if len(value) < minimum:
            self.report(f"{where}{key}", "validation.too_few", "validation.fix_too_few", minimum=minimum, count=len(value))
        return value

    def unique(self, ids: list[str], where: str) -> None:
        seen: set[str] = set()
        for identifier in ids:
            if identifier in seen:
                self.report(where, "validation.duplicate_id", "validation.fix_duplicate", value=identifier)
            seen.add(identifier)

    # -- composite readers ------------------------------------------------

    def options(self, table: dict, key: str, where: str, minimum: int) -> tuple[Option, ...]:
        built = []
        for index, raw in enumerate(self.table_list(table, key, where, minimum)):
            place = f"{where}{key}[{index}]."
            built.append(
                Option(
                    id=self.identifier(raw, place),
                    label=self.text(raw, "label", place),
                    help=self.text(raw, "help", place, required=False),
                )
            )
        self.unique([option.id for option in built], f"{where}{key}")
        return tuple(built)

    def kind(self, table: dict, where: str, allowed: frozenset | set | None = None) -> PromptKind | None:
        value = table.get("kind")
        allowed_kinds = allowed or _ANY_KIND
        try:
            kind = PromptKind(value)
        except ValueError:
            kind = None
        if kind is None or kind not in allowed_kinds:
            names = ", ".join(sorted(str(k) for k in allowed_kinds))
            self.report(f"{where}kind", "validation.bad_kind", "validation.fix_kind", value=_Shown(value), allowed=names)
            return None
        return kind

    def pick_source(self, table: dict, where: str) -> str:
        source = table.get("source")
        if source not in PICK_SOURCES:
            self.report(f"{where}source", "validation.bad_source", "validation.fix_source", value=_Shown(source))
            return PICK_SOURCES[0]
        return source

    def field(self, raw: dict, where: str) -> Field:
        kind = self.kind(raw, where, FIELD_KINDS) or PromptKind.SHORT_TEXT
        options: tuple[Option, ...] = ()
        if kind == PromptKind.SCALE:
            options = self.scale_options(raw, where)
        elif kind in (PromptKind.CHOICE, PromptKind.MULTI_CHOICE):
            options = self.options(raw, "options", where, 2)
        source = self.pick_source(raw, where) if kind == PromptKind.PICK else ""
        return Field(
            id=self.identifier(raw, where),
            kind=kind,
            label=self.text(raw, "label", where),
            help=self.text(raw, "help", where, required=False),
            options=options,
            source=source,
            multiple=self.boolean(raw, "multiple", where, False),
            allow_free=self.boolean(raw, "allow_free", where, True),
        )

    def fields(self, table: dict, key: str, where: str, minimum: int) -> tuple[Field, ...]:
        built = tuple(
            self.field(raw, f"{where}{key}[{index}].")
            for index, raw in enumerate(self.table_list(table, key, where, minimum))
        )
        self.unique([item.id for item in built], f"{where}{key}")
        return built

    def scale_options(self, table: dict, where: str) -> tuple[Option, ...]:
        options = self.options(table, "options", where, SCALE_POINTS)
        if len(options) != SCALE_POINTS:
            self.report(f"{where}options", "validation.scale_points", "validation.fix_scale_points", count=len(options))
        return options

    def prefill(self, raw: dict, where: str) -> tuple[str, ...]:
        value = raw.get("prefill", [])
        if not isinstance(value, list) or not all(isinstance(ref, str) and ref.count("/") == 1 for ref in value):
            self.report(f"{where}prefill", "validation.bad_prefill", "validation.fix_prefill")
            return ()
        return tuple(value)

    def prompt(self, raw: dict, where: str) -> Prompt:
        kind = self.kind(raw, where) or PromptKind.LONG_TEXT
        extra: dict[str, Any] = {}
        if kind == PromptKind.SCALE:
            extra["options"] = self.scale_options(raw, where)
        elif kind in CHOICE_KINDS:
            extra["options"] = self.options(raw, "options", where, 2)
            if kind == PromptKind.RANKING and "limit" in raw:
                extra["limit"] = self.integer(raw, "limit", where, 1, max(1, len(extra["options"])))
        elif kind == PromptKind.CARD_SORT:
            extra["cards"] = self.options(raw, "cards", where, 2)
            extra["piles"] = self.options(raw, "piles", where, 2)
            extra["top"] = self.integer(raw, "top", where, 0, max(0, len(extra["cards"])), default=0)
            extra["top_fields"] = self.fields(raw, "top_fields", where, 0)
        elif kind == PromptKind.TABLE:
            extra["columns"] = self.fields(raw, "columns", where, 1)
            extra["min_rows"] = self.integer(raw, "min_rows", where, 0, 50, default=0)
            extra["row_label"] = self.text(raw, "row_label", where, required=False)
            mapping = raw.get("prefill_map", {})
            if not isinstance(mapping, dict) or not all(isinstance(v, str) for v in mapping.values()):
                self.report(f"{where}prefill_map", "validation.bad_prefill_map", "validation.fix_prefill_map")
                mapping = {}
            column_ids = {column.id for column in extra["columns"]}
            for target in mapping:
                if target not in column_ids:
                    self.report(f"{where}prefill_map.{target}", "validation.unknown_column", "validation.fix_unknown_column", value=target)
            extra["prefill_map"] = tuple(mapping.items())
        elif kind == PromptKind.QUESTIONNAIRE:
            extra.update(self.questionnaire(raw, where))
        elif kind == PromptKind.PICK:
            extra["source"] = self.pick_source(raw, where)
        return Prompt(
            id=self.identifier(raw, where),
            kind=kind,
            label=self.text(raw, "label", where),
            help=self.text(raw, "help", where, required=False),
            optional=self.boolean(raw, "optional", where, False),
            private=self.boolean(raw, "private", where, False),
            prefill=self.prefill(raw, where),
            default=self.text(raw, "default", where, required=False),
            multiple=self.boolean(raw, "multiple", where, False),
            allow_free=self.boolean(raw, "allow_free", where, True),
            **extra,
        )

    def questionnaire(self, raw: dict, where: str) -> dict[str, Any]:
        options = self.scale_options(raw, where)
        dimensions = []
        for index, table in enumerate(self.table_list(raw, "dimensions", where, 2)):
            place = f"{where}dimensions[{index}]."
            dimensions.append(
                Dimension(self.identifier(table, place), self.text(table, "label", place), self.text(table, "description", place))
            )
        self.unique([d.id for d in dimensions], f"{where}dimensions")
        known = {d.id for d in dimensions}
        items = []
        for index, table in enumerate(self.table_list(raw, "items", where, 1)):
            place = f"{where}items[{index}]."
            dimension = table.get("dimension")
            if not isinstance(dimension, str) or dimension not in known:
                self.report(f"{place}dimension", "validation.unknown_dimension", "validation.fix_dimension", value=_Shown(dimension))
            items.append(Item(self.identifier(table, place), dimension if isinstance(dimension, str) else "", self.text(table, "label", place)))
        self.unique([i.id for i in items], f"{where}items")
        for dimension in dimensions:
            if not any(item.dimension == dimension.id for item in items):
                self.report(f"{where}items", "validation.empty_dimension", "validation.fix_dimension_items", value=dimension.id)
        code_length = self.integer(raw, "code_length", where, 1, max(1, len(dimensions)), default=min(3, max(1, len(dimensions))))
        return {"options": options, "dimensions": tuple(dimensions), "items": tuple(items), "code_length": code_length}

    def depth(self, raw: dict) -> Depth:
        value = raw.get("depth", Depth.ESSENTIEL.value)
        try:
            return Depth(value)
        except ValueError:
            self.report("depth", "content.bad_depth", "content.fix_depth", value=_Shown(value))
            return Depth.ESSENTIEL

    def pages(self, raw: dict) -> tuple[str, ...]:
        value = raw.get("pages", [])
        if not isinstance(value, list) or not all(page in HELP_PAGES for page in value):
            self.report("pages", "content.bad_pages", "content.fix_pages", known=", ".join(HELP_PAGES))
            return ()
        return tuple(value)

    def unknown_keys(self, table: dict, known: set[str], where: str) -> None:
        """A misspelt key (``[[questions]]`` for ``[[prompts]]``) is reported, not silently ignored."""
        for key in sorted(set(table) - known):
            self.report(f"{where}{key}", "validation.unknown_key", "validation.fix_unknown_key", key=key, known=", ".join(sorted(known)))

    def exercise(self, raw: dict) -> Exercise:
        self.unknown_keys(raw, TOP_LEVEL_KEYS, "")
        if "format" not in raw:
            self.report("format", "validation.missing", "validation.fix_format", key="format", expected=FORMAT_VERSION)
        elif isinstance(raw.get("format"), bool) or raw.get("format") != FORMAT_VERSION:
            self.report("format", "validation.bad_format", "validation.fix_format", value=_Shown(raw.get("format")), expected=FORMAT_VERSION)
        phase_value = raw.get("phase")
        try:
            phase = Phase(phase_value)
        except ValueError:
            key = "validation.missing" if phase_value is None else "validation.bad_phase"
            self.report("phase", key, "validation.fix_phase", value=_Shown(phase_value), key="phase")
            phase = Phase.PRELIMINAIRE
        resources = tuple(
            Resource(self.text(table, "title", f"resources[{i}]."), self.text(table, "body", f"resources[{i}]."))
            for i, table in enumerate(self.table_list(raw, "resources", "", 0))
        )
        prompts = tuple(
            self.prompt(table, f"prompts[{index}].")
            for index, table in enumerate(self.table_list(raw, "prompts", "", 1))
        )
        self.unique([p.id for p in prompts], "prompts")
        return Exercise(
            id=self.identifier(raw, ""),
            phase=phase,
            order=self.integer(raw, "order", "", 0, 10_000),
            duration_minutes=self.integer(raw, "duration_minutes", "", 5, 240),
            title=self.text(raw, "title", ""),
            summary=self.text(raw, "summary", ""),
            why=self.text(raw, "why", ""),
            how=self.text(raw, "how", ""),
            bring=self.text(raw, "bring", ""),
            prompts=prompts,
            repeatable=self.boolean(raw, "repeatable", "", False),
            depth=self.depth(raw),
            resources=resources,
            pages=self.pages(raw),
            source_file=self.path,
        )


def validate_file(path: Path, *, bilingual: bool = True, parse: Callable[[str], dict] | None = None) -> tuple[Exercise | None, list[Problem]]:
    """Read and check one exercise file; the Exercise is None when it has problems.

    Any file may be given (a conseiller's, a damaged or a hostile one): its size
    is bounded, its bytes must be UTF-8 TOML, and every field's type is checked
    before the field is used, so the answer is always a list of problems.
    ``bilingual=False`` (a conseiller's custom exercise) accepts texts in one language only.
    ``parse`` turns the text into tables (``tomllib.loads`` by default, or a ``TomlCache``'s, which raises the same errors).
    """
    checker = _Checker(path, bilingual)
    whole = t("validation.whole_file")
    try:
        source = _read_text(path)
    except FileNotFoundError:
        checker.report(whole, "validation.no_file", "validation.fix_no_file")
    except _TooLarge:
        checker.report(whole, "validation_limits.too_large", "validation_limits.fix_too_large", limit=MAX_FILE_BYTES // 1024)
    except _NotAFile:
        checker.report(whole, "validation_limits.not_a_file", "validation.fix_no_file")
    except UnicodeDecodeError as error:
        checker.report(whole, "validation_limits.not_utf8", "validation_limits.fix_utf8", position=error.start)
    except OSError as error:
        checker.report(whole, "validation.unreadable", "validation.fix_no_file", error=os_reason(error))
    else:
        return _check_source(checker, source, parse)
    return None, checker.problems


def validate_source(source: str, path: Path, *, bilingual: bool = False) -> tuple[Exercise | None, list[Problem]]:
    """Check an exercise given as TOML text (a custom exercise carried in an assignment); ``path`` names it."""
    return _check_source(_Checker(path, bilingual), source)


def _check_source(checker: _Checker, source: str, parse: Callable[[str], dict] | None = None) -> tuple[Exercise | None, list[Problem]]:
    """Parse TOML text and check the exercise it holds, every parser refusal as one problem."""
    whole = t("validation.whole_file")
    if parse is None:
        import tomllib

        parse = tomllib.loads
    try:
        raw = parse(source)
    except RecursionError:
        checker.report(whole, "validation_limits.too_deep", "validation_limits.fix_too_deep")
    except ValueError as error:  # the parser's refusal; tomllib also lets int() refuse numbers of thousands of digits
        import tomllib  # here only: exercises read from the parsed cache (journal.core.toml_cache) never load the parser

        from journal.core.toml_errors import toml_place, toml_reason

        if isinstance(error, tomllib.TOMLDecodeError):
            checker.report(toml_place(error), "validation.bad_toml", "validation.fix_toml", error=toml_reason(error))
        else:
            checker.report(whole, "validation.bad_toml", "validation.fix_toml", error=error)
    else:
        exercise = checker.exercise(raw)
        return (None if checker.problems else exercise), checker.problems
    return None, checker.problems


class _TooLarge(Exception):
    pass


class _NotAFile(Exception):
    pass


def _read_text(path: Path) -> str:
    """The file's text, read no further than ``MAX_FILE_BYTES`` (devices and pipes are refused)."""
    with open(path, "rb") as handle:
        if not stat.S_ISREG(_mode(handle)):
            raise _NotAFile()
        data = handle.read(MAX_FILE_BYTES + 1)
    if len(data) > MAX_FILE_BYTES:
        raise _TooLarge()
    return data.decode("utf-8")


def _mode(handle) -> int:
    return os.fstat(handle.fileno()).st_mode


def _one_line(text: str) -> str:
    """Text from the file (a key name) inert and bounded, for a problem line."""
    shown = inert_line(text)
    return shown if len(shown) <= MAX_SHOWN_KEY else shown[:MAX_SHOWN_KEY] + "…"


def _string(value: Any) -> str:
    return value if isinstance(value, str) else ""


