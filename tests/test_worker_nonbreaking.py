"""Non-breaking spaces are not line breaks when Textual wraps French text."""

from __future__ import annotations

from rich._wrap import divide_line
from textual._wrap import compute_wrap_offsets

import journal.tui.app  # noqa: F401 - installs the wrapping rule


def lines(text: str, width: int) -> list[str]:
    """Both wrappers (labels and text areas) cut the text at the same places."""
    offsets = divide_line(text, width)
    assert compute_wrap_offsets(text, width, 8) == offsets
    bounds = [0, *offsets, len(text)]
    return [text[a:b] for a, b in zip(bounds, bounds[1:])]


def test_guillemets_and_colon_stay_with_their_word():
    text = "C'est le prochain exercice de la phase «\u00a0Préliminaire\u00a0»."
    wrapped = lines(text, 40)
    assert all(not line.strip().startswith("»") for line in wrapped), wrapped
    assert any("«\u00a0Préliminaire\u00a0»." in line for line in wrapped)
    assert lines("Entrée\u00a0: l'ouvrir. Flèches\u00a0: choisir", 10)[0].startswith("Entrée\u00a0:")


def test_ordinary_spaces_still_wrap():
    assert len(lines("un deux trois quatre cinq six", 10)) > 1
