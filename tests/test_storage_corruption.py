"""Damaged journals: one clear line, exit 1, the file and the backups untouched, a restore that works."""

from __future__ import annotations

import orjson
import pytest

from journal.cli.commands import app as app_command
from journal.cli.main import main
from journal.core.storage import JournalDamaged, crypto
from journal.core.store import JournalStore

GOOD = orjson.dumps(
    {
        "meta": {"1": {"kind": "bilan-journal", "schema": 1, "created_at": "2025-03-01T10:00:00+01:00"}},
        "notes": {"1": {"text": "Une note d'avant", "created_at": "2025-03-01T10:05:00+01:00", "private": False}},
    }
)

FIXTURES = {
    "truncated": GOOD[: len(GOOD) // 2],
    "cut-at-the-last-byte": GOOD[:-1],
    "garbage": b"\x89PNG\r\n\x1a\n this is not a journal",
    "zeros": b"\x00" * 4096,
    "empty": b"",
    "blank": b"  \n\n",
    "newer-schema": orjson.dumps({"meta": {"1": {"kind": "bilan-journal", "schema": 99}}, "notes": {}}),
    "list": b"[1, 2, 3]",
    "string": b'"bilan"',
    "empty-object": b"{}",
    "other-tinydb-app": orjson.dumps({"_default": {"1": {"name": "Ada"}}}),
    "other-kind": orjson.dumps({"meta": {"1": {"kind": "someone-else", "schema": 1}}}),
    "table-not-a-table": orjson.dumps({"meta": {"1": {"kind": "bilan-journal", "schema": 1}}, "notes": [1, 2]}),
    "schema-not-a-number": orjson.dumps({"meta": {"1": {"kind": "bilan-journal", "schema": "one"}}}),
    "note-without-text": orjson.dumps({"meta": {"1": {"kind": "bilan-journal", "schema": 1}}, "notes": {"1": {"created_at": "2025-03-01T10:00:00"}}}),
    "entry-with-bad-date": orjson.dumps(
        {"meta": {"1": {"kind": "bilan-journal", "schema": 1}}, "entries": {"1": {"exercise_id": "x", "created_at": "hier", "updated_at": "hier"}}}
    ),
    "encrypted-unknown-version": crypto.MAGIC + b"\x09" + b"\x00" * 80,
    "encrypted-cut-in-header": crypto.MAGIC + b"\x01\x01",
}

COMMANDS = {
    "note": ["note", "une nouvelle note"],
    "export": ["export", "-o", "-"],
    "app": [],
}


@pytest.fixture
def journal_with_backup(tmp_path):
    """A journal folder with one good backup (taken by an app start)."""
    data = tmp_path / "journal"
    data.mkdir()
    (data / "journal.json").write_bytes(GOOD)
    JournalStore(data).close()  # upgrade-free open: takes the start and daily snapshots
    return data


def _snapshot(folder):
    return {path.relative_to(folder): path.read_bytes() for path in sorted(folder.rglob("*")) if path.is_file() and path.parent.name != "sessions"}


@pytest.mark.parametrize("command", sorted(COMMANDS))
@pytest.mark.parametrize("fixture", sorted(FIXTURES))
def test_a_damaged_journal_gives_one_line_exit_1_and_is_never_written(journal_with_backup, fixture, command, capsys, monkeypatch):
    monkeypatch.setattr(app_command, "_launch", lambda *args, **kwargs: pytest.fail("the app must not start"))
    data = journal_with_backup
    (data / "journal.json").write_bytes(FIXTURES[fixture])
    before = _snapshot(data)
    newest = sorted((data / "backups").iterdir())[-1].stem
    assert main(["--data", str(data), *COMMANDS[command]]) == 1
    captured = capsys.readouterr()
    assert captured.out == ""
    lines = captured.err.splitlines()
    assert len(lines) == 1 and lines[0].startswith("bilan: ")
    assert "journal.json" in lines[0]
    if fixture != "newer-schema":
        assert f"backup restore {newest}" in lines[0]
        assert f"--data {data}" in lines[0]
    assert _snapshot(data) == before


def test_the_message_says_when_there_is_no_backup(tmp_path):
    data = tmp_path / "journal"
    data.mkdir()
    (data / "journal.json").write_bytes(b"{nope")
    with pytest.raises(JournalDamaged, match="aucune sauvegarde"):
        JournalStore(data)
    assert (data / "journal.json").read_bytes() == b"{nope"
    assert not (data / "backups").exists()


def test_the_suggested_backup_is_never_a_damaged_one(journal_with_backup, capsys):
    data = journal_with_backup
    good = sorted((data / "backups").iterdir())[-1].stem
    (data / "journal.json").write_bytes(b"garbage")
    assert main(["--data", str(data), "backup", "restore", good]) == 0  # keeps the garbage as a "restore" backup
    (data / "journal.json").write_bytes(b"more garbage")
    capsys.readouterr()
    assert main(["--data", str(data), "note", "x"]) == 1
    assert f"backup restore {good}" in capsys.readouterr().err


def test_restore_brings_the_journal_back_and_keeps_the_damaged_file(journal_with_backup, capsys):
    data = journal_with_backup
    damaged = GOOD[:40]
    (data / "journal.json").write_bytes(damaged)
    assert main(["--data", str(data), "backup", "list"]) == 0
    listing = capsys.readouterr().out
    backup_id = sorted((data / "backups").iterdir())[-1].stem
    assert backup_id in listing
    assert main(["--data", str(data), "backup", "restore", backup_id]) == 0
    out = capsys.readouterr().out
    assert backup_id in out
    kept = [path for path in (data / "backups").iterdir() if path.stem.endswith("-restore")]
    assert len(kept) == 1 and kept[0].read_bytes() == damaged and kept[0].stem in out
    with JournalStore(data, read_only=True) as store:
        assert [note.text for note in store.notes.all()] == ["Une note d'avant"]
    assert main(["--data", str(data), "note", "après la restauration"]) == 0


def test_restore_refuses_an_unknown_id_and_a_damaged_backup(journal_with_backup, capsys):
    data = journal_with_backup
    before = (data / "journal.json").read_bytes()
    assert main(["--data", str(data), "backup", "restore", "20000101-000000-start"]) == 1
    assert capsys.readouterr().err.count("\n") == 1
    broken = data / "backups" / "20000101-000000-daily.json"
    broken.write_bytes(b"{broken")
    assert main(["--data", str(data), "backup", "restore", "20000101-000000-daily"]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "20000101-000000-daily" in err
    assert (data / "journal.json").read_bytes() == before


def test_a_journal_damaged_while_the_app_is_open_is_not_overwritten(journal_with_backup):
    store = JournalStore(journal_with_backup)
    (journal_with_backup / "journal.json").write_bytes(b'{"meta": ')
    with pytest.raises(JournalDamaged):
        store.notes.add("must not be written over the damaged file")
    with pytest.raises(JournalDamaged):
        store.notes.all()
    assert (journal_with_backup / "journal.json").read_bytes() == b'{"meta": '
    store.close()
