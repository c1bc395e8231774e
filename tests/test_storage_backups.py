"""Snapshots: when they are taken, how many are kept, listing and restoring from the command line."""

from __future__ import annotations

from datetime import date

from journal.cli.main import main
from journal.core.storage import backups as backups_module
from journal.core.storage.backups import Backups
from journal.core.store import JournalStore, list_backups


class Tomorrow(date):
    @classmethod
    def today(cls) -> date:
        return date.fromordinal(date.today().toordinal() + 1)


def kinds(data) -> list[str]:
    return [backup.kind for backup in list_backups(data)]


def test_an_app_start_takes_a_snapshot_only_when_something_changed(data_dir):
    JournalStore(data_dir).close()  # creation: nothing to copy yet
    with JournalStore(data_dir) as store:
        store.notes.add("one")
    assert kinds(data_dir).count("start") == 1
    JournalStore(data_dir).close()  # changed since the last start snapshot
    assert kinds(data_dir).count("start") == 2
    JournalStore(data_dir).close()  # unchanged: no new copy
    assert kinds(data_dir).count("start") == 2


def test_commands_do_not_take_start_snapshots_but_the_day_gets_one(data_dir, capsys):
    for number in range(3):
        assert main(["--data", str(data_dir), "note", f"note {number}"]) == 0
    assert kinds(data_dir) == ["daily"]


def test_a_daily_snapshot_is_taken_once_a_day(data_dir, monkeypatch):
    store = JournalStore(data_dir, snapshot_on_open=False)
    store.notes.add("day one")
    assert kinds(data_dir) == ["daily"]
    store.notes.add("still day one")
    assert kinds(data_dir) == ["daily"]
    monkeypatch.setattr("journal.core.store.journal_file.date", Tomorrow)
    store.notes.add("day two")  # the app stayed open past midnight
    assert kinds(data_dir) == ["daily", "daily"]
    store.close()


def test_old_snapshots_are_pruned_per_kind(data_dir, monkeypatch):
    monkeypatch.setitem(backups_module.KEEP, "start", 3)
    for number in range(6):
        with JournalStore(data_dir) as store:
            store.notes.add(f"note {number}")
    assert kinds(data_dir).count("start") == 3
    assert kinds(data_dir).count("daily") == 1
    newest = list_backups(data_dir)[0]
    assert newest.kind == "start"


def test_snapshot_ids_are_unique_within_one_second(data_dir):
    JournalStore(data_dir).close()
    backups = Backups(data_dir)
    taken = [backups.take("restore") for _ in range(3)]
    assert len({backup.id for backup in taken}) == 3
    assert [backup.id for backup in backups.all()[:3]] == [backup.id for backup in reversed(taken)]


def test_backup_list_and_restore_from_the_command_line(data_dir, capsys):
    with JournalStore(data_dir) as store:
        store.notes.add("version one")
    with JournalStore(data_dir) as store:  # start snapshot holds "version one"
        store.notes.add("version two")
    start = next(backup for backup in list_backups(data_dir) if backup.kind == "start")
    assert main(["--data", str(data_dir), "backup", "list"]) == 0
    listing = capsys.readouterr().out
    assert start.id in listing and "bilan backup restore" in listing
    assert main(["--data", str(data_dir), "backup", "restore", start.id]) == 0
    with JournalStore(data_dir, read_only=True) as store:
        assert [note.text for note in store.notes.all()] == ["version one"]
    kept = next(backup for backup in list_backups(data_dir) if backup.kind == "restore")
    assert b"version two" in kept.read()  # the replaced journal was backed up first


def test_backup_list_on_an_empty_folder(tmp_path, capsys):
    assert main(["--data", str(tmp_path / "nothing"), "backup", "list"]) == 0
    assert "Aucune sauvegarde" in capsys.readouterr().out
