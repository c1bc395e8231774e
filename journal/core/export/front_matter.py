"""The YAML front matter that opens a Markdown summary (read by ``bilan review``, pandoc, Obsidian).

Keys (format 1): ``bilan_summary``, ``exported_at``, ``alias``, ``conseiller``,
``dossier``, ``sequence``, ``period`` (``from``/``to``), ``exercises``.

Written as PyYAML's ``safe_dump`` writes it, byte for byte, and read with
``safe_load``. Importing PyYAML costs a command more than the rest of a small
export, so the common front matter (numbers, dates, identifiers, names made of
letters) is written here, in a form chosen to be exactly what ``safe_dump``
would write; any other value (a quote, a colon, a control character, a name
starting with a digit, a long text) goes to ``safe_dump`` itself: quoting a
hostile string correctly is a YAML library's job, not ours.
``tests/test_front_matter_writer.py`` compares the two on generated values.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from journal.core.export.summary import Summary

FRONT_MATTER_VERSION = 1

# A text safe_dump writes bare: it starts with a letter (no YAML indicator, and of the types YAML
# guesses from a bare word only booleans and null start with one), then letters, digits, inner
# spaces and ``' ’ . - _``; never ``: `` or `` #``, never a line break or an unprintable character.
_PLAIN = re.compile(r"[^\W\d_](?:[\w'’. -]*[\w'’.-])?")
# Words YAML 1.1 reads as a boolean or null when bare: safe_dump quotes them.
_NOT_TEXT_WHEN_BARE = frozenset(
    "yes Yes YES no No NO true True TRUE false False FALSE on On ON off Off OFF null Null NULL".split()
)
# An ISO date or date and time: bare, YAML would read a timestamp, so safe_dump puts it in single quotes.
_ISO_TIME = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}(?:T[0-9]{2}:[0-9]{2}:[0-9]{2}(?:\.[0-9]+)?(?:[+-][0-9]{2}:[0-9]{2})?)?")
# Longer texts go to safe_dump (it may quote or fold them).
_MAX_PLAIN_CHARS = 60
# safe_dump folds a plain text at a space once its line passes 80 columns: a line written here stays within them.
_WIDTH = 80


def front_matter_data(summary: Summary) -> dict[str, Any]:
    return {
        "bilan_summary": FRONT_MATTER_VERSION,
        "exported_at": summary.created_at.isoformat(),
        "alias": summary.alias,
        "conseiller": summary.conseiller,
        "dossier": summary.dossier,
        "sequence": summary.sequence,
        "period": {
            "from": summary.period_from.isoformat() if summary.period_from else None,
            "to": summary.period_to.isoformat(),
        },
        "exercises": summary.exercise_ids,
    }


def front_matter(summary: Summary) -> str:
    return f"---\n{dump_front_matter(front_matter_data(summary))}---\n"


def dump_front_matter(data: dict[str, Any]) -> str:
    """``yaml.safe_dump(data, allow_unicode=True, sort_keys=False, default_flow_style=False)``."""
    lines: list[str] = []
    if data and _block_mapping(data, "", lines) and all(len(line) <= _WIDTH for line in lines):
        return "".join(line + "\n" for line in lines)
    import yaml

    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False, default_flow_style=False)


def read_front_matter(text: str) -> dict[str, Any] | None:
    """The front matter of a summary, or None when the text does not open with one."""
    if not text.startswith("---\n"):
        return None
    end = text.find("\n---\n", 4)
    if end < 0:
        return None
    import yaml

    data = yaml.safe_load(text[4:end + 1])
    return data if isinstance(data, dict) else None


def _block_mapping(data: dict, indent: str, lines: list[str]) -> bool:
    """Append ``data`` as safe_dump's block mapping; False when a key or value needs safe_dump itself."""
    for key, value in data.items():
        if type(key) is not str or _scalar(key) != key:
            return False
        head = f"{indent}{key}:"
        if type(value) is dict and value:
            lines.append(head)
            if not _block_mapping(value, indent + "  ", lines):
                return False
        elif type(value) is list and value:
            lines.append(head)
            for item in value:
                shown = _scalar(item)
                if shown is None:
                    return False
                lines.append(f"{indent}- {shown}")
        else:
            shown = "{}" if type(value) is dict else "[]" if type(value) is list else _scalar(value)
            if shown is None:
                return False
            lines.append(f"{head} {shown}")
    return True


def _scalar(value: Any) -> str | None:
    """A scalar as safe_dump writes it, or None when only safe_dump knows."""
    if value is None:
        return "null"
    if type(value) is bool:
        return "true" if value else "false"
    if type(value) is int:
        return str(value)
    if type(value) is not str:
        return None
    if value == "":
        return "''"
    if len(value) > _MAX_PLAIN_CHARS:
        return None
    if _ISO_TIME.fullmatch(value):
        return f"'{value}'"
    if _PLAIN.fullmatch(value) and value not in _NOT_TEXT_WHEN_BARE:
        return value
    return None
