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

# One backslash goes before each character that would change meaning where it stands:
# emphasis, code or an escape anywhere; ``<`` before a tag or autolink, ``&`` before
# an entity (``_`` excluded from its name: it is escaped itself), ``]`` before a
# link target. A block is escaped in one pass, multiline (``$``: the end of each line).
_INLINE_PATTERN = r"[`*_~|]|\\(?=[!-/:-@\[-`{-~]|$)|<(?=[A-Za-z/!?])|&(?=#?[^\W_]+;)|\](?=[(\[:])"
_INLINE = re.compile(_INLINE_PATTERN)
_INLINE_LINES = re.compile(_INLINE_PATTERN, re.MULTILINE)
_LINE_START = re.compile(r"^(#{1,6}(?=\s|$)|>|[+-](?=\s|$)|=+\s*$|-+\s*$|\d{1,9}[.)](?=\s|$)|\[)")
_MARKER_FIRST = frozenset("#>+-=[")


def escape_line(line: str) -> str:
    return _escape_start(_INLINE.sub(r"\\\g<0>", line.strip()))


def _escape_start(line: str) -> str:
    """Escape a block marker at the start of an already escaped line (checked only where one can start)."""
    first = line[:1]
    if first in _MARKER_FIRST or first.isdigit():
        return _LINE_START.sub(lambda m: _escape_marker(m.group(1)), line)
    return line


def _escape_marker(marker: str) -> str:
    if marker[-1] in ".)" and marker[0].isdigit():
        return marker[:-1] + "\\" + marker[-1]
    return "\\" + marker


def escape_block(text: str, indent: str = "") -> list[str]:
    """Worker text as Markdown lines: paragraphs kept, single newlines as hard breaks."""
    lines = [line.strip() for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n")]
    while lines and not lines[-1]:
        lines.pop()
    while lines and not lines[0]:
        lines.pop(0)
    escaped = _INLINE_LINES.sub(r"\\\g<0>", "\n".join(lines)).split("\n")
    out: list[str] = []
    for index, line in enumerate(escaped):
        if not line:
            if out and out[-1] != "":
                out[-1] = out[-1].removesuffix("\\")
                out.append("")
            continue
        line = _escape_start(line)
        if index + 1 < len(escaped) and escaped[index + 1]:
            line += "\\"
        out.append(indent + line)
    return out


def escape_inline(text: str) -> str:
    """One-line worker text (a title, a list item) made inert; newlines become spaces."""
    return escape_line(" ".join(part.strip() for part in text.splitlines() if part.strip()))
