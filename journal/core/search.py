"""Finds notes and answers, ignoring case and accents (« ecole » finds « École »).

Every word of the query must appear in the same answer or note. Each hit says
where it is (exercise, instance and question, or note) and shows the words
around the first match, so the worker recognises it before opening it.
"""

from __future__ import annotations

import unicodedata
from itertools import chain
from dataclasses import dataclass
from datetime import datetime

from journal.core.answer_view import answer_view, view_as_text
from journal.core.catalogue import Catalogue
from journal.core.store import JournalStore

MAX_QUERY = 200
CONTEXT = 40
MAX_HITS = 200


@dataclass(frozen=True, slots=True)
class Hit:
    """One answer (``exercise_id``, ``instance``, ``prompt_id``) or one note (``note_id``) that matches."""

    kind: str  # "answer" or "note"
    context: str
    when: datetime
    private: bool = False
    exercise_id: str | None = None
    instance: int = 1
    prompt_id: str | None = None
    note_id: int | None = None


def fold_with_positions(text: str) -> tuple[str, list[int]]:
    """``text`` lower-cased without accents, and for each folded character the index it came from."""
    folded: list[str] = []
    origin: list[int] = []
    for index, char in enumerate(text):
        decomposed = unicodedata.normalize("NFKD", char.casefold())
        for part in decomposed:
            if not unicodedata.combining(part):
                folded.append(part)
                origin.append(index)
    return "".join(folded), origin


def query_words(query: str) -> list[str]:
    folded, _ = fold_with_positions(query[:MAX_QUERY])
    return folded.split()


def match_context(text: str, words: list[str]) -> str | None:
    """The words around the first match when every word is in ``text``; None otherwise."""
    if not words:
        return None
    folded, origin = fold_with_positions(text)
    positions = [folded.find(word) for word in words]
    if any(position < 0 for position in positions):
        return None
    start = origin[positions[0]]
    end = origin[positions[0] + len(words[0]) - 1] + 1
    left, right = max(0, start - CONTEXT), min(len(text), end + CONTEXT)
    snippet = " ".join(text[left:right].split())
    return ("…" if left > 0 else "") + snippet + ("…" if right < len(text) else "")


def search(store: JournalStore, catalogue: Catalogue, query: str) -> list[Hit]:
    """Answers then notes that hold every word of ``query``, newest first within each."""
    words = query_words(query)
    if not words:
        return []
    hits: list[Hit] = []
    for entry in sorted(chain.from_iterable(store.entries.current().values()), key=lambda found: found.updated_at, reverse=True):
        exercise = catalogue.get(entry.exercise_id)
        if exercise is None:
            continue
        for prompt in exercise.prompts:
            text = view_as_text(answer_view(prompt, entry.answer(prompt.id)))
            context = match_context(text, words) if text else None
            if context is not None:
                hits.append(Hit("answer", context, entry.updated_at, entry.private, exercise.id, entry.instance, prompt.id))
    for note in reversed(store.notes.all()):
        context = match_context(note.text, words)
        if context is not None:
            hits.append(Hit("note", context, note.created_at, note.private, note_id=note.id))
    return hits[:MAX_HITS]
