"""The ``## `` sections of a summary's Markdown body, for comparing two summaries part by part."""

from __future__ import annotations

from dataclasses import dataclass

MAX_SECTIONS = 2_000


@dataclass(frozen=True)
class Section:
    title: str
    text: str


def split_sections(body: str) -> tuple[Section, ...]:
    """The body cut at each level-2 heading (outside fenced code); text before the first is titled ""."""
    sections: list[Section] = []
    title = ""
    lines: list[str] = []
    fence = ""
    for line in body.splitlines():
        stripped = line.lstrip()
        if fence:
            if stripped.startswith(fence):
                fence = ""
        elif stripped.startswith(("```", "~~~")):
            fence = stripped[:3]
        elif line.startswith("## ") and len(sections) < MAX_SECTIONS:
            if title or any(part.strip() for part in lines):
                sections.append(Section(title, "\n".join(lines).strip("\n")))
            title, lines = line[3:].strip(), []
            continue
        lines.append(line)
    if title or any(part.strip() for part in lines):
        sections.append(Section(title, "\n".join(lines).strip("\n")))
    return tuple(sections)
