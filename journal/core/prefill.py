"""Pre-fills a prompt from the worker's earlier answers, so a synthesis starts from them.

Entries the worker marked private, and answers to a question kept private,
are never used: what they pre-fill would otherwise reach the export through
the synthesis.

Text prompts get a short draft under the title of each referenced exercise,
for the worker to rewrite — not a copy of everything: a card sort's ranked
cards (the values top 5), a questionnaire's three highest scores with the
reminder that they are not a test, otherwise the first lines cut between words; tables get rows copied from
another table through the prompt's ``prefill_map`` (destination column = source column).
A card sort can feed a table too: each card of its ranked top is a row whose
``card`` column is the card's label (e.g. the five values that matter most
become five criteria).
"""

from __future__ import annotations

from typing import Any

from journal.core.answer_view import Bars, Pairs, answer_view, is_empty, view_as_text
from journal.core.catalogue import Catalogue
from journal.core.models import Prompt, PromptKind
from journal.core.models.prompt import TEXT_KINDS
from journal.core.store.entries import copied
from journal.core.store import JournalStore
from journal.core.scoring import score_questionnaire
from journal.i18n import t

DRAFT_LINES = 5
DRAFT_LINE_LENGTH = 120
QUESTIONNAIRE_SCORES = 3  # the highest ones: the rest is in the exercise


def _cut(line: str) -> str:
    """A line no longer than DRAFT_LINE_LENGTH, cut between two words."""
    if len(line) <= DRAFT_LINE_LENGTH:
        return line
    head = line[: DRAFT_LINE_LENGTH - 1]
    space = head.rfind(" ")
    return (head[:space] if space > DRAFT_LINE_LENGTH // 2 else head).rstrip(" ,;:") + "…"


def short_draft(text: str) -> str:
    """The first lines of an answer, each cut to a readable length; « … » says there is more."""
    lines = [line.rstrip() for line in text.splitlines() if line.strip()]
    kept = [_cut(line) for line in lines[:DRAFT_LINES]]
    if len(lines) > DRAFT_LINES:
        kept.append("…")
    return "\n".join(kept)


def _latest_answer(store: JournalStore, exercise_id: str, prompt: Prompt) -> Any:
    entries = [
        e for e in store.entries.current_of(exercise_id) if not e.is_private(prompt) and not is_empty(e.answer(prompt.id))
    ]
    # A copy: the answer read is the journal's own (no copies on this read), and the editor it fills may change it.
    return copied(max(entries, key=lambda e: e.updated_at).answer(prompt.id)) if entries else None


def _draft(source: Prompt, value: Any) -> str:
    """A few lines from one earlier answer: a card sort's ranked cards, a questionnaire's highest scores, else its first lines."""
    if source.kind == PromptKind.CARD_SORT and isinstance(value, dict):
        labels = [row[CARD_COLUMN] for row in _source_rows(source, value)]
        if labels:
            return "\n".join([t("answers.ranked") + t("formats.label_sep").rstrip(), *(f"{n}. {label}" for n, label in enumerate(labels, 1))])
    if source.kind == PromptKind.QUESTIONNAIRE and isinstance(value, dict):
        result = score_questionnaire(source, value)
        if result.answered:
            highest = sorted(result.scores, key=lambda score: -score.mean)[:QUESTIONNAIRE_SCORES]
            bars = tuple((f"{score.letter} {score.dimension.label}", round(score.mean, 1), 5.0) for score in highest)
            # Said in the same breath as the scores: an exploration, never a verdict.
            return view_as_text(Pairs(((t("answers.scores"), Bars(bars, t("answers.code", code=result.code) + " " + t("content.not_a_test"))),)))
    text = view_as_text(answer_view(source, value))
    return short_draft(text) if text else ""


def prefill_value(prompt: Prompt, catalogue: Catalogue, store: JournalStore) -> Any:
    """The starting value for an empty ``prompt``, or None when there is nothing to bring in."""
    if not prompt.prefill:
        return None
    if prompt.kind == PromptKind.TABLE:
        return _table_rows(prompt, catalogue, store)
    if prompt.kind not in TEXT_KINDS:
        return None
    parts = []
    for reference in prompt.prefill:
        found = catalogue.resolve(reference)
        if found is None:
            continue
        exercise, source = found
        text = _draft(source, _latest_answer(store, exercise.id, source))
        if text:
            parts.append(f"{exercise.title}\n{text}")
    return "\n\n".join(parts) or None


def _table_rows(prompt: Prompt, catalogue: Catalogue, store: JournalStore) -> list[dict] | None:
    mapping = dict(prompt.prefill_map)
    rows: list[dict] = []
    for reference in prompt.prefill:
        found = catalogue.resolve(reference)
        if found is None:
            continue
        exercise, source = found
        value = _latest_answer(store, exercise.id, source)
        for row in _source_rows(source, value):
            if isinstance(row, dict):
                copied = {target: row.get(origin) for target, origin in mapping.items() if not is_empty(row.get(origin))}
                if copied:
                    rows.append(copied)
    return rows or None


CARD_COLUMN = "card"


def _source_rows(source: Prompt, value: Any) -> list[dict]:
    """The rows a table can be pre-filled from: a table's rows, or a card sort's ranked top."""
    if source.kind == PromptKind.CARD_SORT:
        if not isinstance(value, dict):
            return []
        details = value.get("details") if isinstance(value.get("details"), dict) else {}
        top = value.get("top") if isinstance(value.get("top"), list) else []
        rows = []
        for card in top:
            option = source.option(card) if isinstance(card, str) else None
            if option is not None:
                extra = details.get(card) if isinstance(details.get(card), dict) else {}
                rows.append({**extra, CARD_COLUMN: str(option.label)})
        return rows
    return [row for row in value if isinstance(row, dict)] if isinstance(value, list) else []
