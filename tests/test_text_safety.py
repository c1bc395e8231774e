"""Control characters and bidi overrides are made visible, never passed to a terminal."""

from __future__ import annotations

import pytest

from journal.core.text_safety import inert, inert_line, is_inert

HOSTILE = {
    "csi clear": "avant\x1b[2J\x1b[Haprès",
    "osc 0 title bel": "\x1b]0;titre\x07texte",
    "osc 8 link st": "\x1b]8;;http://x\x1b\\lien\x1b]8;;\x1b\\",
    "osc 52 clipboard": "\x1b]52;c;aGVsbG8=\x07",
    "c1 csi": "\x9b2J",
    "c1 osc": "\x9d0;titre\x9c",
    "dcs": "\x1bPq#0\x1b\\",
    "bel backspace cr": "mot\x07\x08\x08\rcaché",
    "nul": "a\x00b",
    "vt ff": "a\x0bb\x0cc",
    "line separator": "a\u2028b\u2029c",
    "cursor save restore": "\x1b7\x1b[10;10Hx\x1b8",
    "bidi rlo": "facture\u202egpj.exe",
    "del": "a\x7fb",
}


@pytest.mark.parametrize("text", HOSTILE.values(), ids=HOSTILE.keys())
def test_hostile_text_is_inert(text):
    shown = inert(text)
    assert is_inert(shown)
    for forbidden in ("\x1b", "\x9b", "\x9d", "\x07", "\x00", "\r", "\u202e", "\u2028"):
        assert forbidden not in shown
    assert is_inert(inert_line(text))


def test_visible_stand_ins():
    assert inert("a\x1b[2Jb") == "a\u241b[2Jb"
    assert inert("\x00") == "\u2400"
    assert inert("\x7f") == "\u2421"
    assert inert("\u2028") == "\u2424"
    assert inert("\x9b") == "<U+009B>"
    assert inert("\u202e") == "<U+202E>"


def test_ordinary_text_is_untouched():
    text = "Élodie\u00a0: « école »\n\tdeuxième ligne — 🙂 日本"
    assert inert(text) == text
    assert is_inert(text)


def test_a_line_shows_newlines_and_tabs():
    assert inert_line("a\nb\tc") == "a\u240ab\u2409c"
    assert inert("a\nb\tc") == "a\nb\tc"


def test_not_a_string_is_shown_as_text():
    assert inert(12) == "12"
    assert inert_line(None) == "None"


def test_detects_unsafe():
    assert not is_inert("\x1b")
    assert not is_inert("\u2066")
