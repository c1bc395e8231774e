"""A journal holding what cannot be written back (nesting orjson refuses) is never written: one line, nothing claimed saved."""

from __future__ import annotations

import json

import pytest

from journal.cli.main import main
from journal.core.storage import JournalError
from journal.core.store import JournalStore


def nested(depth: int) -> list:
    value: list = []
    for _ in range(depth):
        value = [value]
    return value


@pytest.fixture
def deep_journal(data_dir):
    """A journal whose ``meta`` record got, by hand, a list nested 300 deep (read up to 1,024, written up to 254)."""
    assert main(["--data", str(data_dir), "note", "un"]) == 0
    path = data_dir / "journal.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    data["meta"][min(data["meta"], key=int)]["ajout"] = nested(300)
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


def test_a_note_is_refused_in_one_line_and_the_journal_left_as_it_was(data_dir, deep_journal, capsys):
    before = deep_journal.read_bytes()
    capsys.readouterr()
    assert main(["--data", str(data_dir), "note", "deux"]) == 1
    captured = capsys.readouterr()
    assert "Note enregistrée" not in captured.out
    error = captured.err.strip().splitlines()[-1]
    assert "ne sait pas réécrire" in error and "Rien n'a été enregistré" in error
    assert "Traceback" not in captured.err
    assert deep_journal.read_bytes() == before


def test_the_store_says_so_with_a_journal_error(data_dir, deep_journal):
    with JournalStore(data_dir) as store:
        with pytest.raises(JournalError, match="ne sait pas réécrire"):
            store.notes.add("deux")
