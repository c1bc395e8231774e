"""The storage under the store: atomic writes, the cache never drifting from the disk, disk full, permissions."""

from __future__ import annotations

import errno
import os
import stat

import orjson
import pytest
from tinydb import Query, TinyDB
from tinydb.storages import MemoryStorage

from journal.core.export.writer import write_export
from journal.core.models import EntryStatus
from journal.core.storage import JournalError, atomic
from journal.core.storage.table import JournalTable
from journal.core.store import JournalStore


def on_disk(store: JournalStore) -> dict:
    return orjson.loads(store.path.read_bytes())


def test_a_new_journal_has_its_kind_and_schema(tmp_path):
    with JournalStore(tmp_path / "j") as store:
        meta = on_disk(store)["meta"]["1"]
    assert meta["kind"] == "bilan-journal" and meta["schema"] == 1


def test_the_cache_never_drifts_from_the_disk(tmp_path):
    with JournalStore(tmp_path / "j") as store:
        for number in range(40):
            match number % 5:
                case 0:
                    store.notes.add(f"note {number}", private=number % 2 == 0)
                case 1:
                    store.entries.save_answer(f"ex-{number % 3}", "q", f"réponse {number}")
                case 2:
                    store.entries.set_status(f"ex-{number % 3}", EntryStatus.DONE)
                case 3:
                    store.settings.set("theme", f"t{number}")
                case 4:
                    store.entries.new_instance("repeatable")
            assert store._journal.storage.read() == on_disk(store)


def test_disk_full_leaves_the_journal_as_it_was_and_the_store_usable(tmp_path, monkeypatch):
    store = JournalStore(tmp_path / "j")
    store.notes.add("before")
    before = store.path.read_bytes()
    real_write = atomic._write_all

    def half_then_full(handle, payload):
        real_write(handle, payload[: len(payload) // 2])
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(atomic, "_write_all", half_then_full)
    with pytest.raises(JournalError, match="journal.json"):
        store.notes.add("lost to a full disk")
    assert store.path.read_bytes() == before
    assert [note.text for note in store.notes.all()] == ["before"]  # the half-changed cache was dropped
    assert not list(store.data_dir.glob(".*.tmp"))
    monkeypatch.setattr(atomic, "_write_all", real_write)
    store.notes.add("after")
    assert [note.text for note in store.notes.all()] == ["before", "after"]
    assert store._journal.storage.read() == on_disk(store)
    store.close()


def test_a_change_that_fails_half_way_leaves_no_trace_in_memory(tmp_path):
    with JournalStore(tmp_path / "j") as store:
        store.notes.add("one")
        store.notes.add("two")

        calls = []

        def breaks_on_second(doc):
            doc["text"] = "changed"
            calls.append(doc)
            if len(calls) == 2:
                raise RuntimeError("boom")

        table = store._journal.table("notes")
        with pytest.raises(RuntimeError):
            table.update(breaks_on_second)
        assert [note.text for note in store.notes.all()] == ["one", "two"]


@pytest.mark.parametrize("storage_kind", ["tinydb", "journal"])
def test_journal_table_behaves_like_tinydb_table(tmp_path, storage_kind):
    """JournalTable replaces one private TinyDB method: the public API must give the same results."""
    if storage_kind == "tinydb":
        table = TinyDB(storage=MemoryStorage).table("t", cache_size=0)
    else:
        table = JournalTable(JournalStore(tmp_path / "j")._journal.storage, "t", cache_size=0)
    item = Query()
    assert table.insert({"k": 1}) == 1
    assert table.insert_multiple([{"k": 2}, {"k": 3}, {"k": 4}]) == [2, 3, 4]
    assert table.update({"seen": True}, item.k >= 3) == [3, 4]
    assert table.update({"x": 0}, doc_ids=[1]) == [1]
    assert table.upsert({"k": 5, "new": True}, item.k == 5) == [5]
    assert table.upsert({"k": 2, "up": True}, item.k == 2) == [2]
    assert table.remove(item.k == 3) == [3]
    assert table.remove(doc_ids=[4]) == [4]
    with pytest.raises(ValueError):
        table.insert(type(table.get(doc_id=1))({"k": 9}, 1))
    assert [(doc.doc_id, dict(doc)) for doc in table.all()] == [
        (1, {"k": 1, "x": 0}),
        (2, {"k": 2, "up": True}),
        (5, {"k": 5, "new": True}),
    ]
    assert table.insert({"k": 6}) == 6
    table.truncate()
    assert table.all() == []


def test_saving_never_rewrites_in_place(tmp_path):
    with JournalStore(tmp_path / "j") as store:
        first = os.stat(store.path).st_ino
        store.notes.add("one")
        assert os.stat(store.path).st_ino != first


def test_leftovers_of_killed_writes_are_removed_on_open(tmp_path):
    JournalStore(tmp_path / "j").close()
    leftover = tmp_path / "j" / ".journal.json.abc123.tmp"
    leftover.write_bytes(b'{"half')
    JournalStore(tmp_path / "j").close()
    assert not leftover.exists()


def test_a_journal_deleted_under_an_open_store_is_not_recreated(tmp_path):
    store = JournalStore(tmp_path / "j")
    store.path.unlink()
    with pytest.raises(JournalError, match="journal.json"):
        store.notes.add("into the void")
    assert not store.path.exists()
    store.close()


def _mode(path) -> int:
    return stat.S_IMODE(os.stat(path).st_mode)


@pytest.mark.skipif(os.name != "posix", reason="POSIX permissions")
def test_permissions_are_private_even_with_an_open_umask(tmp_path):
    previous = os.umask(0)
    try:
        data = tmp_path / "nested" / "j"
        with JournalStore(data) as store:
            store.notes.add("privé")
        with JournalStore(data) as store:  # the app start: a snapshot
            store.notes.add("again")
        export = tmp_path / "export.md"
        write_export(export, "contenu", data)
    finally:
        os.umask(previous)
    assert _mode(data) == 0o700
    assert _mode(data / "backups") == 0o700
    assert _mode(data / "sessions") == 0o700
    assert _mode(data / "journal.json") == 0o600
    assert _mode(data / "journal.lock") == 0o600
    assert _mode(data / "journal.queue") == 0o600
    backups = list((data / "backups").iterdir())
    assert backups and all(_mode(path) == 0o600 for path in backups)
    assert _mode(export) == 0o600


@pytest.mark.skipif(os.name != "posix", reason="POSIX permissions")
def test_temporary_files_are_private_while_being_written(tmp_path, monkeypatch):
    seen = []
    real_write = atomic._write_all

    def spy(handle, payload):
        seen.append(stat.S_IMODE(os.fstat(handle).st_mode))
        real_write(handle, payload)

    monkeypatch.setattr(atomic, "_write_all", spy)
    previous = os.umask(0)
    try:
        write_export(tmp_path / "export.html", "<p>x</p>", tmp_path / "j")
        with JournalStore(tmp_path / "j") as store:
            store.notes.add("x")
    finally:
        os.umask(previous)
    assert seen and set(seen) == {0o600}
