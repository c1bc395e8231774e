"""Converts the theme definitions of ``themes/themes.toml`` into Textual themes."""

from __future__ import annotations

from functools import cache

from textual.theme import Theme

from journal.resources import themes_dir

DEFAULT_THEME = "bilan-clair"
_COLOUR_KEYS = ("primary", "secondary", "accent", "foreground", "background", "surface", "panel", "success", "warning", "error")


@cache
def load_themes() -> tuple[Theme, ...]:
    """The themes of ``themes.toml``, kept parsed in the user's cache folder like the messages (``journal.core.toml_cache``)."""
    from journal.core.toml_cache import TomlCache, cache_folder

    parsed = TomlCache("themes", cache_folder())
    data = parsed.loads((themes_dir() / "themes.toml").read_text(encoding="utf-8"))
    parsed.save()
    return tuple(
        Theme(name=raw["name"], dark=bool(raw.get("dark", False)), **{key: raw[key] for key in _COLOUR_KEYS if key in raw})
        for raw in data.get("theme", [])
    )


def stylesheet_path() -> str:
    return str(themes_dir() / "bilan.tcss")
