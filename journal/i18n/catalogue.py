"""Loads the per-language TOML message files and looks keys up."""

from __future__ import annotations

import os
import re
from functools import cache
from pathlib import Path
from typing import Mapping

LANGUAGES = ("fr", "en")
DEFAULT_LANGUAGE = "fr"
LOCALES = Path(__file__).resolve().parent / "locales"

_state = {"lang": DEFAULT_LANGUAGE}


def _flatten(table: Mapping, prefix: str = "") -> dict[str, str]:
    # A thousand messages at every start: tables are dicts (tomllib's and the cache's), and a
    # dict check is cheaper than asking the Mapping ABC about every message.
    flat: dict[str, str] = {}
    for key, value in table.items():
        if isinstance(value, dict):
            flat.update(_flatten(value, f"{prefix}{key}."))
        else:
            flat[prefix + key] = value if type(value) is str else str(value)
    return flat


def message_files(lang: str) -> list[Path]:
    """The files that hold one language: ``<lang>.toml``, then each ``<lang>/*.toml`` by name.

    Each area of the interface (assignments, review, …) keeps its strings in a
    file of its own, so that unrelated work never edits the same file.
    """
    area = LOCALES / lang
    try:  # os.scandir: a pathlib glob compiles a pattern at every start
        names = sorted(entry.name for entry in os.scandir(area) if entry.name.endswith(".toml") and entry.is_file())
    except OSError:
        names = []
    return [LOCALES / f"{lang}.toml", *(area / name for name in names)]


@cache
def messages(lang: str) -> dict[str, str]:
    """All messages of one language, keyed by dotted name (a key defined twice is an error).

    They come merged from ``builtin_messages_<lang>.py`` while it is the files' own
    (``journal.i18n.frozen``); otherwise the files are parsed once and kept parsed
    in the user's cache folder (``journal.core.toml_cache``).
    """
    from journal.i18n import frozen

    files = message_files(lang)
    written = frozen.thaw(lang, LOCALES, files)
    if written is not None:
        return written
    return read_messages(lang, files)


def read_messages(lang: str, files: list[Path]) -> dict[str, str]:
    """The messages of ``files`` merged, each parsed once and kept parsed in the user's cache folder."""
    from journal.core.toml_cache import TomlCache, cache_folder

    parsed = TomlCache(f"messages-{lang}", cache_folder())
    merged: dict[str, str] = {}
    for path in files:
        flat = _flatten(parsed.loads(path.read_text(encoding="utf-8")))
        twice = merged.keys() & flat.keys()
        if twice:
            raise ValueError(f"{path.name}: keys already defined in another {lang} file: {sorted(twice)}")
        merged.update(flat)
    parsed.save()
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


# ``[[count:exercice|exercices]]`` in a message: the singular or the plural form, chosen by ``count``.
_PLURAL = re.compile(r"\[\[(\w+):([^|\]]*)\|([^\]]*)\]\]")


def _singular(number: object, lang: str) -> bool:
    """French says « 0 exercice », « 1 exercice »; English « 0 exercises », « 1 exercise »."""
    if not isinstance(number, int) or isinstance(number, bool):
        return False
    return number == 1 or (lang == "fr" and number == 0)


def _choose_plurals(text: str, values: Mapping[str, object], lang: str) -> str:
    def form(match: re.Match) -> str:
        name, singular, plural = match.groups()
        return singular if _singular(values.get(name), lang) else plural

    return _PLURAL.sub(form, text)


# Digits are grouped from five on, as French typography does (« 2026 », « 20 000 »): a four-digit
# number in a message is as often a year as a count.
GROUP_FROM = 10_000
_GROUP_SEPARATOR = {"fr": "\u202f", "en": ","}  # French: a narrow no-break space


def grouped(number: int, lang: str) -> str:
    """``number`` with its digits in groups of three, as ``lang`` writes them (« 200 000 », "200,000")."""
    if abs(number) < GROUP_FROM:
        return str(number)
    return f"{number:,}".replace(",", _GROUP_SEPARATOR.get(lang, ","))


def _large_numbers_grouped(values: Mapping[str, object], lang: str) -> dict[str, object]:
    return {
        name: grouped(value, lang)
        if isinstance(value, int) and not isinstance(value, bool) and abs(value) >= GROUP_FROM
        else value
        for name, value in values.items()
    }


def t(key: str, /, **values: object) -> str:
    """The message ``key`` in the current language, formatted with ``values`` (large whole numbers grouped)."""
    lang = current_language()
    text = messages(lang).get(key)
    if text is None:
        lang = DEFAULT_LANGUAGE
        text = messages(DEFAULT_LANGUAGE).get(key, key)
    if not values:
        return text
    if "[[" in text:
        text = _choose_plurals(text, values, lang)
    return text.format(**_large_numbers_grouped(values, lang))


def localized(text: Mapping[str, str] | None) -> str:
    """Pick the current language out of a ``{"fr": …, "en": …}`` table."""
    if not text:
        return ""
    return text.get(current_language()) or text.get(DEFAULT_LANGUAGE, "")
