"""Fills a throw-away journal with a realistic sample worker, for ``bilan demo``.

The sample lives in ``data/demo-journal.json``: a fictional éducatrice halfway
through her bilan, with answers in several phases, a few notes and one private
note. Answers to prompts the catalogue no longer has are skipped.
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
        instance = store.new_instance(exercise.id) if exercise.repeatable else 1
        for prompt_id, value in item["answers"].items():
            if exercise.prompt(prompt_id) is not None:
                store.save_answer(exercise.id, prompt_id, value, instance)
        store.set_status(exercise.id, EntryStatus(item.get("status", "started")), instance)
    for note in sample["notes"]:
        store.add_note(note["text"], private=bool(note.get("private")), created_at=now() - timedelta(days=note["days_ago"]))
