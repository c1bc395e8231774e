"""Converts the theme definitions of ``themes/themes.toml`` into Textual themes."""

from __future__ import annotations

import tomllib
from functools import cache

from textual.theme import Theme

from journal.resources import themes_dir

DEFAULT_THEME = "bilan-clair"
_COLOUR_KEYS = ("primary", "secondary", "accent", "foreground", "background", "surface", "panel", "success", "warning", "error")


@cache
def load_themes() -> tuple[Theme, ...]:
    with open(themes_dir() / "themes.toml", "rb") as handle:
        data = tomllib.load(handle)
    return tuple(
        Theme(name=raw["name"], dark=bool(raw.get("dark", False)), **{key: raw[key] for key in _COLOUR_KEYS if key in raw})
        for raw in data.get("theme", [])
    )


def stylesheet_path() -> str:
    return str(themes_dir() / "bilan.tcss")
