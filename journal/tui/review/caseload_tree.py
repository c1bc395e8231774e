"""The list on the left: one branch per dossier (first name · reference), its summaries newest first.

Labels are built as ``rich.text.Text`` from inert text, so nothing a summary
says is read as markup or obeyed by the terminal.
"""

from __future__ import annotations

from dataclasses import dataclass

from rich.text import Text
from textual.widgets import Tree

from journal.core.review import Dossier, Refusal, SummaryDocument
from journal.core.text_safety import inert_line
from journal.i18n import t

MAX_LABEL = 60


@dataclass(frozen=True)
class SummaryChoice:
    dossier: Dossier
    summary: SummaryDocument


@dataclass(frozen=True)
class RefusalChoice:
    refusal: Refusal


def _short(text: str) -> str:
    text = inert_line(text)
    return text if len(text) <= MAX_LABEL else text[: MAX_LABEL - 1] + "…"


def dossier_label(dossier: Dossier) -> Text:
    alias = _short(dossier.alias) or t("review.no_alias")
    reference = _short(dossier.reference) or t("review.no_dossier")
    return Text(t("review.dossier_label", alias=alias, dossier=reference), style="bold")


def summary_label(dossier: Dossier, summary: SummaryDocument) -> Text:
    header = summary.header
    label = Text(t("review.summary_label", sequence=header.sequence, date=header.exported_at.strftime(t("review.date_format"))))
    if dossier.is_superseded(summary):
        label.append(f" · {t('review.superseded')}", style="dim italic")
    if summary.encrypted:
        label.append(f" · {t('review.encrypted')}", style="dim")
    return label


class CaseloadTree(Tree):
    """Dossiers and their summaries; a last branch lists the files that were not opened."""

    def __init__(self, dossiers: list[Dossier], refusals: list[Refusal], **kwargs):
        super().__init__(Text(t("review.list_label")), **kwargs)
        self.show_root = False
        self.guide_depth = 2
        for dossier in dossiers:
            branch = self.root.add(dossier_label(dossier), data=SummaryChoice(dossier, dossier.newest), expand=True)
            for summary in dossier.summaries:
                branch.add_leaf(summary_label(dossier, summary), data=SummaryChoice(dossier, summary))
        if refusals:
            branch = self.root.add(Text(t("review.refused_group", count=len(refusals)), style="italic"), expand=True)
            for refusal in refusals:
                branch.add_leaf(Text(_short(refusal.path.name)), data=RefusalChoice(refusal))
