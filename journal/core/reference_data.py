"""Reference lists shipped with bilan: ROME job titles and ESCO transversal competences.

ROME 4.0 labels: France Travail, Licence Ouverte / Open Licence (Etalab).
ESCO transversal competences: European Commission, reuse authorised with
acknowledgement of the source. Both files are read once, on first use.
"""

from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass
from functools import cache

from rapidfuzz import fuzz, process

from journal.resources import data_dir

ROME_FILE = "rome-metiers.json"
ESCO_FILE = "esco-competences-transversales-fr.json"
MAX_QUERY = 100
# Below this rapidfuzz score (0–100) a title is too far from what was typed to be offered.
FUZZY_CUTOFF = 80
WORD_CUTOFF = 70


@dataclass(frozen=True, slots=True)
class Reference:
    """One pickable title: its code (ROME code or ESCO URI), label and group."""

    code: str
    label: str
    group: str
    folded: str


def fold(text: str) -> str:
    """Lowercase, accents removed: « Éducateur » and « educateur » match."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(char for char in decomposed if not unicodedata.combining(char))


def _load(name: str) -> dict:
    with open(data_dir() / name, encoding="utf-8") as handle:
        return json.load(handle)


@cache
def rome_jobs() -> tuple[Reference, ...]:
    data = _load(ROME_FILE)
    return tuple(
        Reference(job["code"], job["libelle"], ", ".join(job.get("secteurs", [])), fold(job["libelle"]))
        for job in data["metiers"]
    )


@cache
def esco_competences() -> tuple[Reference, ...]:
    data = _load(ESCO_FILE)
    return tuple(
        Reference(skill["uri"], skill["label"], group["group"], fold(skill["label"]))
        for group in data["groups"]
        for skill in group["skills"]
    )


@cache
def source_credit(source: str) -> str:
    """The source and licence line to show wherever the list is shown."""
    data = _load(ROME_FILE if source == "rome" else ESCO_FILE)
    return f"{data['source']} — {data['licence']}"


def references(source: str) -> tuple[Reference, ...]:
    return rome_jobs() if source == "rome" else esco_competences()


def _words(folded: str) -> list[str]:
    return [word for word in re.split(r"[^\w]+", folded) if word]


@cache
def _word_index(source: str) -> tuple[tuple[str, ...], ...]:
    return tuple(tuple(_words(ref.folded)) for ref in references(source))


@cache
def _vocabulary(source: str) -> tuple[str, ...]:
    return tuple(sorted({word for title_words in _word_index(source) for word in title_words}))


def _word_scores(source: str, word: str) -> dict[str, float]:
    """How close ``word`` is to each word of the titles (or to its start: « soignat » ~ « soignan(t) »)."""
    vocabulary = _vocabulary(source)
    scores: dict[str, float] = {}
    for length in (None, len(word), len(word) + 1):
        choices = vocabulary if length is None else [known[:length] for known in vocabulary]
        for _, score, index in process.extract(word, choices, scorer=fuzz.ratio, limit=None, score_cutoff=WORD_CUTOFF):
            known = vocabulary[index]
            if score > scores.get(known, 0):
                scores[known] = float(score)
    return scores


def _close_spellings(source: str, words: list[str]) -> list[tuple[tuple[float, int], int]]:
    """((−score, length), position) of titles whose words are close to every typed word, best first."""
    per_word = [_word_scores(source, word) for word in words]
    refs = references(source)
    found = []
    for position, title_words in enumerate(_word_index(source)):
        best = [max((scores.get(known, 0.0) for known in title_words), default=0.0) for scores in per_word]
        if min(best) >= WORD_CUTOFF and sum(best) / len(best) >= FUZZY_CUTOFF:
            found.append(((-round(sum(best) / len(best)), len(refs[position].label)), position))
    return sorted(found)


def search(source: str, query: str, limit: int = 30) -> list[Reference]:
    """Titles matching ``query``, forgiving typos and missing accents, best first.

    First the titles where every typed word starts a word of the title
    (« aide soig » → « Aide-soignant »), those starting with the first typed word
    ahead; then titles that contain every typed word; then close spellings
    (rapidfuzz), best score first.
    """
    words = _words(fold(query[:MAX_QUERY]))
    refs = references(source)
    if not words:
        return list(refs[:limit])
    index = _word_index(source)
    starts, contains, chosen = [], [], set()
    for position, (ref, title_words) in enumerate(zip(refs, index)):
        if all(any(title_word.startswith(word) for title_word in title_words) for word in words):
            first = bool(title_words) and title_words[0].startswith(words[0])
            starts.append((not first, len(ref.label), position))
        elif all(word in ref.folded for word in words):
            contains.append((len(ref.label), position))
        else:
            continue
        chosen.add(position)
    ranked = [position for *_, position in sorted(starts)] + [position for _, position in sorted(contains)]
    if len(ranked) < limit:
        close = _close_spellings(source, words)
        ranked += [position for _, position in close if position not in chosen]
    return [refs[position] for position in ranked[:limit]]
