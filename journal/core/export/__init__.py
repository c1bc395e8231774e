"""Exports of the journal: what the worker brings to the conseiller.

``build_summary`` gathers what may leave the machine (never private entries
or notes); ``render`` turns it into Markdown, printable HTML or JSON.

The names below are loaded on first use, so reading one module of the
package (the home screen asks ``summary`` for the current plan) does not load
the renderers and their Markdown and YAML libraries.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from journal.core.export.formats import FORMATS, render
    from journal.core.export.summary import Summary, build_summary

__all__ = ["FORMATS", "Summary", "build_summary", "render"]

_HOMES = {"FORMATS": "formats", "render": "formats", "Summary": "summary", "build_summary": "summary"}


def __getattr__(name: str) -> Any:
    if name not in _HOMES:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f"{__name__}.{_HOMES[name]}"), name)
    globals()[name] = value
    return value
