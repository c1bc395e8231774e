"""A draft synthesis cut into the parts the worker comments on, one per ``##`` heading."""

from __future__ import annotations

import re

from journal.core.record import record
from journal.i18n import t

_HEADING = re.compile(r"^#{1,3}\s+(.+?)\s*#*\s*$")


@record
class Part:
    key: str
    title: str
    body: str


def split_parts(markdown: str) -> list[Part]:
    """Parts in order; text before the first heading is an introduction. Keys stay stable across versions."""
    parts: list[tuple[str, list[str]]] = []
    current_title: str | None = None
    current: list[str] = []
    for line in markdown.replace("\r\n", "\n").split("\n"):
        match = _HEADING.match(line)
        if match:
            if current_title is not None or any(piece.strip() for piece in current):
                parts.append((current_title or t("synthesis.introduction"), current))
            current_title, current = match.group(1).strip(), []
        else:
            current.append(line)
    if current_title is not None or any(piece.strip() for piece in current):
        parts.append((current_title or t("synthesis.introduction"), current))
    built: list[Part] = []
    seen: dict[str, int] = {}
    for title, lines in parts:
        base = " ".join(title.casefold().split())
        seen[base] = seen.get(base, 0) + 1
        key = base if seen[base] == 1 else f"{base} ({seen[base]})"
        built.append(Part(key, title, "\n".join(lines).strip("\n")))
    return built
