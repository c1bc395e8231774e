"""The store's record rules at their limits: history length, status changes, instance numbers, defaults."""

from __future__ import annotations

import json

from journal.core.models import EntryStatus
from journal.core.store import HISTORY_LIMIT, JournalStore
from tests.odd_journals import entry, journal, write


def test_history_keeps_the_last_versions_only(data_dir):
    for session in range(HISTORY_LIMIT + 2):
        with JournalStore(data_dir) as store:
            store.entries.save_answer("ma-demande", "q", f"version {session}")
    with JournalStore(data_dir) as store:
        history = store.entries.get("ma-demande").history
    assert HISTORY_LIMIT == 30
    assert len(history) == HISTORY_LIMIT
    assert history[0].answers["q"] == "version 1" and history[-1].answers["q"] == f"version {HISTORY_LIMIT}"


def test_an_unchanged_answer_writes_nothing(data_dir):
    with JournalStore(data_dir) as store:
        store.entries.save_answer("ma-demande", "q", "pareil")
    before = (data_dir / "journal.json").read_bytes()
    with JournalStore(data_dir) as store:
        again = store.entries.save_answer("ma-demande", "q", "pareil")
    assert again.answers == {"q": "pareil"} and again.history == ()
    assert (data_dir / "journal.json").read_bytes() == before


def test_an_empty_earlier_answer_is_not_kept_as_a_version(data_dir):
    with JournalStore(data_dir) as store:
        store.entries.save_answer("ma-demande", "q", "x")
        store.entries.save_answer("ma-demande", "q", "  ")
    with JournalStore(data_dir) as store:
        store.entries.save_answer("ma-demande", "q", "y")
        assert store.entries.get("ma-demande").history == ()


def test_answering_starts_a_todo_entry_but_keeps_done(tmp_path):
    folder = tmp_path / "j"
    write(folder, journal(entries=[entry(status="todo", answers={}), entry("mes-valeurs", status="done", answers={})]))
    with JournalStore(folder) as store:
        assert store.entries.save_answer("ma-demande", "q", "x").status is EntryStatus.STARTED
        assert store.entries.save_answer("mes-valeurs", "q", "x").status is EntryStatus.DONE


def test_exercise_status_over_instances(store):
    assert store.entries.status("point-de-suivi") is EntryStatus.NOT_STARTED
    first = store.entries.new_instance("point-de-suivi")
    assert first == 1 and store.entries.status("point-de-suivi") is EntryStatus.STARTED
    second = store.entries.new_instance("point-de-suivi")
    assert second == 2
    store.entries.set_status("point-de-suivi", EntryStatus.DONE, second)
    assert store.entries.status("point-de-suivi") is EntryStatus.DONE
    store.entries.set_status("point-de-suivi", EntryStatus.NOT_STARTED, 1)
    store.entries.set_status("point-de-suivi", EntryStatus.NOT_STARTED, 2)
    assert store.entries.status("point-de-suivi") is EntryStatus.NOT_STARTED


def test_instance_numbers_follow_the_highest(tmp_path):
    folder = tmp_path / "j"
    write(folder, journal(entries=[entry("point-de-suivi", instance=3, answers={})]))
    with JournalStore(folder) as store:
        assert store.entries.next_instance("point-de-suivi") == 4
        assert store.entries.next_instance("autre") == 1
        assert store.entries.new_instance("point-de-suivi") == 4
        assert [e.instance for e in store.entries.for_exercise("point-de-suivi")] == [3, 4]


def test_a_record_without_instance_is_the_first(tmp_path):
    folder = tmp_path / "j"
    record = entry()
    del record["instance"]
    write(folder, journal(entries=[record]))
    with JournalStore(folder) as store:
        found = store.entries.get("ma-demande", 1)
        assert found is not None and found.instance == 1
        assert store.entries.get("ma-demande", 2) is None


def test_private_can_be_set_before_any_answer(store):
    store.entries.set_private("mes-valeurs", True)
    found = store.entries.get("mes-valeurs")
    assert found.private is True and found.status is EntryStatus.STARTED
    store.entries.set_private("mes-valeurs", False)
    assert store.entries.get("mes-valeurs").private is False


def test_first_answer_creates_a_complete_record(data_dir):
    with JournalStore(data_dir) as store:
        store.entries.save_answer("ma-demande", "q", "x", 2)
    doc = json.loads((data_dir / "journal.json").read_text())["entries"]["1"]
    assert doc["instance"] == 2 and doc["status"] == "started" and doc["private"] is False
    assert doc["history"] == [] and doc["created_at"] == doc["updated_at"]


def test_notes_are_sorted_by_date_then_id(tmp_path):
    from tests.odd_journals import note

    folder = tmp_path / "j"
    write(folder, journal(notes=[note(text="b", created_at="2025-02-01"), note(text="a", created_at="2025-01-01"), note(text="c", created_at="2025-02-01")]))
    with JournalStore(folder) as store:
        assert [n.text for n in store.notes.all()] == ["a", "b", "c"]
        store.notes.set_private(1, True)
        assert [n.private for n in store.notes.all()] == [False, True, False]


def test_settings_default_and_missing_value(tmp_path):
    folder = tmp_path / "j"
    write(folder, journal(settings=[{"key": "sans-valeur"}]))
    with JournalStore(folder) as store:
        assert store.settings.get("sans-valeur", "défaut") == "défaut"
        assert store.settings.get("absent") is None
        store.settings.set("theme", "sombre")
        store.settings.set("theme", "clair")
        assert store.settings.get("theme") == "clair"


# -- the facade and the folder operations: what each returns ----------------------------

import pytest  # noqa: E402

from journal.core.storage import JournalError, crypto  # noqa: E402
from journal.core.store import journal_is_encrypted, list_backups, programs_open, restore_backup  # noqa: E402


@pytest.fixture
def fast_kdf(monkeypatch):
    monkeypatch.setattr(crypto, "DEFAULT_KDF", crypto.KdfParams(log2_n=10))


def test_facade_properties(data_dir):
    with JournalStore(data_dir) as store:
        assert store.data_dir == data_dir
        assert store.path == data_dir / "journal.json"
        assert store.read_only is False
        assert store.permissions_notice is None and store.backup_warning is None
        assert store.encrypted is False
    with JournalStore(data_dir, read_only=True) as reader:
        assert reader.read_only is True


def test_refresh_and_other_programs(data_dir):
    with JournalStore(data_dir) as first:
        assert first.refresh() is False
        assert first.open_elsewhere() == 0 and programs_open(data_dir) == 1
        with JournalStore(data_dir) as second:
            assert first.open_elsewhere() == 1 and programs_open(data_dir) == 2
            second.notes.add("ailleurs")
            assert first.refresh() is True
            assert first.refresh() is False
            assert [n.text for n in first.notes.all()] == ["ailleurs"]
        assert first.open_elsewhere() == 0


def test_encryption_counts_the_backups_it_rewrites(data_dir, fast_kdf):
    with JournalStore(data_dir) as store:
        store.notes.add("x")
        store._journal.snapshot("start")
        taken = len(store.backups())
        assert taken >= 1
        assert store.enable_encryption("une phrase assez longue") == taken
        assert store.encrypted is True and journal_is_encrypted(data_dir) is True
        with pytest.raises(JournalError):
            store.enable_encryption("une phrase assez longue")
        assert store.disable_encryption() == taken
        assert store.encrypted is False and journal_is_encrypted(data_dir) is False
        with pytest.raises(JournalError):
            store.disable_encryption()


def test_a_new_encryption_leaves_sealed_backups_alone(data_dir, fast_kdf):
    with JournalStore(data_dir) as store:
        store.notes.add("x")
        store._journal.snapshot("start")
        store.enable_encryption("une phrase assez longue")
    with JournalStore(data_dir, passphrase="une phrase assez longue") as store:
        assert store._journal.seal_backups() == 0


def test_folder_operations(data_dir, tmp_path):
    assert journal_is_encrypted(tmp_path / "absent") is False
    assert list_backups(tmp_path / "absent") == []
    with JournalStore(data_dir) as store:
        store.notes.add("avant")
        first = store._journal.snapshot("start")
        store.notes.add("après")
    assert [b.id for b in list_backups(data_dir)][-1] == list_backups(data_dir)[-1].id
    restored, kept = restore_backup(data_dir, first.id)
    assert restored.id == first.id and kept is not None and kept.kind == "restore"
    with JournalStore(data_dir) as store:
        assert [n.text for n in store.notes.all()] == ["avant"]
    (data_dir / "journal.json").unlink()
    (data_dir / "journal.json").mkdir()
    with pytest.raises(JournalError):
        journal_is_encrypted(data_dir)


def test_a_snapshot_that_fails_is_a_warning_unless_required(data_dir, monkeypatch):
    from journal.core.storage import backups

    with JournalStore(data_dir) as store:
        store.notes.add("x")

        def full(*_args, **_kwargs):
            raise OSError(28, "No space left on device")

        monkeypatch.setattr(backups, "atomic_write", full)
        assert store._journal.snapshot("start") is None
        assert "disque est plein" in store.backup_warning
        with pytest.raises(JournalError, match="disque est plein"):
            store._journal.snapshot("upgrade", required=True)


def test_an_empty_first_answer_gives_a_blank_unsaved_entry(store):
    blank = store.entries.save_answer("point-de-suivi", "appris", "  ", 3)
    assert blank.status is EntryStatus.NOT_STARTED and blank.instance == 3 and blank.answers == {}
    assert store.entries.get("point-de-suivi", 3) is None


def test_the_clock_keeps_whole_seconds_with_an_offset():
    from journal.core.store import now

    moment = now()
    assert moment.microsecond == 0 and moment.utcoffset() is not None


def test_no_daily_copy_of_an_unchanged_journal(data_dir, monkeypatch):
    from journal.core.storage.backups import Backups

    with JournalStore(data_dir, snapshot_on_open=False) as store:
        store.notes.add("x")
    backups = Backups(data_dir)
    (daily,) = backups.all()
    daily.path.rename(daily.path.with_name("20200101-080000-daily.json"))
    (data_dir / "backups" / "20200101-080000-daily.json").write_bytes((data_dir / "journal.json").read_bytes())
    JournalStore(data_dir, snapshot_on_open=False).close()
    assert [b.id for b in backups.all()] == ["20200101-080000-daily"]
    with JournalStore(data_dir, snapshot_on_open=False) as store:
        store.notes.add("y")  # the journal as the day found it is already copied
    assert [b.id for b in backups.all()] == ["20200101-080000-daily"]


def test_an_unreadable_backup_is_named_with_the_reason_in_french(data_dir, monkeypatch):
    from pathlib import Path

    with JournalStore(data_dir) as store:
        store.notes.add("x")
        backup = store._journal.snapshot("start")

    def broken(path):
        raise OSError(5, "Input/output error")

    monkeypatch.setattr(Path, "read_bytes", broken)
    with pytest.raises(JournalError) as raised:
        restore_backup(data_dir, backup.id)
    said = str(raised.value)
    assert "le disque signale une erreur d'entrée-sortie" in said and backup.id in said
    assert "Input/output" not in said and "[Errno" not in said
