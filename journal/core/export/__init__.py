"""Exports of the journal: what the worker brings to the conseiller.

``build_summary`` gathers what may leave the machine (never private entries
or notes); ``render`` turns it into Markdown, printable HTML or JSON.
"""

from journal.core.export.formats import FORMATS, render
from journal.core.export.summary import Summary, build_summary

__all__ = ["FORMATS", "Summary", "build_summary", "render"]
