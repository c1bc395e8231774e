"""Exports of the journal: what the worker brings to the conseiller.

``build_summary`` gathers what may leave the machine (never private entries
or notes); ``render`` turns it into Markdown, printable HTML or JSON.

The names below are loaded on first use, so reading one module of the
package (the home screen asks ``summary`` for the current plan) does not load
the renderers and their Markdown and YAML libraries.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from journal.core.lazy_names import lazy_names

if TYPE_CHECKING:
    from journal.core.export.formats import FORMATS, render
    from journal.core.export.summary import Summary, build_summary

__all__ = ["FORMATS", "Summary", "build_summary", "render"]

_HOMES = {"FORMATS": "formats", "render": "formats", "Summary": "summary", "build_summary": "summary"}

__getattr__ = lazy_names(__name__, _HOMES, globals())
