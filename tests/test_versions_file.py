"""Earlier versions of answers, one file per entry in ``versions/``: lazily read, written first, migrated, sealed, backed up, dumped.

See ``journal/core/store/versions.py`` for the order of writes these tests hold to.
"""

from __future__ import annotations

import json

import orjson
import pytest

from journal.core.dump import dump_document
from journal.core.storage import JournalError, crypto
from journal.core.storage.safe_storage import SafeJSONStorage
from journal.core.storage.versions_file import MAX_VERSIONS_PER_ENTRY, problem_in
from journal.core.storage.versions_folder import VersionsFolder, file_name
from journal.core.store import JournalStore, list_backups, restore_backup
from journal.core.store.versions import appended
from tests.versions_helpers import answer_in_sessions, entry_file, fast_kdf  # noqa: F401 (fast_kdf: a fixture)

STAMP = "2025-01-10T10:05:00+01:00"


def journal_doc(data_dir, doc_id="1"):
    return orjson.loads((data_dir / "journal.json").read_bytes())["entries"][doc_id]


def versions_on_disk(data_dir):
    """Every entry file's versions, by exercise and instance (the files must be plain)."""
    found = {}
    for path in (data_dir / "versions").glob("*.json"):
        data = orjson.loads(path.read_bytes())
        assert path.name == file_name(data["exercise_id"], data["instance"])
        found.setdefault(data["exercise_id"], {})[str(data["instance"])] = data["versions"]
    return found


def old_layout(data_dir, history):
    """A journal as bilan wrote it before versions had their own file: the history inside the entry."""
    data_dir.mkdir()
    entry = {
        "exercise_id": "ma-demande", "instance": 1, "answers": {"q": "actuelle"}, "status": "started",
        "created_at": STAMP, "updated_at": "2025-01-12T09:00:00+01:00", "private": False, "session": "old",
        "history": history,
    }
    data = {
        "meta": {"1": {"kind": "bilan-journal", "schema": 1, "created_at": STAMP}},
        "entries": {"1": entry},
        "notes": {"1": {"text": "Une note", "created_at": STAMP, "private": False}},
        "settings": {},
    }
    raw = orjson.dumps(data)
    (data_dir / "journal.json").write_bytes(raw)
    return raw


OLD_HISTORY = [
    {"saved_at": "2025-01-10T10:05:00+01:00", "answers": {"q": "première"}},
    {"saved_at": "2025-01-11T10:05:00+01:00", "answers": {"q": "deuxième"}},
]


# -- where versions live ------------------------------------------------------


def test_versions_go_to_their_own_file_and_the_journal_keeps_current_answers_only(data_dir):
    answer_in_sessions(data_dir, "un", "deux", "trois")
    assert journal_doc(data_dir)["answers"] == {"q": "trois"} and journal_doc(data_dir)["history"] == []
    stored = versions_on_disk(data_dir)["ma-demande"]["1"]
    assert [version["answers"]["q"] for version in stored] == ["un", "deux"]
    with JournalStore(data_dir, read_only=True) as store:
        assert [version.answers["q"] for version in store.entries.get("ma-demande").history] == ["un", "deux"]
        assert [version.answers["q"] for version in store.entries.all()[0].history] == ["un", "deux"]
        assert [version.answers["q"] for version in store.entries.for_exercise("ma-demande")[0].history] == ["un", "deux"]


def test_saves_that_start_no_version_and_reads_without_versions_never_touch_the_file(data_dir, monkeypatch):
    answer_in_sessions(data_dir, "un", "deux")
    before = entry_file(data_dir).stat()
    loaded = []
    real_read = VersionsFolder.read
    monkeypatch.setattr(VersionsFolder, "read", lambda self, *args: loaded.append(1) or real_read(self, *args))
    with JournalStore(data_dir, snapshot_on_open=False) as store:
        store.entries.current()
        store.entries.current_of("ma-demande")
        store.entries.statuses()
        store.notes.add("une note")
        store.entries.set_status("ma-demande", store.entries.status("ma-demande"))
        assert loaded == []
        store.entries.save_answer("ma-demande", "q", "trois")  # a new session: the first change keeps "deux"
        store.entries.save_answer("ma-demande", "q", "quatre")  # same session: the journal only
    assert loaded
    stored = versions_on_disk(data_dir)["ma-demande"]["1"]
    assert [version["answers"]["q"] for version in stored] == ["un", "deux"]
    assert entry_file(data_dir).stat().st_ino != before.st_ino
    saved_once = entry_file(data_dir).stat().st_ino
    with JournalStore(data_dir, snapshot_on_open=False) as store:
        store.notes.add("encore une")
    assert entry_file(data_dir).stat().st_ino == saved_once


def test_a_version_of_one_exercise_keeps_the_versions_of_the_others(data_dir):
    answer_in_sessions(data_dir, "un", "deux", exercise="mes-valeurs")
    answer_in_sessions(data_dir, "a", "b")
    stored = versions_on_disk(data_dir)
    assert [v["answers"]["q"] for v in stored["mes-valeurs"]["1"]] == ["un"]
    assert [v["answers"]["q"] for v in stored["ma-demande"]["1"]] == ["a"]


def test_restore_writes_the_current_answers_as_a_version_and_takes_back_the_chosen_one(data_dir):
    answer_in_sessions(data_dir, "un", "deux")
    with JournalStore(data_dir, snapshot_on_open=False) as store:
        old = store.entries.get("ma-demande").history[0]
        restored = store.entries.restore_version("ma-demande", 0, old.saved_at)
        assert restored.answers == {"q": "un"}
        assert [version.answers["q"] for version in restored.history] == ["un", "deux"]
        assert store.entries.restore_version("ma-demande", 5, old.saved_at) is None
    assert journal_doc(data_dir)["answers"] == {"q": "un"} and journal_doc(data_dir)["history"] == []
    assert [v["answers"]["q"] for v in versions_on_disk(data_dir)["ma-demande"]["1"]] == ["un", "deux"]


def test_appended_keeps_the_newest_and_never_the_same_version_twice_in_a_row():
    first, second = {"saved_at": STAMP, "answers": {"q": 1}}, {"saved_at": STAMP, "answers": {"q": 2}}
    assert appended([first], second, 30) == [first, second]
    assert appended([first, second], second, 30) == [first, second]
    assert appended([first, second], first, 2) == [second, first]
    assert appended([first, second], second, 1) == [second]


# -- a crash between the two writes ---------------------------------------------


def test_a_crash_between_the_versions_and_the_journal_loses_no_word(data_dir, monkeypatch):
    answer_in_sessions(data_dir, "un", "deux")
    real_write = SafeJSONStorage.write

    def crash(self, data):
        if type(self) is SafeJSONStorage:  # the journal, after the versions file was written
            raise KeyboardInterrupt("the power went out")
        real_write(self, data)

    monkeypatch.setattr(SafeJSONStorage, "write", crash)
    with JournalStore(data_dir, snapshot_on_open=False) as store, pytest.raises(KeyboardInterrupt):
        store.entries.save_answer("ma-demande", "q", "trois")
    monkeypatch.setattr(SafeJSONStorage, "write", real_write)
    with JournalStore(data_dir, snapshot_on_open=False) as store:
        entry = store.entries.get("ma-demande")
        assert entry.answers == {"q": "deux"}  # the answer on disk before the save: intact
        assert [version.answers["q"] for version in entry.history] == ["un", "deux"]  # and already kept as a version
        store.entries.save_answer("ma-demande", "q", "trois")  # the save again, in a new session
        assert [version.answers["q"] for version in store.entries.get("ma-demande").history] == ["un", "deux"]
        assert store.entries.get("ma-demande").answers == {"q": "trois"}


def test_a_full_disk_for_the_journal_after_a_version_is_one_line_and_loses_nothing(data_dir, monkeypatch):
    from journal.core.storage import safe_storage

    answer_in_sessions(data_dir, "un", "deux")
    real = safe_storage.atomic_write

    def full_for_the_journal(path, payload, **options):
        if path.name == "journal.json":
            raise OSError(28, "No space left on device")
        return real(path, payload, **options)

    monkeypatch.setattr(safe_storage, "atomic_write", full_for_the_journal)
    with JournalStore(data_dir, snapshot_on_open=False) as store:
        with pytest.raises(JournalError) as raised:
            store.entries.save_answer("ma-demande", "q", "trois")
        assert "\n" not in str(raised.value) and "journal.json" in str(raised.value)
        monkeypatch.setattr(safe_storage, "atomic_write", real)
        store.entries.save_answer("ma-demande", "q", "trois")  # space again: the same save goes through
    with JournalStore(data_dir, read_only=True) as store:
        entry = store.entries.get("ma-demande")
        assert entry.answers == {"q": "trois"} and [v.answers["q"] for v in entry.history] == ["un", "deux"]


# -- migration of the old layout ------------------------------------------------


def test_an_old_journal_is_migrated_on_first_open_with_write_access(data_dir):
    raw = old_layout(data_dir, OLD_HISTORY)
    with JournalStore(data_dir, snapshot_on_open=False) as store:
        entry = store.entries.get("ma-demande")
        assert entry.answers == {"q": "actuelle"}
        assert [version.answers["q"] for version in entry.history] == ["première", "deuxième"]
    assert journal_doc(data_dir)["history"] == [] and journal_doc(data_dir)["answers"] == {"q": "actuelle"}
    assert versions_on_disk(data_dir) == {"ma-demande": {"1": OLD_HISTORY}}
    upgrades = [backup for backup in list_backups(data_dir) if backup.kind == "upgrade"]
    assert len(upgrades) == 1 and upgrades[0].read() == raw


def test_read_only_commands_on_an_old_journal_see_its_versions_and_write_nothing(data_dir):
    raw = old_layout(data_dir, OLD_HISTORY)
    with JournalStore(data_dir, read_only=True) as store:
        assert [version.answers["q"] for version in store.entries.get("ma-demande").history] == ["première", "deuxième"]
        assert store.transfer.tables()["entries"]["1"]["history"] == OLD_HISTORY
    assert (data_dir / "journal.json").read_bytes() == raw
    assert not (data_dir / "versions").exists() and list_backups(data_dir) == []


def test_a_crash_during_the_migration_migrates_again_without_doubling(data_dir, monkeypatch):
    old_layout(data_dir, OLD_HISTORY)
    real_write = SafeJSONStorage.write
    monkeypatch.setattr(SafeJSONStorage, "write", lambda self, data: (_ for _ in ()).throw(KeyboardInterrupt()) if type(self) is SafeJSONStorage else real_write(self, data))
    with pytest.raises(KeyboardInterrupt):
        JournalStore(data_dir, snapshot_on_open=False)
    monkeypatch.setattr(SafeJSONStorage, "write", real_write)
    assert versions_on_disk(data_dir)["ma-demande"]["1"] == OLD_HISTORY
    assert journal_doc(data_dir)["history"] == OLD_HISTORY  # the crash came before the journal
    with JournalStore(data_dir, snapshot_on_open=False) as store:
        assert [version.answers["q"] for version in store.entries.get("ma-demande").history] == ["première", "deuxième"]
    assert journal_doc(data_dir)["history"] == []
    assert versions_on_disk(data_dir)["ma-demande"]["1"] == OLD_HISTORY


def test_versions_written_inline_by_an_older_bilan_are_combined_with_the_file(data_dir):
    answer_in_sessions(data_dir, "un", "deux")
    data = orjson.loads((data_dir / "journal.json").read_bytes())
    data["entries"]["1"]["history"] = [{"saved_at": "2030-01-01T10:00:00+01:00", "answers": {"q": "ailleurs"}}]
    (data_dir / "journal.json").write_bytes(orjson.dumps(data))
    with JournalStore(data_dir, read_only=True) as store:
        assert [version.answers["q"] for version in store.entries.get("ma-demande").history] == ["un", "ailleurs"]
    with JournalStore(data_dir, snapshot_on_open=False) as store:
        assert [version.answers["q"] for version in store.entries.get("ma-demande").history] == ["un", "ailleurs"]
    assert journal_doc(data_dir)["history"] == []


# -- a damaged versions file --------------------------------------------------------


@pytest.mark.parametrize(
    "content",
    [
        b"",
        b'{"kind": "bilan-entry-versions", "format": 1, "exercise_id": "ma-demande", "instance": 1, "versions": [',
        b"[1, 2]",
        b'{"kind": "bilan-versions", "format": 1, "versions": {"ma-demande": {"1": []}}}',
        b'{"kind": "bilan-entry-versions", "format": 1, "exercise_id": "ma-demande", "instance": 1, "versions": [{"saved_at": "hier", "answers": {}}]}',
        b'{"kind": "bilan-entry-versions", "format": 1, "exercise_id": "mes-valeurs", "instance": 1, "versions": []}',
        b'{"kind": "bilan-entry-versions", "format": 1, "exercise_id": "ma-demande", "instance": 2, "versions": []}',
        crypto.MAGIC + b"\x01" * 80,
    ],
)
def test_a_damaged_versions_file_is_set_aside_and_the_journal_opens_with_its_answers(data_dir, content):
    answer_in_sessions(data_dir, "un", "deux")
    entry_file(data_dir).write_bytes(content)
    with JournalStore(data_dir, snapshot_on_open=False) as store:
        assert store.versions_notice is None
        entry = store.entries.get("ma-demande")
        assert entry.answers == {"q": "deux"} and entry.history == ()
        assert "abîmé" in store.versions_notice and f"{entry_file(data_dir).name}.damaged-" in store.versions_notice
        store.entries.save_answer("ma-demande", "q", "trois")
    aside = list((data_dir / "versions").glob("*.damaged-*"))
    assert len(aside) == 1 and aside[0].read_bytes() == content
    with JournalStore(data_dir, read_only=True) as store:
        assert store.entries.get("ma-demande").answers == {"q": "trois"}


def test_read_only_leaves_a_damaged_versions_file_where_it_is(data_dir):
    answer_in_sessions(data_dir, "un", "deux")
    entry_file(data_dir).write_bytes(b"{pas du json")
    with JournalStore(data_dir, read_only=True) as store:
        assert store.entries.get("ma-demande").history == ()
        assert "lecture seule" in store.versions_notice
    assert entry_file(data_dir).read_bytes() == b"{pas du json"
    assert not list((data_dir / "versions").glob("*.damaged-*"))


def test_an_unreadable_versions_file_is_one_line_and_nothing_moves(data_dir):
    answer_in_sessions(data_dir, "un", "deux")
    entry_file(data_dir).unlink()
    entry_file(data_dir).mkdir()  # reading it fails with an operating-system error
    with JournalStore(data_dir, snapshot_on_open=False) as store:
        with pytest.raises(JournalError) as raised:
            store.entries.get("ma-demande")
        assert "\n" not in str(raised.value) and str(entry_file(data_dir)) in str(raised.value)
        assert store.entries.current_of("ma-demande")[0].answers == {"q": "deux"}
        store.enable_encryption("phrase de passe")  # re-sealing every file passes it by
    assert entry_file(data_dir).is_dir()
    with JournalStore(data_dir, passphrase="phrase de passe", snapshot_on_open=False) as store:
        assert store.entries.current_of("ma-demande")[0].answers == {"q": "deux"}


def good(versions):
    return {"kind": "bilan-versions", "format": 1, "versions": versions}


@pytest.mark.parametrize(
    ("data", "where"),
    [
        ([], "kind"),
        ({"kind": "bilan-journal", "format": 1, "versions": {}}, "kind"),
        ({"kind": "bilan-versions", "format": 2, "versions": {}}, "format"),
        ({"kind": "bilan-versions", "format": 1, "versions": []}, "versions"),
        (good({"x": []}), "versions.x"),
        (good({"x": {"0": []}}), "versions.x.0"),
        (good({"x": {"1000001": []}}), "versions.x.1000001"),
        (good({"x": {"²": []}}), "versions.x.²"),
        (good({"x": {"-1": []}}), "versions.x.-1"),
        (good({"x": {"1": {}}}), "versions.x.1"),
        (good({"x": {"1": [{"saved_at": STAMP, "answers": {}}] * (MAX_VERSIONS_PER_ENTRY + 1)}}), "versions.x.1"),
        (good({"x": {"1": ["hier"]}}), "versions.x.1[0].saved_at"),
        (good({"x": {"1": [{"saved_at": 3, "answers": {}}]}}), "versions.x.1[0].saved_at"),
        (good({"x": {"1": [{"saved_at": STAMP, "answers": []}]}}), "versions.x.1[0].answers"),
        (good({"x": {"1": [{"saved_at": STAMP, "answers": {"q": [[[[[[[[[[[[[[[[[1]]]]]]]]]]]]]]]]]}}]}}), "versions.x.1[0].answers"),
    ],
)
def test_every_field_of_the_versions_file_is_checked(data, where):
    assert problem_in(data) == where


def test_the_largest_allowed_versions_file_is_accepted():
    history = [{"saved_at": STAMP, "answers": {"q": "x"}}] * MAX_VERSIONS_PER_ENTRY
    assert problem_in(good({"x": {"1000000": history, "1": []}})) is None


# -- encryption -------------------------------------------------------------------


def test_encrypting_and_decrypting_the_journal_seals_and_opens_its_versions(data_dir):
    answer_in_sessions(data_dir, "un secret", "deux")
    with JournalStore(data_dir, snapshot_on_open=False) as store:
        store.enable_encryption("phrase de passe")
    assert crypto.is_encrypted(entry_file(data_dir).read_bytes())
    assert b"un secret" not in entry_file(data_dir).read_bytes()
    answer_in_sessions(data_dir, "trois", passphrase="phrase de passe")
    with JournalStore(data_dir, passphrase="phrase de passe", snapshot_on_open=False) as store:
        assert [v.answers["q"] for v in store.entries.get("ma-demande").history] == ["un secret", "deux"]
        store.disable_encryption()
    assert not crypto.is_encrypted(entry_file(data_dir).read_bytes())
    with JournalStore(data_dir, read_only=True) as store:
        assert [v.answers["q"] for v in store.entries.get("ma-demande").history] == ["un secret", "deux"]


def test_a_plain_versions_file_beside_an_encrypted_journal_is_sealed_on_opening(data_dir):
    """What a crash between the two writes of ``bilan encrypt`` leaves (the journal is sealed first)."""
    answer_in_sessions(data_dir, "un secret", "deux")
    plain = entry_file(data_dir).read_bytes()
    with JournalStore(data_dir, snapshot_on_open=False) as store:
        store.enable_encryption("phrase de passe")
    entry_file(data_dir).write_bytes(plain)
    with JournalStore(data_dir, passphrase="phrase de passe", snapshot_on_open=False) as store:
        assert [v.answers["q"] for v in store.entries.get("ma-demande").history] == ["un secret"]
    assert crypto.is_encrypted(entry_file(data_dir).read_bytes())


def test_versions_sealed_with_another_passphrase_are_set_aside_not_lost(data_dir):
    answer_in_sessions(data_dir, "un", "deux")
    other = crypto.Cipher("une autre phrase").seal(entry_file(data_dir).read_bytes())
    entry_file(data_dir).write_bytes(other)
    with JournalStore(data_dir, snapshot_on_open=False) as store:
        assert store.entries.get("ma-demande").history == ()
        assert store.versions_notice
    assert [path.read_bytes() for path in (data_dir / "versions").glob("*.damaged-*")] == [other]


# -- backups --------------------------------------------------------------------------


def test_a_backup_holds_the_versions_and_restoring_it_puts_both_files_back(data_dir):
    answer_in_sessions(data_dir, "un", "deux")
    with JournalStore(data_dir) as store:  # the start snapshot
        pass
    backup = list_backups(data_dir)[0]
    assert backup.read_versions() is None and backup.version_files() == [entry_file(data_dir).name]
    assert (backup.versions_folder / entry_file(data_dir).name).read_bytes() == entry_file(data_dir).read_bytes()
    answer_in_sessions(data_dir, "trois", "quatre")
    restore_backup(data_dir, backup.id)
    with JournalStore(data_dir, read_only=True) as store:
        entry = store.entries.get("ma-demande")
        assert entry.answers == {"q": "deux"} and [v.answers["q"] for v in entry.history] == ["un"]
    kept = next(b for b in list_backups(data_dir) if b.kind == "restore")
    kept_file = orjson.loads((kept.versions_folder / entry_file(data_dir).name).read_bytes())
    assert [v["answers"]["q"] for v in kept_file["versions"]] == ["un", "deux", "trois"]


def test_restoring_a_backup_from_before_the_versions_file_removes_the_newer_one(data_dir):
    old_layout(data_dir, OLD_HISTORY)
    with JournalStore(data_dir, snapshot_on_open=False) as store:  # migrates; the upgrade snapshot has no versions file
        store.entries.save_answer("ma-demande", "q", "nouvelle")
    upgrade = next(b for b in list_backups(data_dir) if b.kind == "upgrade")
    assert upgrade.read_versions() is None
    restore_backup(data_dir, upgrade.id)
    assert not entry_file(data_dir).exists() and not list((data_dir / "versions").iterdir())
    with JournalStore(data_dir, snapshot_on_open=False) as store:
        entry = store.entries.get("ma-demande")
        assert entry.answers == {"q": "actuelle"} and [v.answers["q"] for v in entry.history] == ["première", "deuxième"]


def test_pruning_and_sealing_backups_follow_their_versions(data_dir, monkeypatch):
    from journal.core.storage import backups as backups_module

    monkeypatch.setitem(backups_module.KEEP, "start", 1)
    answer_in_sessions(data_dir, "un secret", "deux")
    with JournalStore(data_dir):
        pass
    answer_in_sessions(data_dir, "trois")
    with JournalStore(data_dir) as store:
        store.enable_encryption("phrase de passe")
    starts = [b for b in list_backups(data_dir) if b.kind == "start"]
    assert len(starts) == 1
    assert sorted(p.name for p in (data_dir / "backups").glob("*start*")) == [f"{starts[0].id}.json", f"{starts[0].id}.versions"]
    kept = [b.versions_folder / name for b in list_backups(data_dir) for name in b.version_files()]
    assert kept and all(crypto.is_encrypted(path.read_bytes()) for path in kept)


# -- dump and import ------------------------------------------------------------------------


def test_the_dump_is_what_it_was_with_versions_inside_the_journal(data_dir):
    """The same journal in the old layout and in the new one gives the same dump, byte for byte."""
    old_layout(data_dir, OLD_HISTORY)
    with JournalStore(data_dir, read_only=True) as store:
        before = json.dumps(dump_document(store)["tables"], ensure_ascii=False, indent=1)
    with JournalStore(data_dir, snapshot_on_open=False) as store:  # migrated
        after = json.dumps(dump_document(store)["tables"], ensure_ascii=False, indent=1)
    assert after == before and "deuxième" in after


def test_a_dump_restored_and_merged_keeps_every_version(data_dir, tmp_path, monkeypatch):
    from datetime import datetime, timedelta, timezone

    from journal.core.store import entries

    minutes = iter(range(1000))  # one minute apart: the versions come in a known order
    monkeypatch.setattr(entries, "now", lambda: datetime(2025, 3, 1, 9, tzinfo=timezone.utc) + timedelta(minutes=next(minutes)))
    answer_in_sessions(data_dir, "un", "deux", "trois")
    with JournalStore(data_dir, read_only=True) as store:
        tables = store.transfer.tables()
    other = tmp_path / "autre"
    with JournalStore(other, snapshot_on_open=False) as store:
        assert store.transfer.is_empty()
        store.transfer.restore(tables)
        assert store.transfer.tables() == tables
    assert journal_doc(other)["history"] == []
    assert [v["answers"]["q"] for v in versions_on_disk(other)["ma-demande"]["1"]] == ["un", "deux"]
    answer_in_sessions(other, "quatre")
    with JournalStore(data_dir, snapshot_on_open=False) as store:
        with JournalStore(other, read_only=True) as theirs:
            report = store.transfer.merge(theirs.transfer.tables())
        assert report.combined == 1
        entry = store.entries.get("ma-demande")
        assert entry.answers == {"q": "quatre"}
        assert [v.answers["q"] for v in entry.history] == ["un", "deux", "trois"]
    assert journal_doc(data_dir)["history"] == []


def test_bilan_dump_says_in_one_line_that_damaged_versions_were_set_aside(data_dir, tmp_path, capsys):
    from journal.cli.main import main as bilan

    answer_in_sessions(data_dir, "un", "deux")
    entry_file(data_dir).write_bytes(b"{abime")
    assert bilan(["--data", str(data_dir), "dump", "-o", str(tmp_path / "copie.json")]) == 0
    err = capsys.readouterr().err.strip()
    assert "abîmé" in err and "\n" not in err
    dumped = json.loads((tmp_path / "copie.json").read_text(encoding="utf-8"))
    assert dumped["tables"]["entries"]["1"]["answers"] == {"q": "deux"} and dumped["tables"]["entries"]["1"]["history"] == []


def test_a_merge_keeps_two_versions_saved_within_the_same_second():
    import copy

    from journal.core.store.transfer import _combine_entry

    second = "2025-03-01T09:00:00+00:00"
    mine = {
        "answers": {"q": "trois"},
        "updated_at": "2025-03-01T09:05:00+00:00",
        "history": [{"saved_at": second, "answers": {"q": "un"}}],
    }
    theirs = {
        "answers": {"q": "quatre"},
        "updated_at": "2025-03-01T09:10:00+00:00",
        "history": [{"saved_at": second, "answers": {"q": "deux"}}, {"saved_at": second, "answers": {"q": "un"}}],
    }
    assert _combine_entry(mine, theirs)
    assert mine["answers"] == {"q": "quatre"}
    assert [version["answers"]["q"] for version in mine["history"]] == ["un", "deux", "trois"]
    merged_once = copy.deepcopy(mine)
    assert _combine_entry(mine, theirs) is False and mine == merged_once  # merging twice adds nothing
