"""Fills a throw-away journal with a realistic sample worker, for ``bilan demo``.

The sample lives in ``data/demo-journal.json``: a fictional éducatrice halfway
through her bilan, with answers in several phases, a few notes and one private
note; questionnaires are filled from a level per dimension. Answers to prompts
the catalogue no longer has are skipped.
"""

from __future__ import annotations

import json
from datetime import timedelta

from journal.core.catalogue import Catalogue
from journal.core.models import EntryStatus
from journal.core.store import JournalStore, now
from journal.resources import data_dir

DEMO_FILE = "demo-journal.json"


def fill_demo_journal(store: JournalStore, catalogue: Catalogue) -> None:
    with open(data_dir() / DEMO_FILE, encoding="utf-8") as handle:
        sample = json.load(handle)
    for item in sample["entries"]:
        exercise = catalogue.get(item["exercise"])
        if exercise is None:
            continue
        instance = store.entries.new_instance(exercise.id) if exercise.repeatable else 1
        for prompt_id, value in item["answers"].items():
            if exercise.prompt(prompt_id) is not None:
                store.entries.save_answer(exercise.id, prompt_id, value, instance)
        for prompt_id, profile in item.get("questionnaire_profile", {}).items():
            prompt = exercise.prompt(prompt_id)
            if prompt is not None:
                store.entries.save_answer(exercise.id, prompt_id, _ratings(prompt, profile), instance)
        store.entries.set_status(exercise.id, EntryStatus(item.get("status", "started")), instance)
    for note in sample["notes"]:
        hour, minute = (int(part) for part in note.get("at", "12:00").split(":"))
        moment = (now() - timedelta(days=note["days_ago"])).replace(hour=hour, minute=minute, second=0)
        store.notes.add(note["text"], private=bool(note.get("private")), created_at=moment)


def _ratings(prompt, profile: dict[str, int]) -> dict[str, int]:
    """Plausible 1–5 ratings around each dimension's level, varied item by item but reproducible."""
    ratings = {}
    for index, item in enumerate(prompt.items):
        level = profile.get(item.dimension, 3) + (0, 1, -1, 0)[index % 4]
        ratings[item.id] = min(5, max(1, level))
    return ratings
