"""Renders a Summary as a Markdown document that reads well in any viewer."""

from __future__ import annotations

import functools
import re
from collections.abc import Callable

from journal.core.answer_view import Bars, Grid, Groups, Items, Pairs, Text, View, decimal, grid_lines
from journal.core.export.date_format import date_formatter
from journal.core.export.markdown_escape import escape_block, escape_inline, unchanged_inline
from journal.core.export.front_matter import front_matter
from journal.core.export.summary import ExportedEntry, Summary
from journal.core.text_safety import inert
from journal.i18n import t

BAR_WIDTH = 20


def _date(moment) -> str:
    return date_formatter(t("formats.date"))(moment)


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


def render_view(view: View, level: int, label: Callable[[str], str] = escape_inline) -> list[str]:
    """Markdown lines for a view; ``level`` is the heading depth for its groups, ``label`` escapes a field's label."""
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
        separator = t("formats.label_sep")
        for name, child in view.pairs:
            if isinstance(child, Text) and "\n" not in child.text.strip():
                lines += [f"**{label(name)}**{separator}{escape_inline(child.text)}", ""]
            else:
                lines += [f"**{label(name)}**{separator.rstrip()}", ""] + render_view(child, level + 1, label) + [""]
        return _trim(lines)
    assert isinstance(view, Groups)
    marks = "#" * min(level, 6)
    for title, child in view.groups:
        lines += [f"{marks} {escape_inline(title)}", ""] + render_view(child, level + 1, label) + [""]
    return _trim(lines)


def _fence(lines: list[str]) -> str:
    """A code fence longer than any run of backticks in the lines, so none can close it."""
    longest = max((len(run) for line in lines for run in re.findall(r"`+", line)), default=0)
    return "`" * max(3, longest + 1)


def _trim(lines: list[str]) -> list[str]:
    while lines and lines[-1] == "":
        lines.pop()
    return lines


def _entry(exported: ExportedEntry, label: Callable[[str], str] = escape_inline) -> list[str]:
    """An entry's section; ``label`` escapes a question's label (see ``_exercises``)."""
    exercise, entry = exported.exercise, exported.entry
    title = str(exercise.title)
    if exercise.repeatable:
        title = t("export.instance_title", title=title, number=entry.instance, date=_date(entry.created_at))
    if exercise.proposed_by:
        title = t("summary.proposed_title", title=title, conseiller=exercise.proposed_by)
    status = t(f"status.{entry.status.value}")
    lines = [
        f"### {escape_inline(title)}",
        "",
        f"*{escape_inline(t('export.entry_meta', status=status, date=_date(entry.updated_at)))}*",
        "",
    ]
    for answer in exported.answers:
        lines.append(f"**{label(answer.label)}**")
        lines.append("")
        lines += render_view(answer.view, 4, label)
        lines.append("")
    if exported.unanswered:
        lines += [f"**{escape_inline(t('summary.not_answered_yet'))}**", ""]
        lines += [f"- {label(unanswered)}" for unanswered in exported.unanswered] + [""]
    return lines


def _heading(key: str, **values) -> list[str]:
    return [f"## {escape_inline(t(key, **values))}", ""]


def _where_i_am(summary: Summary) -> list[str]:
    if not summary.status:
        return []
    lines = _heading("summary.where_i_am")
    for line in summary.status:
        state = t(f"status.{line.status.value}") if line.status else t("summary.not_shared")
        text = t("summary.status_line", title=str(line.exercise.title), status=state)
        if line.due:
            text = t("summary.status_line_due", line=text, date=_date(line.due))
        lines.append(f"- {escape_inline(text)}")
    return lines + [""]


def _questions(summary: Summary) -> list[str]:
    if not summary.questions:
        return []
    return _heading("summary.questions") + [f"- {escape_inline(question.text)}" for question in summary.questions] + [""]


def _changed(summary: Summary) -> list[str]:
    if summary.changed_since is None:
        return []
    lines = _heading("summary.changed", date=_date(summary.changed_since))
    for item in summary.changed:
        key = "summary.changed_new" if item.new else "summary.changed_updated"
        lines.append(f"- {escape_inline(t(key, title=str(item.exercise.title), date=_date(item.entry.updated_at)))}")
    if summary.changed_notes:
        lines.append(f"- {escape_inline(t('summary.changed_notes', count=summary.changed_notes))}")
    if not summary.changed and not summary.changed_notes:
        lines.append(escape_inline(t("summary.nothing_changed")))
    return lines + [""]


def _synthesis(summary: Summary) -> list[str]:
    shared = summary.synthesis
    if shared is None:
        return []
    draft, review = shared.draft, shared.review
    lines = _heading("summary.synthesis", conseiller=draft.conseiller)
    lines += [f"### {escape_inline(t('summary.synthesis_draft', conseiller=draft.conseiller, date=_date(draft.received)))}", ""]
    for part in shared.parts:
        lines += [f"#### {escape_inline(part.title)}", ""] + escape_block(part.body) + [""]
    lines += [f"### {escape_inline(t('summary.synthesis_comments'))}", ""]
    commented = [part for part in shared.parts if review.comments.get(part.key, "").strip()]
    for part in commented:
        lines += [f"#### {escape_inline(part.title)}", ""] + escape_block(review.comments[part.key]) + [""]
    if not commented:
        lines += [escape_inline(t("summary.no_comments")), ""]
    if review.validated_at:
        lines += [f"*{escape_inline(t('summary.validated', date=_date(review.validated_at)))}*", ""]
    return lines


def _exercises(summary: Summary) -> list[str]:
    lines: list[str] = []
    # The same questions come back in every instance of an exercise: each label is escaped once.
    label = functools.lru_cache(maxsize=None)(escape_inline)
    for phase, entries in summary.phases:
        lines += _heading("export.phase_heading", number=phase.number, name=t(f"phases.{phase.value}"))
        for exported in entries:
            lines += _entry(exported, label)
    return lines


def _notes(summary: Summary) -> list[str]:
    if not summary.notes:
        return []
    lines = _heading("export.notes")
    when = date_formatter(t("formats.datetime"))
    moods: dict[str, str] = {}
    headings = []
    for created_at, _, mood in summary.notes:
        heading = when(created_at)
        if mood:
            if mood not in moods:
                moods[mood] = t("export.note_mood", mood=t(f"worker.notes.mood_{mood}"))
            heading += moods[mood]
        headings.append(heading)
    # Dates and moods hardly ever hold anything to escape: checked for all headings at once.
    if not unchanged_inline(headings):
        headings = [escape_inline(heading) for heading in headings]
    # Each note but the last as one piece of the document (its lines already joined: a quarter of the items
    # to join); the last as lines, so that the blank lines ending the document are trimmed as before.
    for heading, (_, text, _) in zip(headings, summary.notes[:-1]):
        block = escape_block(text)
        lines.append(f"### {heading}\n\n{block[0]}\n" if len(block) == 1 else "\n".join([f"### {heading}", "", *block, ""]))
    lines += [f"### {headings[-1]}", "", *escape_block(summary.notes[-1][1]), ""]
    return lines


def _title(summary: Summary) -> list[str]:
    title = t("summary.title_for", alias=summary.alias) if summary.alias else t("export.title")
    period = (
        t("summary.period", start=_date(summary.period_from), end=_date(summary.period_to))
        if summary.period_from else t("summary.period_all", end=_date(summary.period_to))
    )
    lines = [f"# {escape_inline(title)}", "", f"*{escape_inline(t('export.created', date=_date(summary.created_at)))} {escape_inline(period)}*", ""]
    if summary.conseiller:
        # No dossier before an assignment: the name is the one the worker gave at first start.
        key = "summary.for_conseiller" if summary.dossier else "summary.for_conseiller_only"
        lines += [f"*{escape_inline(t(key, conseiller=summary.conseiller, dossier=summary.dossier))}*", ""]
    return lines + [f"> {escape_inline(t('export.ownership'))}", ""]


SECTIONS = (_where_i_am, _questions, _changed, _synthesis, _exercises, _notes)


def render_body(summary: Summary) -> str:
    """The summary without its front matter (the HTML page is made from this)."""
    lines = _title(summary)
    if not summary.phases and not summary.notes and not summary.synthesis and not summary.questions:
        lines += [escape_inline(t("export.nothing_yet")), ""]
    for section in SECTIONS:
        lines += section(summary)
    # A document for people, which may well be shown with ``cat``: nothing in it is obeyed by a terminal.
    return inert("\n".join(_trim(lines)) + "\n")


def render_markdown(summary: Summary) -> str:
    return inert(front_matter(summary)) + "\n" + render_body(summary)
