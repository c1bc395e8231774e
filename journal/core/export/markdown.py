"""Renders a Summary as a Markdown document that reads well in any viewer."""

from __future__ import annotations

import re

from journal.core.answer_view import Bars, Grid, Groups, Items, Pairs, Text, View, decimal, grid_lines
from journal.core.export.markdown_escape import escape_block, escape_inline
from journal.core.export.summary import ExportedEntry, Summary
from journal.i18n import t

BAR_WIDTH = 20


def _date(moment) -> str:
    return moment.strftime(t("formats.date"))


def _datetime(moment) -> str:
    return moment.strftime(t("formats.datetime"))


def bar(value: float, maximum: float, width: int = BAR_WIDTH) -> str:
    filled = round(width * value / maximum) if maximum else 0
    return "█" * filled + "░" * (width - filled)


def _bars(view: Bars) -> list[str]:
    width = max((len(label) for label, _, _ in view.bars), default=0)
    lines = ["```text"]
    for label, value, maximum in view.bars:
        lines.append(f"{label.ljust(width)}  {bar(value, maximum)}  {decimal(value)}/{maximum:g}")
    lines.append("```")
    if view.caption:
        lines += ["", escape_inline(view.caption)]
    return lines


def render_view(view: View, level: int) -> list[str]:
    """Markdown lines for a view; ``level`` is the heading depth for its groups."""
    if isinstance(view, Text):
        return escape_block(view.text)
    if isinstance(view, Items):
        if view.ordered:
            return [f"{n}. {escape_inline(item)}" for n, item in enumerate(view.items, start=1)]
        return [f"- {escape_inline(item)}" for item in view.items]
    if isinstance(view, Bars):
        return _bars(view)
    if isinstance(view, Grid):
        body = grid_lines(Grid(view.headers, view.rows))
        fence = _fence(body)
        return [f"{fence}text", *body, fence] + (["", escape_inline(view.caption)] if view.caption else [])
    lines: list[str] = []
    if isinstance(view, Pairs):
        for label, child in view.pairs:
            if isinstance(child, Text) and "\n" not in child.text.strip():
                lines += [f"**{escape_inline(label)}**{t('formats.label_sep')}{escape_inline(child.text)}", ""]
            else:
                lines += [f"**{escape_inline(label)}**{t('formats.label_sep').rstrip()}", ""] + render_view(child, level + 1) + [""]
        return _trim(lines)
    assert isinstance(view, Groups)
    marks = "#" * min(level, 6)
    for title, child in view.groups:
        lines += [f"{marks} {escape_inline(title)}", ""] + render_view(child, level + 1) + [""]
    return _trim(lines)


def _fence(lines: list[str]) -> str:
    """A code fence longer than any run of backticks in the lines, so none can close it."""
    longest = max((len(run) for line in lines for run in re.findall(r"`+", line)), default=0)
    return "`" * max(3, longest + 1)


def _trim(lines: list[str]) -> list[str]:
    while lines and lines[-1] == "":
        lines.pop()
    return lines


def _entry(exported: ExportedEntry) -> list[str]:
    exercise, entry = exported.exercise, exported.entry
    title = str(exercise.title)
    if exercise.repeatable:
        title = t("export.instance_title", title=title, number=entry.instance, date=_date(entry.created_at))
    status = t(f"status.{entry.status.value}")
    lines = [
        f"### {escape_inline(title)}",
        "",
        f"*{escape_inline(t('export.entry_meta', status=status, date=_date(entry.updated_at)))}*",
        "",
    ]
    for answer in exported.answers:
        lines += [f"**{escape_inline(answer.label)}**", ""] + render_view(answer.view, 4) + [""]
    return lines


def render_markdown(summary: Summary) -> str:
    lines = [
        f"# {escape_inline(t('export.title'))}",
        "",
        f"*{escape_inline(t('export.created', date=_date(summary.created_at)))}*",
        "",
        f"> {escape_inline(t('export.ownership'))}",
        "",
    ]
    if summary.private_left_out:
        lines += [f"> {escape_inline(t('export.private_left_out', count=summary.private_left_out))}", ""]
    if not summary.phases and not summary.notes:
        lines += [escape_inline(t("export.nothing_yet")), ""]
    for phase, entries in summary.phases:
        lines += [f"## {escape_inline(t('export.phase_heading', number=phase.number, name=t(f'phases.{phase.value}')))}", ""]
        for exported in entries:
            lines += _entry(exported)
    if summary.notes:
        lines += [f"## {escape_inline(t('export.notes'))}", ""]
        for note in summary.notes:
            lines += [f"### {escape_inline(_datetime(note.created_at))}", ""] + escape_block(note.text) + [""]
    return "\n".join(_trim(lines)) + "\n"
