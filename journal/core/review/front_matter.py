"""The YAML front matter of a bilan summary, read as hostile input.

The block sits between two ``---`` lines at the very top (as pandoc and
Obsidian read it). It is bounded in size, parsed with PyYAML's safe loader
with aliases refused (no "billion laughs"), and every field is type-checked:
a summary from an unknown sender cannot crash or slow down the viewer.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

import yaml

FORMAT_VERSION = 1
MAX_FRONT_MATTER_CHARS = 16 * 1024
MAX_FIELD_CHARS = 200
MAX_EXERCISES = 500
# A bilan's own front matter fits in the first few kilobytes: the fence is looked for there before the 16 KB allowed.
FIRST_LOOK_CHARS = 4096
_FENCE = "---"


class FrontMatterMissing(ValueError):
    """The text does not open with a front matter block: it is not a bilan summary."""


class FrontMatterDamaged(ValueError):
    """The block is there but cannot be read; ``field`` names what is wrong."""

    def __init__(self, field: str):
        super().__init__(field)
        self.field = field


class UnsupportedVersion(ValueError):
    def __init__(self, version: object):
        super().__init__(str(version))
        self.version = version


@dataclass(frozen=True)
class SummaryHeader:
    """What the front matter says about a summary: who, which dossier, which export, which period."""

    exported_at: datetime
    alias: str
    conseiller: str
    dossier: str
    sequence: int
    period_from: date | None
    period_to: date | None
    exercises: tuple[str, ...]


# libyaml's safe loader when PyYAML has it (200 summaries' headers: 0.03 s instead of 0.5 s), else the Python one.
_SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def _safe_load_without_aliases(block: str) -> object:
    """``yaml.safe_load``, refusing anchors and aliases (no exponential expansion): the events are checked first."""
    if "&" in block:  # no « & », no anchor; and an alias without its anchor is already a YAML error
        _refuse_anchors_and_aliases(block)
    return yaml.load(block, Loader=_SAFE_LOADER)  # noqa: S506 - a safe loader, aliases refused above


def _refuse_anchors_and_aliases(block: str) -> None:
    for event in yaml.parse(block, Loader=_SAFE_LOADER):
        if isinstance(event, yaml.events.AliasEvent):
            raise yaml.YAMLError("aliases are not accepted")
        if getattr(event, "anchor", None):
            raise yaml.YAMLError("anchors are not accepted")


def split_front_matter(text: str) -> tuple[str, str]:
    """``(front matter, body)``; ``FrontMatterMissing`` when the text does not open with the block."""
    text = text.removeprefix("\ufeff")
    first_line, _, rest = text.partition("\n")
    if first_line.rstrip("\r") != _FENCE:
        raise FrontMatterMissing()
    found = _closing_fence(rest[:FIRST_LOOK_CHARS], last_line_counts=len(rest) <= FIRST_LOOK_CHARS)
    if found is None and len(rest) > FIRST_LOOK_CHARS:
        found = _closing_fence(rest[: MAX_FRONT_MATTER_CHARS + len(_FENCE) + 2], last_line_counts=True)
    if found is not None:
        start, end = found
        return rest[:start], rest[end:]
    if len(rest) > MAX_FRONT_MATTER_CHARS:
        raise FrontMatterDamaged("---")
    raise FrontMatterMissing()


def _closing_fence(area: str, *, last_line_counts: bool) -> tuple[int, int] | None:
    """Where the ``---`` line closing the block starts and ends in ``area``, or None.

    When ``area`` is only the start of the text, its last line may go on after it
    (``---`` then more letters, or ``\r`` then ``\n``): a fence found there is not
    trusted, and the caller looks again in the whole search area.
    """
    lines = area.splitlines(keepends=True)
    if not last_line_counts:
        lines = lines[:-1]
    position = 0
    for line in lines:
        if line.rstrip("\r\n") == _FENCE:
            return position, position + len(line)
        position += len(line)
    return None


def parse_front_matter(block: str) -> SummaryHeader:
    """Check each field of the block; ``FrontMatterMissing`` when it is not a bilan summary's."""
    try:
        data = _safe_load_without_aliases(block)
    except (yaml.YAMLError, RecursionError, ValueError, TypeError) as error:
        raise FrontMatterDamaged("yaml") from error
    if not isinstance(data, dict) or "bilan_summary" not in data:
        raise FrontMatterMissing()
    version = data["bilan_summary"]
    if not _is_int(version):
        raise FrontMatterDamaged("bilan_summary")
    if version != FORMAT_VERSION:
        raise UnsupportedVersion(version)
    return SummaryHeader(
        exported_at=_timestamp(data.get("exported_at"), "exported_at"),
        alias=_text(data.get("alias"), "alias"),
        conseiller=_text(data.get("conseiller"), "conseiller"),
        dossier=_text(data.get("dossier"), "dossier"),
        sequence=_sequence(data.get("sequence")),
        period_from=_period_day(data.get("period"), "from"),
        period_to=_period_day(data.get("period"), "to"),
        exercises=_exercises(data.get("exercises")),
    )


def _is_int(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _text(value: object, field: str) -> str:
    if value is None:
        return ""
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        value = str(value)  # a dossier written as 2026014 is still a reference
    if not isinstance(value, str):
        raise FrontMatterDamaged(field)
    return value.strip()[:MAX_FIELD_CHARS]


def _timestamp(value: object, field: str) -> datetime:
    # YAML may already have turned an unquoted timestamp into a datetime.
    if not isinstance(value, datetime):
        if not isinstance(value, str) or len(value) > 64:
            raise FrontMatterDamaged(field)
        try:
            value = datetime.fromisoformat(value.strip())
        except ValueError as error:
            raise FrontMatterDamaged(field) from error
    # Without an offset, the time is read as local time, so that all exports compare.
    try:
        value = value if value.tzinfo else value.astimezone()
        value.timestamp()  # the caseload sorts on it: refuse now what would overflow later
        return value
    except (OverflowError, ValueError, OSError) as error:
        raise FrontMatterDamaged(field) from error


def _sequence(value: object) -> int:
    if not _is_int(value) or not 1 <= value <= 1_000_000:
        raise FrontMatterDamaged("sequence")
    return value


def _period_day(period: object, key: str) -> date | None:
    if period is None:
        return None
    if not isinstance(period, dict):
        raise FrontMatterDamaged("period")
    value = period.get(key)
    if value is None:
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if not isinstance(value, str) or len(value) > 32:
        raise FrontMatterDamaged(f"period.{key}")
    try:
        return date.fromisoformat(value.strip()[:10])
    except ValueError as error:
        raise FrontMatterDamaged(f"period.{key}") from error


def _exercises(value: object) -> tuple[str, ...]:
    if value is None:
        return ()
    if not isinstance(value, list) or len(value) > MAX_EXERCISES:
        raise FrontMatterDamaged("exercises")
    if not all(isinstance(item, str) for item in value):
        raise FrontMatterDamaged("exercises")
    return tuple(item[:MAX_FIELD_CHARS] for item in value)
