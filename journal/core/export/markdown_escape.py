"""Keeps the worker's text from changing the structure of a Markdown document.

Whatever the worker typed (a ``# titre``, a fenced block, raw HTML, a
``[lien](…)``, a table pipe) must come out as the same visible characters and
never as a heading, code block, tag or link. Escapes are added only where a
character would change meaning (``<`` before a tag, ``]`` before a link target,
``#`` or ``1.`` at the start of a line…), so the raw file stays readable for
a conseiller who opens it in a plain text editor.
"""

from __future__ import annotations

import re

# Characters that can start emphasis, code or an escape anywhere in a line.
_ALWAYS = re.compile(r"([`*_~|]|\\(?=[!-/:-@\[-`{-~]|$))")
# Only in these contexts do < & ] change meaning: a tag or autolink, an entity, a link or image.
_TAG_OPEN = re.compile(r"<(?=[A-Za-z/!?])")
_ENTITY = re.compile(r"&(?=#?\w+;)")
_LINK_CLOSE = re.compile(r"\](?=[(\[:])")
_LINE_START = re.compile(r"^(#{1,6}(?=\s|$)|>|[+-](?=\s|$)|=+\s*$|-+\s*$|\d{1,9}[.)](?=\s|$)|\[)")


def escape_line(line: str) -> str:
    line = line.strip()
    line = _ALWAYS.sub(r"\\\1", line)
    line = _TAG_OPEN.sub(r"\\<", line)
    line = _ENTITY.sub(r"\\&", line)
    line = _LINK_CLOSE.sub(r"\\]", line)
    return _LINE_START.sub(lambda m: _escape_marker(m.group(1)), line)


def _escape_marker(marker: str) -> str:
    if marker[-1] in ".)" and marker[0].isdigit():
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
