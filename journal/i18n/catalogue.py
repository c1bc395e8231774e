"""Loads the per-language TOML message files and looks keys up."""

from __future__ import annotations

import os
import tomllib
from functools import cache
from pathlib import Path
from typing import Mapping

LANGUAGES = ("fr", "en")
DEFAULT_LANGUAGE = "fr"
_LOCALES = Path(__file__).resolve().parent / "locales"

_state = {"lang": DEFAULT_LANGUAGE}


def _flatten(table: Mapping, prefix: str = "") -> dict[str, str]:
    flat: dict[str, str] = {}
    for key, value in table.items():
        full = f"{prefix}{key}"
        if isinstance(value, Mapping):
            flat.update(_flatten(value, f"{full}."))
        else:
            flat[full] = str(value)
    return flat


def message_files(lang: str) -> list[Path]:
    """The files that hold one language: ``<lang>.toml``, then each ``<lang>/*.toml`` by name.

    Each area of the interface (assignments, review, …) keeps its strings in a
    file of its own, so that unrelated work never edits the same file.
    """
    return [_LOCALES / f"{lang}.toml", *sorted((_LOCALES / lang).glob("*.toml"))]


@cache
def messages(lang: str) -> dict[str, str]:
    """All messages of one language, keyed by dotted name (a key defined twice is an error)."""
    merged: dict[str, str] = {}
    for path in message_files(lang):
        with open(path, "rb") as handle:
            flat = _flatten(tomllib.load(handle))
        twice = merged.keys() & flat.keys()
        if twice:
            raise ValueError(f"{path.name}: keys already defined in another {lang} file: {sorted(twice)}")
        merged.update(flat)
    return merged


def set_language(lang: str | None) -> str:
    """Switch the language; unknown or empty values fall back to French."""
    chosen = (lang or "").strip().lower()[:2]
    _state["lang"] = chosen if chosen in LANGUAGES else DEFAULT_LANGUAGE
    return _state["lang"]


def language_from_environment() -> str | None:
    """The language asked for through ``BILAN_LANG``, if any."""
    return os.environ.get("BILAN_LANG") or None


def current_language() -> str:
    return _state["lang"]


def t(key: str, /, **values: object) -> str:
    """The message ``key`` in the current language, formatted with ``values``."""
    text = messages(current_language()).get(key)
    if text is None:
        text = messages(DEFAULT_LANGUAGE).get(key, key)
    return text.format(**values) if values else text


def localized(text: Mapping[str, str] | None) -> str:
    """Pick the current language out of a ``{"fr": …, "en": …}`` table."""
    if not text:
        return ""
    return text.get(current_language()) or text.get(DEFAULT_LANGUAGE, "")
