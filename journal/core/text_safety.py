"""Text on its way to a terminal or a document for people: control characters made inert.

Anything a worker typed, an exercise, assignment or summary file holds, or a
file name, may carry terminal control sequences (clear the screen, set the
window title, write the clipboard through OSC 52…) or bidi overrides that make
text read differently from what it is. ``inert`` replaces every such character
by a visible stand-in, so the text is shown but never obeyed. Files that keep
the worker's words (the journal, the dump) are not passed through here: they
keep the text as typed; JSON meant for people and pipes (the JSON export, the
dump) is written by ``inert_json``, exact and inert.
"""

from __future__ import annotations

import json
import re

# Bidi embeddings, overrides and isolates, plus the marks that can flip what follows.
_BIDI = "\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
_LINE_SEPARATORS = "\u2028\u2029"
_UNSAFE = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f" + _LINE_SEPARATORS + _BIDI + "]"
)
_UNSAFE_IN_A_LINE = re.compile(
    "[\x00-\x1f\x7f-\x9f" + _LINE_SEPARATORS + _BIDI + "]"
)


def _stand_in(character: str) -> str:
    code = ord(character)
    if code < 0x20:
        return chr(0x2400 + code)  # the Unicode "control pictures": ␛ for ESC, ␀ for NUL…
    if code == 0x7F:
        return "\u2421"  # ␡
    if character in _LINE_SEPARATORS:
        return "\u2424"  # ␤
    return f"<U+{code:04X}>"


# JSON escapes C0 controls itself; these it writes raw (``ensure_ascii=False``), and a terminal may obey them.
_RAW_IN_JSON = re.compile("[\x7f-\x9f" + _LINE_SEPARATORS + _BIDI + "]")


def inert_json(document: object, *, indent: int) -> str:
    """``document`` as readable JSON (accents kept) in which no character is one a terminal obeys.

    The data stays exact: the characters JSON would write raw are written as ``\\uXXXX``.
    """
    text = json.dumps(document, ensure_ascii=False, indent=indent)
    return _RAW_IN_JSON.sub(lambda match: f"\\u{ord(match.group()):04x}", text)


def inert(text: str) -> str:
    """``text`` with every control character other than newline and tab shown as a visible symbol."""
    if not isinstance(text, str):
        text = str(text)
    return _UNSAFE.sub(lambda match: _stand_in(match.group()), text)


def inert_line(text: str) -> str:
    """Like ``inert`` for text that must stay on one line (titles, list rows, file names): newlines and tabs shown too."""
    if not isinstance(text, str):
        text = str(text)
    return _UNSAFE_IN_A_LINE.sub(lambda match: _stand_in(match.group()), text)


def is_inert(text: str) -> bool:
    """True when ``text`` holds nothing a terminal would obey (newline and tab allowed)."""
    return _UNSAFE.search(text) is None
