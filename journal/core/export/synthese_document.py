"""``bilan export --synthese``: the validated synthesis and the action plan, a document the worker may hand to others.

No front matter, no questions, no notes, nothing private: the synthesis the
worker validated (the conseiller's draft, « version validée le … »; without a
draft from a conseiller, the worker's own « Ma synthèse » once marked done, no
pre-filled draft left to reread), then the
non-private answers of « Mon plan d'action ». Printable on A4 as HTML.
"""

from __future__ import annotations

from datetime import datetime
from html import escape

from markdown_it import MarkdownIt

from journal.core.catalogue import Catalogue
from journal.core.export.markdown import render_view
from journal.core.export.markdown_escape import escape_inline
from journal.core.models import EntryStatus
from journal.core.export.summary import ExportedEntry, current_plan, exported_entry, only_drafts
from journal.core.record import record
from journal.core.storage.errors import JournalError
from journal.core.store import JournalStore, now
from journal.core.text_safety import inert
from journal.i18n import current_language, t

SYNTHESIS_EXERCISE = "ma-synthese"
ACTION_PLAN_EXERCISE = "mon-plan-action"

_A4_STYLE = """
@page { size: A4; margin: 2cm; }
body { font-family: Georgia, 'DejaVu Serif', serif; max-width: 42rem; margin: 2rem auto; line-height: 1.5; color: #111; }
h1 { font-size: 1.7rem; border-bottom: 2px solid #444; padding-bottom: .3rem; }
h2 { margin-top: 2rem; border-bottom: 1px solid #999; }
@media print { body { margin: 0; max-width: none; } h2 { break-after: avoid; } }
"""


@record
class SyntheseDocument:
    created_at: datetime
    draft: str
    validated_at: datetime | None
    own: tuple[ExportedEntry, ...]
    action_plan: tuple[ExportedEntry, ...]


class NoValidatedSynthesis(JournalError):
    """The conseiller's draft exists but the worker has not validated it."""


def build_synthese(store: JournalStore, catalogue: Catalogue) -> SyntheseDocument:
    bilan, plan = current_plan(store)

    def shared(exercise_id: str, *, reviewed_only: bool = False) -> tuple[ExportedEntry, ...]:
        exercise = catalogue.get(exercise_id)
        if exercise is None:
            return ()
        entries = [entry for entry in store.entries.current_of(exercise_id) if not entry.private]
        if reviewed_only:
            # The worker's own synthesis counts as validated once marked done, with no pre-filled draft left unread.
            entries = [entry for entry in entries if entry.status == EntryStatus.DONE and not entry.drafts]
        found = (exported_entry(exercise, entry) for entry in entries)
        return tuple(item for item in found if item.answers)

    if bilan and plan and plan.draft:
        review = store.synthesis.review(bilan.id, plan.draft.dossier, plan.draft.sequence)
        if review.validated_at is None:
            raise NoValidatedSynthesis(t("synthese_doc.not_validated", conseiller=plan.draft.conseiller))
        return SyntheseDocument(now(), plan.draft.text, review.validated_at, (), shared(ACTION_PLAN_EXERCISE))
    drafted = any(only_drafts(entry) for entry in store.entries.current_of(SYNTHESIS_EXERCISE) if not entry.private)
    if not drafted and not shared(SYNTHESIS_EXERCISE):
        raise JournalError(t("synthese_doc.nothing"))
    own = shared(SYNTHESIS_EXERCISE, reviewed_only=True)
    if not own:
        raise JournalError(t("synthese_doc.own_not_done"))
    return SyntheseDocument(now(), "", None, own, shared(ACTION_PLAN_EXERCISE))


def _answers(entries: tuple[ExportedEntry, ...]) -> list[str]:
    lines: list[str] = []
    for exported in entries:
        for answer in exported.answers:
            lines += [f"### {escape_inline(answer.label)}", ""] + render_view(answer.view, 4) + [""]
    return lines


def synthese_markdown(document: SyntheseDocument) -> str:
    lines = [f"# {escape_inline(t('synthese_doc.title'))}", ""]
    if document.validated_at:
        lines += [f"*{escape_inline(t('summary.validated', date=document.validated_at.strftime(t('formats.date'))))}*", ""]
    lines += [f"## {escape_inline(t('synthese_doc.synthesis'))}", ""]
    if document.draft:
        # The validated draft keeps the conseiller's own layout, one level below the document's title.
        for line in document.draft.replace("\r\n", "\n").split("\n"):
            lines.append("#" + line if line.startswith("#") and line.lstrip("#").startswith(" ") else line)
        lines.append("")
    lines += _answers(document.own)
    if document.action_plan:
        lines += [f"## {escape_inline(t('synthese_doc.action_plan'))}", ""] + _answers(document.action_plan)
    while lines and not lines[-1]:
        lines.pop()
    return inert("\n".join(lines) + "\n")


def synthese_html(document: SyntheseDocument) -> str:
    body = MarkdownIt("commonmark", {"html": False}).render(synthese_markdown(document))
    return (
        f'<!DOCTYPE html>\n<html lang="{current_language()}">\n<head>\n<meta charset="utf-8">\n'
        f"<title>{escape(t('synthese_doc.title'))}</title>\n<style>{_A4_STYLE}</style>\n</head>\n"
        f"<body>\n{body}</body>\n</html>\n"
    )


__all__ = ["NoValidatedSynthesis", "SyntheseDocument", "build_synthese", "synthese_html", "synthese_markdown"]
