"""Finding a word in a summary, ignoring case and accents: the lines where it appears."""

from __future__ import annotations

import unicodedata

MAX_QUERY_CHARS = 200
MAX_MATCHES = 1_000


def _folded(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(character for character in decomposed if not unicodedata.combining(character))


def matching_lines(text: str, query: str) -> list[int]:
    """The numbers (from 0) of the lines of ``text`` that contain ``query``."""
    wanted = _folded(query.strip()[:MAX_QUERY_CHARS])
    if not wanted:
        return []
    found = []
    for number, line in enumerate(text.splitlines()):
        if wanted in _folded(line):
            found.append(number)
            if len(found) >= MAX_MATCHES:
                break
    return found
