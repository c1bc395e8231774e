"""Reference lists shipped with bilan: ROME job titles and ESCO transversal competences.

ROME 4.0 labels: France Travail, Licence Ouverte / Open Licence (Etalab).
ESCO transversal competences: European Commission, reuse authorised with
acknowledgement of the source. Both files are read once, on first use.
"""

from __future__ import annotations

import json
import unicodedata
from dataclasses import dataclass
from functools import cache

from journal.resources import data_dir

ROME_FILE = "rome-metiers.json"
ESCO_FILE = "esco-competences-transversales-fr.json"


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


def search(source: str, query: str, limit: int = 30) -> list[Reference]:
    """Titles whose words all appear in the query's order-free words; prefix matches first."""
    words = fold(query).split()
    if not words:
        return list(references(source)[:limit])
    found = [ref for ref in references(source) if all(word in ref.folded for word in words)]
    found.sort(key=lambda ref: (not ref.folded.startswith(words[0]), len(ref.label)))
    return found[:limit]
