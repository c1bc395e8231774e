"""Journals that parse as JSON but hold what bilan never writes: the table the odd-journal tests run.

``ACCEPTED`` are journals every command must use (odd but meaningful: answers of
the wrong shape for their question, unknown exercises, dates without an offset,
tables another version added…). ``REFUSED`` break a rule of the storage's
validation (``journal.core.storage.validation.check_documents``): every command
must refuse them with the same one line, naming the record and the field.
"""

from __future__ import annotations

import copy
import json

from journal.core.catalogue import load_catalogue

STAMP = "2025-03-14T09:15:00+01:00"
META = {"1": {"kind": "bilan-journal", "schema": 1, "created_at": STAMP}}


def entry(exercise_id: str = "ma-demande", **fields) -> dict:
    doc = {
        "exercise_id": exercise_id,
        "instance": 1,
        "answers": {"pourquoi-maintenant": "Changer de cap"},
        "status": "started",
        "created_at": STAMP,
        "updated_at": STAMP,
        "private": False,
        "session": "s",
        "history": [],
    }
    doc.update(fields)
    return {key: value for key, value in doc.items() if value is not _DROP}


def note(**fields) -> dict:
    doc = {"text": "Une note", "created_at": STAMP, "private": False}
    doc.update(fields)
    return {key: value for key, value in doc.items() if value is not _DROP}


_DROP = object()


def journal(entries=(), notes=(note(),), settings=(), **tables) -> dict:
    data = {
        "meta": META,
        "entries": {str(i): doc for i, doc in enumerate(entries, start=1)},
        "notes": {str(i): doc for i, doc in enumerate(notes, start=1)},
        "settings": {str(i): doc for i, doc in enumerate(settings, start=1)},
    }
    data.update(tables)
    return data


def _nested(depth: int):
    value: object = "fond"
    for _ in range(depth):
        value = [value]
    return value


# Values of every JSON type, for answers of the wrong shape.
ODD_VALUES = {
    "integer": 7,
    "negative": -3,
    "float": 2.5,
    "true": True,
    "string": "texte libre",
    "blank": "   ",
    "list-of-numbers": [1, 2, 3],
    "list-of-lists": [["a"], ["b", ["c"]]],
    "list-of-tables": [{"x": 1}, {"piste": ["a"]}],
    "table": {"piles": ["a"], "top": 3, "details": ["x"], "a": [1]},
    "table-of-tables": {"piles": {"autonomie": {"x": 1}}, "top": ["autonomie"], "details": {"autonomie": "y"}},
    "nested-15": _nested(15),
}


def every_prompt_answered_with(value) -> dict:
    """One entry per built-in exercise, every question answered with ``value``."""
    exercises = load_catalogue().exercises
    return journal(
        entries=[
            entry(exercise.id, answers={prompt.id: copy.deepcopy(value) for prompt in exercise.prompts}, status="done")
            for exercise in exercises
        ]
    )


ACCEPTED: dict[str, dict] = {
    **{f"answers-{name}": every_prompt_answered_with(value) for name, value in ODD_VALUES.items()},
    "unknown-exercise": journal(entries=[entry("exercice-disparu", answers={"q": "un mot"})]),
    "unknown-prompt": journal(entries=[entry(answers={"question-disparue": "un mot"})]),
    "date-without-offset": journal(entries=[entry(created_at="2025-03-14T09:15:00")], notes=[note(created_at="2025-03-14T09:15")]),
    "date-only": journal(entries=[entry(updated_at="2025-03-14")], notes=[note(created_at="2025-03-14")]),
    "mixed-offsets": journal(notes=[note(created_at="2025-03-14T09:15:00"), note(created_at="2025-03-14T09:15:00-11:00")]),
    "instance-without-first": journal(entries=[entry("point-de-suivi", instance=3, answers={})]),
    "same-instance-twice": journal(entries=[entry(), entry(answers={"pourquoi-maintenant": "Deuxième"})]),
    "missing-optional-fields": journal(entries=[entry(instance=_DROP, status=_DROP, private=_DROP, history=_DROP, session=_DROP, answers=_DROP)]),
    "extra-fields": journal(entries=[entry(couleur="bleu", tags=["x"])], notes=[note(humeur=3)]),
    "another-table": journal(from_a_later_version={"1": {"dossier": "D-1"}}),
    "theme-a-list": journal(settings=[{"key": "theme", "value": ["sombre"]}]),
    "setting-without-value": journal(settings=[{"key": "theme"}]),
    "empty-note": journal(notes=[note(text="")]),
    "control-characters": journal(notes=[note(text="\x1b[2J\x00\u202e")]),
    "history-ok": journal(entries=[entry(history=[{"saved_at": STAMP, "answers": {"pourquoi-maintenant": [1, {"a": 2}]}}])]),
    "status-todo": journal(entries=[entry(status="todo")]),
    "no-notes-table": {"meta": META},
}

REFUSED: dict[str, tuple[dict, str]] = {
    "status-unknown": (journal(entries=[entry(status="fini")]), "entries 1 status"),
    "status-number": (journal(entries=[entry(status=2)]), "entries 1 status"),
    "instance-string": (journal(entries=[entry(instance="2")]), "entries 1 instance"),
    "instance-zero": (journal(entries=[entry(instance=0)]), "entries 1 instance"),
    "instance-bool": (journal(entries=[entry(instance=True)]), "entries 1 instance"),
    "instance-float": (journal(entries=[entry(instance=1.5)]), "entries 1 instance"),
    "instance-huge": (journal(entries=[entry(instance=10**18)]), "entries 1 instance"),
    "answers-list": (journal(entries=[entry(answers=["Changer de cap"])]), "entries 1 answers"),
    "answers-string": (journal(entries=[entry(answers="Changer de cap")]), "entries 1 answers"),
    "answers-too-deep": (journal(entries=[entry(answers={"q": _nested(40)})]), "entries 1 answers"),
    "history-not-list": (journal(entries=[entry(history={"saved_at": STAMP})]), "entries 1 history"),
    "history-without-saved-at": (journal(entries=[entry(history=[{"answers": {}}])]), "entries 1 history[0].saved_at"),
    "history-item-string": (journal(entries=[entry(history=["hier"])]), "entries 1 history[0].saved_at"),
    "history-answers-list": (journal(entries=[entry(history=[{"saved_at": STAMP, "answers": []}])]), "entries 1 history[0].answers"),
    "history-bad-date": (journal(entries=[entry(history=[{"saved_at": "hier", "answers": {}}])]), "entries 1 history[0].saved_at"),
    "exercise-id-number": (journal(entries=[entry(exercise_id=12)]), "entries 1 exercise_id"),
    "created-at-number": (journal(entries=[entry(created_at=20250314)]), "entries 1 created_at"),
    "updated-at-garbage": (journal(entries=[entry(updated_at="le 14 mars")]), "entries 1 updated_at"),
    "updated-at-month-13": (journal(entries=[entry(updated_at="2025-13-01T00:00:00")]), "entries 1 updated_at"),
    "date-year-zero": (journal(entries=[entry(created_at="0000-01-01")]), "entries 1 created_at"),
    "date-overflows": (journal(entries=[entry(created_at="0001-01-01T00:00:00+14:00")]), "entries 1 created_at"),
    "private-string": (journal(entries=[entry(private="oui")]), "entries 1 private"),
    "note-text-number": (journal(notes=[note(text=42)]), "notes 1 text"),
    "note-text-list": (journal(notes=[note(text=["un", "deux"])]), "notes 1 text"),
    "note-without-date": (journal(notes=[note(created_at=_DROP)]), "notes 1 created_at"),
    "note-date-null": (journal(notes=[note(created_at=None)]), "notes 1 created_at"),
    "note-private-number": (journal(notes=[note(private=1)]), "notes 1 private"),
    "setting-key-number": (journal(settings=[{"key": 1, "value": "x"}]), "settings 1 key"),
}


def write(folder, data: dict) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    folder.chmod(0o700)  # as bilan makes it (a looser folder is tightened, and the worker told)
    (folder / "journal.json").write_text(json.dumps(data, ensure_ascii=False))
