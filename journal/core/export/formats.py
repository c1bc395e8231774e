"""The export formats by name, and the default file name for each."""

from __future__ import annotations

from typing import Callable

from journal.core.export.html import render_html
from journal.core.export.json_export import render_json
from journal.core.export.markdown import render_markdown
from journal.core.export.summary import Summary

FORMATS: dict[str, tuple[Callable[[Summary], str], str]] = {
    "markdown": (render_markdown, "md"),
    "html": (render_html, "html"),
    "json": (render_json, "json"),
}


def render(summary: Summary, format_name: str = "markdown") -> str:
    renderer, _ = FORMATS[format_name]
    return renderer(summary)


def default_file_name(summary: Summary, format_name: str = "markdown") -> str:
    _, extension = FORMATS[format_name]
    return f"bilan-{summary.created_at:%Y-%m-%d}.{extension}"
