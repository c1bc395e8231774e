"""Locates the data folders shipped with bilan (exercises, themes, reference data).

In a wheel, ``exercises/`` and ``themes/`` are mapped inside the package; in a
source checkout (editable install, tests) they sit at the top of the repository.
"""

from __future__ import annotations

from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent


def _shipped_folder(name: str) -> Path:
    inside = PACKAGE_DIR / name
    if inside.is_dir():
        return inside
    return PACKAGE_DIR.parent / name


def exercises_dir() -> Path:
    """Folder holding the built-in exercise TOML files."""
    return _shipped_folder("exercises")


def themes_dir() -> Path:
    """Folder holding the Textual CSS and theme definitions."""
    return _shipped_folder("themes")


def data_dir() -> Path:
    """Folder holding the reference data (ROME job titles, ESCO competences)."""
    return PACKAGE_DIR / "data"
