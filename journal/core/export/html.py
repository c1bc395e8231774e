"""A printable HTML page made from the Markdown export (raw HTML disabled)."""

from __future__ import annotations

from html import escape

from markdown_it import MarkdownIt

from journal.core.export.markdown import render_body
from journal.core.export.summary import Summary
from journal.i18n import current_language, t

_STYLE = """
body { font-family: Georgia, 'DejaVu Serif', serif; max-width: 46rem; margin: 2rem auto;
       padding: 0 1rem; line-height: 1.5; color: #1d1d1d; }
h1 { font-size: 1.8rem; border-bottom: 2px solid #444; padding-bottom: .3rem; }
h2 { margin-top: 2.2rem; border-bottom: 1px solid #999; }
h3 { margin-top: 1.6rem; }
blockquote { border-left: 4px solid #bbb; margin-left: 0; padding-left: 1rem; color: #444; }
pre { background: #f4f4f4; padding: .6rem; overflow-x: auto; }
@media print { body { margin: 0; max-width: none; } h2 { break-before: page; }
               h2:first-of-type { break-before: avoid; } pre { white-space: pre-wrap; } }
"""


def render_html(summary: Summary) -> str:
    parser = MarkdownIt("commonmark", {"html": False})
    body = parser.render(render_body(summary))
    return (
        f'<!DOCTYPE html>\n<html lang="{current_language()}">\n<head>\n<meta charset="utf-8">\n'
        f"<title>{escape(t('export.title'))}</title>\n<style>{_STYLE}</style>\n</head>\n"
        f"<body>\n{body}</body>\n</html>\n"
    )
