"""Routes argparse's own words (usage, errors, option headings) through our catalogue."""

from __future__ import annotations

import argparse

from journal.i18n import t

_ARGPARSE_KEYS = {
    "usage: ": "argparse.usage",
    "positional arguments": "argparse.positional",
    "options": "argparse.options",
    "show this help message and exit": "argparse.help",
    "the following arguments are required: %s": "argparse.required",
    "unrecognized arguments: %s": "argparse.unrecognized",
    "invalid choice: %(value)r (choose from %(choices)s)": "argparse.invalid_choice",
    "%(prog)s: error: %(message)s\n": "argparse.error",
    "expected one argument": "argparse.expected_one",
    "argument %(argument_name)s: %(message)s": "argparse.argument",
    "show program's version number and exit": "argparse.version",
}


def _translate(message: str) -> str:
    key = _ARGPARSE_KEYS.get(message)
    return t(key) if key else message


def install() -> None:
    """Make argparse speak the current language."""
    argparse._ = _translate  # argparse looks this name up at call time
