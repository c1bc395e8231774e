"""Benchmark journals: the same French texts as a bilan journal file and as a jrnl journal.

A journal of N entries holds every exercise of the catalogue once, one more
instance of a repeatable exercise (a follow-up) per 200 entries, each instance
with 30 saved versions of its answers, and French notes for the rest. The
*stress* journal makes one entry in ten an exercise instance. Entries are
spread over three years, in order.

The bilan side is written straight in the store's file format (schema 1, see
``journal/core/store/entries.py`` and ``journal/core/storage/validation.py``):
the journal with each entry's current answers, and ``versions/`` beside it
with one file of saved versions per entry (``journal/core/storage/versions_folder.py``),
as bilan keeps them; going through ``JournalStore`` would save the whole file once per answer. The
jrnl side holds the current answers only, since jrnl keeps no versions.
"""

from __future__ import annotations

import os
import random
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import orjson

from benchmarks import french_texts as fr
from journal.core.catalogue import Catalogue
from journal.core.paths import VERSIONS_FOLDER
from journal.core.storage.versions_folder import FORMAT as VERSIONS_FORMAT
from journal.core.storage.versions_folder import KIND as VERSIONS_KIND
from journal.core.storage.versions_folder import file_name
from journal.core.models import Exercise, Field, Prompt, PromptKind

VERSIONS = 30
FOLLOW_UP_EVERY = 200
STRESS_EVERY = 10
SPAN = timedelta(days=3 * 365)
START = datetime(2022, 1, 3, 8, 0, tzinfo=timezone(timedelta(hours=1)))
JRNL_TIME_FORMAT = "%Y-%m-%d %H:%M"


@dataclass(frozen=True)
class JournalSpec:
    entries: int
    stress: bool = False

    @property
    def name(self) -> str:
        return f"{self.entries}-stress" if self.stress else str(self.entries)

    @property
    def label(self) -> str:
        return f"{self.entries:,} stress" if self.stress else f"N = {self.entries:,}"

    def exercise_instances(self, exercise_count: int) -> int:
        wanted = self.entries // STRESS_EVERY if self.stress else exercise_count + self.entries // FOLLOW_UP_EVERY
        return min(self.entries, max(wanted, exercise_count))


@dataclass(frozen=True)
class Written:
    """What was generated: where, and how many of each thing (for checks and the report)."""

    bilan_dir: Path
    jrnl_file: Path
    entries: int
    instances: int
    notes: int
    bilan_bytes: int  # the journal and its versions files
    jrnl_bytes: int
    journal_bytes: int = 0  # the journal file alone, what every command reads


def write_journals(spec: JournalSpec, catalogue: Catalogue, folder: Path) -> Written:
    """Write ``folder/bilan/journal.json`` and ``folder/jrnl.txt`` for ``spec``."""
    rng = random.Random(f"bilan-bench-{spec.name}")
    exercises = list(catalogue.exercises)
    instances = _instances(spec, exercises)
    slots = _timeline(spec.entries)
    exercise_slots = set(_spread(len(instances), spec.entries))
    entries: dict[str, dict] = {}
    versions: dict[tuple[str, int], list] = {}
    notes: dict[str, dict] = {}
    jrnl: list[str] = []
    pending = iter(instances)
    for position, moment in enumerate(slots):
        if position in exercise_slots:
            exercise, number = next(pending)
            doc, history = _entry_doc(rng, exercise, number, moment)
            entries[str(len(entries) + 1)] = doc
            versions[exercise.id, number] = history
            jrnl.append(_jrnl_entry(moment, _exercise_as_text(exercise, number, doc["answers"])))
        else:
            text = fr.note_text(rng)
            notes[str(len(notes) + 1)] = {"text": text, "created_at": moment.isoformat(), "private": rng.random() < 0.05}
            jrnl.append(_jrnl_entry(moment, text))
    data = {
        "meta": {"1": {"kind": "bilan-journal", "schema": 1, "created_at": START.isoformat()}},
        "entries": entries,
        "notes": notes,
        "settings": {"1": {"key": "welcomed", "value": True}},  # past the first-start welcome, as a worker of years is
    }
    bilan_dir = folder / "bilan"
    bilan_dir.mkdir(parents=True, exist_ok=True, mode=0o700)
    payload = orjson.dumps(data)
    _write_private(bilan_dir / "journal.json", payload)
    versions_dir = bilan_dir / VERSIONS_FOLDER
    versions_dir.mkdir(exist_ok=True, mode=0o700)
    versions_bytes = 0
    for (exercise_id, number), history in versions.items():
        document = {"kind": VERSIONS_KIND, "format": VERSIONS_FORMAT, "exercise_id": exercise_id, "instance": number, "versions": history}
        versions_payload = orjson.dumps(document)
        _write_private(versions_dir / file_name(exercise_id, number), versions_payload)
        versions_bytes += len(versions_payload)
    jrnl_file = folder / "jrnl.txt"
    jrnl_text = "".join(jrnl).encode("utf-8")
    _write_private(jrnl_file, jrnl_text)
    bilan_bytes = len(payload) + versions_bytes
    return Written(bilan_dir, jrnl_file, spec.entries, len(entries), len(notes), bilan_bytes, len(jrnl_text), len(payload))


def _write_private(path: Path, payload: bytes) -> None:
    descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(descriptor, "wb") as handle:
        handle.write(payload)


def _instances(spec: JournalSpec, exercises: list[Exercise]) -> list[tuple[Exercise, int]]:
    """Every exercise once, then follow-up instances of the repeatable ones, in turn."""
    count = spec.exercise_instances(len(exercises))
    chosen = [(exercise, 1) for exercise in exercises][:count]
    repeatable = [exercise for exercise in exercises if exercise.repeatable] or exercises
    numbers = {exercise.id: 1 for exercise in repeatable}
    while len(chosen) < count:
        exercise = repeatable[(len(chosen) - len(exercises)) % len(repeatable)]
        numbers[exercise.id] += 1
        chosen.append((exercise, numbers[exercise.id]))
    return chosen


def _timeline(count: int) -> list[datetime]:
    step = SPAN / max(count, 1)
    return [START + step * index for index in range(count)]


def _spread(count: int, total: int) -> list[int]:
    """``count`` positions spread evenly over ``total`` slots."""
    return [index * total // count for index in range(count)] if count else []


def _entry_doc(rng: random.Random, exercise: Exercise, instance: int, created: datetime) -> tuple[dict, list]:
    """The entry as the journal holds it, and its saved versions (for its versions file)."""
    answers = {prompt.id: _answer(rng, prompt) for prompt in exercise.prompts}
    texts = [prompt.id for prompt in exercise.prompts if prompt.kind == PromptKind.LONG_TEXT] or list(answers)
    history = []
    for number in range(VERSIONS):
        # Each version differs from the final answers in one text: what a worker revising looks like.
        version = dict(answers)
        changed = texts[number % len(texts)]
        version[changed] = fr.sentences(rng, 1, 3) if isinstance(answers[changed], str) else answers[changed]
        history.append({"saved_at": (created + timedelta(hours=6 * number)).isoformat(), "answers": version})
    return {
        "exercise_id": exercise.id,
        "instance": instance,
        "answers": answers,
        "status": "done" if rng.random() < 0.6 else "started",
        "created_at": created.isoformat(),
        "updated_at": (created + timedelta(hours=6 * VERSIONS)).isoformat(),
        "private": False,
        "session": "bench",
        "history": [],
    }, history


def _answer(rng: random.Random, prompt: Prompt) -> Any:
    kind = prompt.kind
    if kind == PromptKind.LIST:
        return fr.phrases(rng, 2, 5)
    if kind == PromptKind.RANKING:
        order = [option.id for option in prompt.options]
        rng.shuffle(order)
        return order
    if kind == PromptKind.TABLE:
        rows = max(prompt.min_rows, rng.randint(2, 4))
        return [{column.id: _field_value(rng, column) for column in prompt.columns} for _ in range(rows)]
    if kind == PromptKind.CARD_SORT:
        return _card_sort(rng, prompt)
    if kind == PromptKind.QUESTIONNAIRE:
        return {item.id: rng.randint(1, 5) for item in prompt.items}
    return _field_value(rng, prompt.as_field())


def _field_value(rng: random.Random, spec: Field) -> Any:
    kind = spec.kind
    if kind == PromptKind.SHORT_TEXT:
        return fr.phrase(rng)
    if kind == PromptKind.LONG_TEXT:
        return fr.sentences(rng, 2, 5)
    if kind == PromptKind.SCALE:
        return rng.randint(1, 5)
    if kind == PromptKind.CHOICE:
        return rng.choice(spec.options).id if spec.options else fr.phrase(rng)
    if kind == PromptKind.MULTI_CHOICE:
        return [option.id for option in rng.sample(spec.options, min(len(spec.options), 3))]
    if kind == PromptKind.PICK:
        picks = [fr.rome_pick(rng) for _ in range(2 if spec.multiple else 1)]
        return picks
    return fr.sentences(rng, 1, 2)


def _card_sort(rng: random.Random, prompt: Prompt) -> dict:
    piles = {card.id: rng.choice(prompt.piles).id for card in prompt.cards} if prompt.piles else {}
    top = [card.id for card in rng.sample(prompt.cards, min(prompt.top, len(prompt.cards)))]
    details = {card: {field.id: _field_value(rng, field) for field in prompt.top_fields} for card in top}
    return {"piles": piles, "top": top, "details": details}


def _exercise_as_text(exercise: Exercise, instance: int, answers: dict) -> str:
    """The current answers as plain text, the way a jrnl user would have typed them."""
    title = str(exercise.title) + (f" ({instance})" if instance > 1 else "")
    lines = [f"{title}."]
    for prompt in exercise.prompts:
        lines.append(str(prompt.label))
        lines.append(_flatten(answers.get(prompt.id)))
    return "\n".join(lines)


def _flatten(value: Any) -> str:
    if isinstance(value, dict):
        return "\n".join(f"{key} : {_flatten(item)}" for key, item in value.items())
    if isinstance(value, list):
        return "\n".join(f"- {_flatten(item)}" for item in value)
    return "" if value is None else str(value)


def _jrnl_entry(moment: datetime, text: str) -> str:
    return f"[{moment.strftime(JRNL_TIME_FORMAT)}] {text}\n\n"
