"""How a search hit is named, for the search screen and ``bilan search``."""

from __future__ import annotations

from journal.core.catalogue import Catalogue
from journal.core.search import Hit
from journal.core.text_safety import inert_line
from journal.i18n import t


def hit_place(hit: Hit, catalogue: Catalogue) -> str:
    """« Mes valeurs › question 2 : … » or « Note du 12/03/2026 à 18:20 »."""
    private = f" {t('notes.private_flag')}" if hit.private else ""
    if hit.kind == "note":
        return t("worker.search.note_place", date=hit.when.strftime(t("formats.datetime"))) + private
    exercise = catalogue.get(hit.exercise_id)
    prompt = exercise.prompt(hit.prompt_id) if exercise else None
    number = exercise.prompts.index(prompt) + 1 if prompt else 0
    title = str(exercise.title) if exercise else hit.exercise_id
    if exercise is not None and exercise.repeatable:
        title = t("worker.search.instance", title=title, number=hit.instance)
    return inert_line(t("worker.search.answer_place", title=title, number=number, label=str(prompt.label) if prompt else "")) + private


def hit_context(hit: Hit) -> str:
    return inert_line(hit.context)
