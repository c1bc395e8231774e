"""Keeps the worker's text from changing the structure of a Markdown document.

Whatever the worker typed (a ``# titre``, a fenced block, raw HTML, a
``[lien](…)``, a table pipe) must come out as the same visible characters and
never as a heading, code block, tag or link. Characters with a meaning
anywhere in a line are backslash-escaped everywhere; those that only mean
something at the start of a line (headings, quotes, list markers, thematic
breaks) are escaped there.
"""

from __future__ import annotations

import re

_INLINE = re.compile(r"([\\`*_\[\]<>&|~!{}])")
_LINE_START = re.compile(r"^(\s*)([#>+=\-:]|\d+[.)])")


def escape_line(line: str) -> str:
    line = line.strip()
    line = _INLINE.sub(r"\\\1", line)
    return _LINE_START.sub(lambda m: m.group(1) + _escape_marker(m.group(2)), line)


def _escape_marker(marker: str) -> str:
    if marker[-1] in ".)":
        return marker[:-1] + "\\" + marker[-1]
    return "\\" + marker


def escape_block(text: str, indent: str = "") -> list[str]:
    """Worker text as Markdown lines: paragraphs kept, single newlines as hard breaks."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    while lines and not lines[-1].strip():
        lines.pop()
    while lines and not lines[0].strip():
        lines.pop(0)
    out: list[str] = []
    for index, line in enumerate(lines):
        if not line.strip():
            if out and out[-1] != "":
                out[-1] = out[-1].removesuffix("\\")
                out.append("")
            continue
        following = lines[index + 1] if index + 1 < len(lines) else ""
        escaped = escape_line(line)
        if following.strip():
            escaped += "\\"
        out.append(indent + escaped)
    return out


def escape_inline(text: str) -> str:
    """One-line worker text (a title, a list item) made inert; newlines become spaces."""
    return escape_line(" ".join(part.strip() for part in text.splitlines() if part.strip()))
