"""The export formats by name, and the default file name for each.

Each renderer is imported when its format is asked for: a Markdown export
does not load the HTML page's Markdown parser.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

from journal.core.collector import collector_paused

if TYPE_CHECKING:
    from journal.core.export.summary import Summary

# name → (renderer as "module:function", file extension)
FORMATS: dict[str, tuple[str, str]] = {
    "markdown": ("journal.core.export.markdown:render_markdown", "md"),
    "html": ("journal.core.export.html:render_html", "html"),
    "json": ("journal.core.export.json_export:render_json", "json"),
}


def render(summary: Summary, format_name: str = "markdown") -> str:
    module, _, function = FORMATS[format_name][0].partition(":")
    renderer = getattr(importlib.import_module(module), function)
    with collector_paused():
        return renderer(summary)


def default_file_name(summary: Summary, format_name: str = "markdown") -> str:
    _, extension = FORMATS[format_name]
    return f"bilan-{summary.created_at:%Y-%m-%d}.{extension}"
