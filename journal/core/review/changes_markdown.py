"""The changes between two summaries written as Markdown, for the viewer's Markdown widget.

Lines of the summaries go inside fenced blocks whose fence is longer than any
run of backticks they hold, so a summary cannot break out of the block.
"""

from __future__ import annotations

import re

from journal.core.review.changes import Changes, compare
from journal.core.review.document import SummaryDocument
from journal.i18n import t

_BACKTICKS = re.compile(r"`+")


def changes_markdown(previous: SummaryDocument | None, current: SummaryDocument) -> str:
    """The « what changed » page for ``current`` (a sentence when there is nothing to compare)."""
    if previous is None:
        return f"# {t('review.changes_title')}\n\n{t('review.changes_first')}\n"
    changes = compare(previous, current)
    lines = [
        f"# {t('review.changes_title')}",
        "",
        t(
            "review.changes_since",
            sequence=previous.header.sequence,
            date=previous.header.exported_at.strftime(t("review.date_format")),
        ),
        "",
    ]
    if changes.nothing:
        lines += [t("review.changes_none"), ""]
        return "\n".join(lines)
    lines += _added_and_removed(changes)
    for change in changes.changed:
        lines += [f"## {t('review.changes_changed', title=_title(change.title))}", ""]
        diff = [f"- {line}" for line in change.removed] + [f"+ {line}" for line in change.added]
        lines += _fenced(diff)
        if change.truncated:
            lines += [t("review.changes_truncated"), ""]
    return "\n".join(lines)


def _added_and_removed(changes: Changes) -> list[str]:
    lines: list[str] = []
    if changes.added:
        lines += [f"## {t('review.changes_added')}", ""]
        lines += [f"- {_title(section.title)}" for section in changes.added] + [""]
    if changes.removed:
        lines += [f"## {t('review.changes_removed')}", ""]
        lines += [f"- {_title(section.title)}" for section in changes.removed] + [""]
    return lines


def _title(title: str) -> str:
    return title or t("review.changes_opening")


def _fenced(lines: list[str]) -> list[str]:
    longest = max((len(run) for line in lines for run in _BACKTICKS.findall(line)), default=0)
    fence = "`" * max(3, longest + 1)
    return [f"{fence}diff", *lines, fence, ""]
