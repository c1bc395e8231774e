"""The exact limits of the storage layer: what a valid journal record is, which advice each disk error
gets, what counts as leftovers, the shortest passphrase. Boundaries on both sides, so a changed limit shows."""

from __future__ import annotations

import errno
import os
import stat

import pytest

from journal.core.storage import JournalError, atomic, crypto
from journal.core.storage.disk_errors import describe, reason
from journal.core.storage.validation import MAX_ANSWER_DEPTH, NotAJournal, check_documents, is_timestamp
from journal.core.store import JournalStore
from tests.odd_journals import entry, journal, note


def _nested(depth: int):
    value: object = "mot"
    for _ in range(depth):
        value = [value]
    return value


def _check(**tables):
    check_documents(journal(**tables))


def test_instance_limits():
    for good in (1, 2, 1_000_000):
        _check(entries=[entry(instance=good)])
    for bad in (0, -1, 1_000_001):
        with pytest.raises(NotAJournal, match="instance"):
            _check(entries=[entry(instance=bad)])


def test_answer_depth_limit():
    _check(entries=[entry(answers={"q": _nested(MAX_ANSWER_DEPTH - 1)})])
    _check(entries=[entry(answers={"q": {"a": {"b": _nested(MAX_ANSWER_DEPTH - 3)}}})])
    with pytest.raises(NotAJournal, match="answers"):
        _check(entries=[entry(answers={"q": _nested(MAX_ANSWER_DEPTH)})])
    with pytest.raises(NotAJournal, match=r"history\[0\].answers"):
        _check(entries=[entry(history=[{"saved_at": "2025-01-01", "answers": {"q": _nested(MAX_ANSWER_DEPTH)}}])])


def test_every_status_bilan_writes_is_valid():
    for status in ("todo", "started", "done"):
        _check(entries=[entry(status=status)])


def test_the_first_problem_is_named():
    with pytest.raises(NotAJournal) as raised:
        _check(entries=[entry(), entry(status="x", instance="y")])
    assert raised.value.detail == "entries 2 instance"
    with pytest.raises(NotAJournal) as raised:
        _check(notes=[note(), note(), note(private="non")])
    assert raised.value.detail == "notes 3 private"


def test_private_must_be_a_boolean_but_may_be_missing():
    _check(entries=[entry(private=True)], notes=[note(private=True)])
    with pytest.raises(NotAJournal, match="entries 1 private"):
        _check(entries=[entry(private=0)])


def test_timestamps():
    for good in ("2025-03-14", "2025-03-14T09:15:00", "2025-03-14T09:15:00+01:00", "2025-03-14T09:15:00.123456Z"):
        assert is_timestamp(good), good
    for bad in (None, 20250314, "", "hier", "2025-02-30", "9999-12-31T23:59:59-14:00", ["2025-03-14"]):
        assert not is_timestamp(bad), bad


@pytest.mark.parametrize(
    ("code", "words"),
    [
        (errno.ENOSPC, "disque est plein"),
        (errno.EDQUOT, "quota"),
        (errno.EROFS, "lecture seule"),
        (errno.EIO, "entrée-sortie"),
        (errno.EACCES, "droits"),
        (errno.EPERM, "droits"),
        (errno.ENAMETOOLONG, "trop long"),
        (errno.ELOOP, "tourne en rond"),
        (errno.EBUSY, "Device or resource busy"),
    ],
)
def test_each_error_gets_its_own_advice(code, words, tmp_path):
    line = describe("write", tmp_path, OSError(code, os.strerror(code)))
    assert words in line
    assert line.startswith(f"Impossible d'enregistrer dans {tmp_path} : ")


def test_reasons_are_distinct_where_the_advice_differs():
    reasons = {reason(OSError(code, "")) for code in (errno.ENOSPC, errno.EDQUOT, errno.EROFS, errno.EIO, errno.EACCES)}
    assert len(reasons) == 5
    assert reason(OSError(errno.EBUSY, "")) == "other"


def test_each_action_names_what_failed(tmp_path):
    error = OSError(errno.EIO, "")
    assert describe("read", tmp_path, error).startswith("Impossible de lire")
    assert describe("lock", tmp_path, error).startswith("Impossible d'ouvrir le verrou")
    assert describe("create", tmp_path, error).startswith("Impossible de créer le dossier")


def test_leftovers_are_counted_and_only_those_of_the_name(tmp_path):
    for name in (".journal.json.a.tmp", ".journal.json.b.tmp", ".journal.json.c.tmp", ".autre.json.d.tmp"):
        (tmp_path / name).write_text("x")
    (tmp_path / "journal.json").write_text("{}")
    assert atomic.remove_leftovers(tmp_path, "journal.json") == 3
    assert sorted(p.name for p in tmp_path.iterdir()) == [".autre.json.d.tmp", "journal.json"]
    assert atomic.remove_leftovers(tmp_path) == 1
    assert atomic.remove_leftovers(tmp_path / "absent") == 0


def test_leftovers_of_several_names_go_in_one_call_and_others_stay(tmp_path):
    for name in (".journal.json.a.tmp", ".versions.json.b.tmp", ".exports.json.c.tmp", ".autre.json.d.tmp", "exports.json.tmp"):
        (tmp_path / name).write_text("x")
    assert atomic.remove_leftovers(tmp_path, "journal.json", "versions.json", "exports.json") == 3
    assert sorted(p.name for p in tmp_path.iterdir()) == [".autre.json.d.tmp", "exports.json.tmp"]


def test_only_hidden_temporaries_are_leftovers(tmp_path):
    for name in (".tmp", "x.tmp", ".journal.json", ".journal.json.a.tmp.kept", "..tmp"):
        (tmp_path / name).write_text("x")
    assert atomic.remove_leftovers(tmp_path) == 1  # "..tmp": hidden and a temporary's suffix
    assert sorted(p.name for p in tmp_path.iterdir()) == [".journal.json", ".journal.json.a.tmp.kept", ".tmp", "x.tmp"]


def test_atomic_write_makes_a_private_file_in_parts(tmp_path):
    target = tmp_path / "f.json"
    assert atomic.atomic_write(target, (b"ab", b"", b"cd")) is None
    assert target.read_bytes() == b"abcd"
    assert stat.S_IMODE(target.stat().st_mode) == atomic.FILE_MODE == 0o600
    descriptor = atomic.atomic_write(target, b"xyz", keep_open=True)
    try:
        assert os.fstat(descriptor).st_ino == target.stat().st_ino
    finally:
        os.close(descriptor)
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(atomic.TEMP_SUFFIX)]


def test_a_failed_write_leaves_the_old_file_and_no_leftover(tmp_path, monkeypatch):
    target = tmp_path / "f.json"
    target.write_bytes(b"ancien")

    def full(*_args):
        raise OSError(errno.ENOSPC, "plein")

    monkeypatch.setattr(atomic, "_write_all", full)
    with pytest.raises(OSError):
        atomic.atomic_write(target, b"nouveau")
    assert target.read_bytes() == b"ancien"
    assert [p.name for p in tmp_path.iterdir()] == ["f.json"]


def test_tighten_only_changes_loose_folders(tmp_path):
    folder = tmp_path / "d"
    folder.mkdir(mode=0o700)
    assert atomic.tighten(folder) is False
    for loose in (0o750, 0o705, 0o755, 0o701):
        folder.chmod(loose)
        assert atomic.tighten(folder) is True
        assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    assert atomic.tighten(tmp_path / "absent") is False


def test_shortest_passphrase_accepted(data_dir, monkeypatch):
    monkeypatch.setattr(crypto, "DEFAULT_KDF", crypto.KdfParams(log2_n=10))
    assert crypto.MIN_PASSPHRASE == 8
    with JournalStore(data_dir) as store:
        with pytest.raises(JournalError):
            store.enable_encryption("x" * (crypto.MIN_PASSPHRASE - 1))
        store.enable_encryption("x" * crypto.MIN_PASSPHRASE)
        assert store.encrypted


# -- codec: what kind of damage, and which backups are usable ---------------------------

from journal.core.storage import codec  # noqa: E402


def _problem(raw: bytes) -> str:
    try:
        codec.decode(raw, None)
    except codec.Problem as problem:
        return problem.key
    return "ok"


def test_a_journal_cut_anywhere_is_truncated():
    whole = b'{"meta": {"1": {"kind": "bilan-journal", "schema": 1}}, "notes": {"1": {"text": "abc", "created_at": "2025-01-01"}}}'
    assert _problem(whole) == "ok"
    for cut in (5, 20, 40, len(whole) - 1):
        assert _problem(whole[:cut]) == "truncated", whole[:cut]


def test_a_syntax_error_before_the_end_is_not_json():
    for raw in (b'{"a": 1 x}', b'{"a": 1,, "b": 2}', b'{"a" 1}', b"[1, 2", b"nul", b'"texte'):
        assert _problem(raw) == "not_json", raw
    assert _problem(b"  \n ") == "empty"
    assert _problem(b"[]") == "not_journal"


def test_usable_backups(monkeypatch):
    monkeypatch.setattr(crypto, "DEFAULT_KDF", crypto.KdfParams(log2_n=10))
    plain = b'{"meta": {"1": {"kind": "bilan-journal", "schema": 1}}}'
    assert codec.usable(plain) is True
    assert codec.usable(plain[:-3]) is False
    sealed = crypto.Cipher("une phrase assez longue").seal(plain)
    assert codec.usable(sealed) is True
    assert codec.usable(sealed[: crypto.HEADER_SIZE - 1]) is False
    assert codec.usable(sealed[:9] + bytes([2]) + sealed[10:]) is False


def test_restore_command_names_the_folder_only_when_needed(tmp_path, monkeypatch):
    from journal.core.storage.damage import restore_command

    folder = tmp_path / "mon journal"
    assert restore_command(folder, "ID") == f"bilan --data '{folder}' backup restore ID"
    monkeypatch.setenv("BILAN_HOME", str(folder))
    assert restore_command(folder, "ID") == "bilan backup restore ID"


# -- migrations: what schema 0 gets -----------------------------------------------------


def test_schema_0_records_get_the_fields_of_schema_1():
    from journal.core.storage.migrations import upgrade

    data, found = upgrade({"notes": {"1": {"text": "sans date"}}, "entries": {"1": {"exercise_id": "ma-demande"}}})
    assert found == 0
    note_doc, entry_doc = data["notes"]["1"], data["entries"]["1"]
    assert note_doc["private"] is False and entry_doc["private"] is False
    assert entry_doc["status"] == "started" and entry_doc["instance"] == 1 and entry_doc["history"] == []
    assert is_timestamp(note_doc["created_at"]) and "." not in note_doc["created_at"]
    assert entry_doc["created_at"] == entry_doc["updated_at"] == note_doc["created_at"]
    assert data["meta"]["1"]["upgraded_from"] == 0


# -- the journal lock and presence files ------------------------------------------------

from journal.core.storage.lock import JournalLock, try_lock_descriptor  # noqa: E402
from journal.core.storage.presence import Presence  # noqa: E402


def test_lock_is_reentrant_and_held_until_the_outermost_exit(tmp_path):
    lock, other = JournalLock(tmp_path, wait=0.2), JournalLock(tmp_path, wait=0.3)
    assert not lock.held
    with lock:
        assert lock.held
        with lock:
            assert lock.held
        assert lock.held
        with pytest.raises(JournalError) as busy:
            with other:
                pass
        assert str(tmp_path) in str(busy.value) and "0 secondes" in str(busy.value)
        assert not other.held
    assert not lock.held
    with other:
        assert other.held
        descriptor = os.open(tmp_path / "journal.lock", os.O_RDONLY)
        try:
            assert try_lock_descriptor(descriptor) is False
        finally:
            os.close(descriptor)
    descriptor = os.open(tmp_path / "journal.lock", os.O_RDONLY)
    try:
        assert try_lock_descriptor(descriptor) is True
    finally:
        os.close(descriptor)
    lock.close()
    other.close()
    assert stat.S_IMODE((tmp_path / "journal.lock").stat().st_mode) == 0o600


def test_closing_a_held_lock_releases_it(tmp_path):
    lock, other = JournalLock(tmp_path, wait=0.2), JournalLock(tmp_path, wait=0.2)
    lock.__enter__()
    lock.close()
    assert not lock.held
    with other:
        assert other.held
    other.close()


def test_presence_counts_other_programs_only(tmp_path):
    mine, theirs = Presence(tmp_path), Presence(tmp_path)
    assert mine.others() == 0
    mine.announce()
    assert mine.others() == 0 and theirs.others() == 1
    theirs.announce()
    assert mine.others() == 1 and theirs.others() == 1
    files = sorted(p.name for p in (tmp_path / "sessions").iterdir())
    assert len(files) == 2 and all(name.endswith(".session") and not name.startswith(".") for name in files)
    theirs.withdraw()
    assert mine.others() == 0
    assert len(list((tmp_path / "sessions").iterdir())) == 1
    mine.withdraw()
    assert list((tmp_path / "sessions").iterdir()) == []


def test_presence_sweeps_files_of_dead_programs(tmp_path):
    folder = tmp_path / "sessions"
    folder.mkdir()
    (folder / "123-dead.session").write_text("{}")  # nobody holds its lock
    old = folder / ".124-half.session"
    old.write_text("{}")
    os.utime(old, (0, 0))
    recent = folder / ".125-starting.session"
    recent.write_text("{}")
    assert Presence(tmp_path).others() == 0
    assert sorted(p.name for p in folder.iterdir()) == [".125-starting.session"]


def test_tighten_says_false_when_the_system_refuses(tmp_path, monkeypatch):
    folder = tmp_path / "d"
    folder.mkdir(mode=0o755)
    folder.chmod(0o755)

    def refuse(*_args):
        raise PermissionError(errno.EPERM, "refusé")

    monkeypatch.setattr(atomic.os, "chmod", refuse)
    assert atomic.tighten(folder) is False


def test_leftovers_that_cannot_be_removed_are_not_counted(tmp_path, monkeypatch):
    from pathlib import Path

    for name in (".journal.json.a.tmp", ".journal.json.b.tmp"):
        (tmp_path / name).write_text("x")
    real_unlink = Path.unlink

    def unlink(path, *args, **kwargs):
        if path.name.endswith(".a.tmp"):
            raise PermissionError(errno.EACCES, "refusé")
        return real_unlink(path, *args, **kwargs)

    monkeypatch.setattr(Path, "unlink", unlink)
    assert atomic.remove_leftovers(tmp_path, "journal.json") == 1

    def unreadable(*_args):
        raise PermissionError(errno.EACCES, "refusé")

    monkeypatch.setattr(Path, "glob", unreadable)
    assert atomic.remove_leftovers(tmp_path, "journal.json") == 0


def test_announcing_twice_makes_one_file(tmp_path):
    mine = Presence(tmp_path)
    mine.announce()
    mine.announce()
    assert len(list((tmp_path / "sessions").iterdir())) == 1
    mine.withdraw()
    mine.withdraw()


def test_a_half_created_presence_file_is_swept_after_a_minute_only(tmp_path):
    import time

    folder = tmp_path / "sessions"
    folder.mkdir()
    now = time.time()
    for name, age in ((".a.session", 60.5), (".b.session", 58)):
        (folder / name).write_text("{}")
        os.utime(folder / name, (now - age, now - age))
    Presence(tmp_path).others()
    assert [p.name for p in folder.iterdir()] == [".b.session"]


def test_exists_is_strictly_boolean(tmp_path):
    from journal.core.storage import links

    (tmp_path / "fichier").write_text("x")
    assert links.exists(tmp_path / "absent") is False
    assert links.exists(tmp_path / "fichier" / "dedans") is False
    assert links.exists(tmp_path / "fichier") is True
    (tmp_path / "lien").symlink_to(tmp_path / "absent")
    assert links.exists(tmp_path / "lien") is True
    with pytest.raises(JournalError, match="trop long"):
        links.exists(tmp_path / ("x" * 300))


def test_an_error_without_a_system_reason_is_still_described(tmp_path):
    line = describe("write", tmp_path, OSError("panne inattendue"))
    assert "panne inattendue" in line and str(tmp_path) in line


# -- where POSIX locks are missing (Windows' msvcrt, or nothing): the fallbacks, through fakes ---

from journal.core.storage import lock as lock_module  # noqa: E402
from journal.core.storage import presence as presence_module  # noqa: E402


class FakeMsvcrt:
    """msvcrt's byte-range locks, as far as bilan uses them: one byte at offset 0, taken or not."""

    LK_NBLCK, LK_UNLCK = 2, 0

    def __init__(self):
        self.holder: int | None = None
        self.calls: list[tuple[int, int]] = []

    def locking(self, descriptor: int, mode: int, size: int) -> None:
        self.calls.append((mode, size))
        if mode == self.LK_NBLCK:
            if self.holder not in (None, descriptor):
                raise OSError(errno.EACCES, "verrouillé")
            self.holder = descriptor
        elif mode == self.LK_UNLCK:
            self.holder = None


def test_windows_locks_through_msvcrt(tmp_path, monkeypatch):
    fake = FakeMsvcrt()
    monkeypatch.setattr(lock_module, "fcntl", None)
    monkeypatch.setattr(lock_module, "msvcrt", fake)
    first = os.open(tmp_path / "a", os.O_RDWR | os.O_CREAT)
    second = os.open(tmp_path / "a", os.O_RDWR)
    try:
        assert lock_module._try_lock(first) is True
        assert lock_module._try_lock(second) is False
        lock_module._unlock(first)
        assert lock_module._try_lock(second) is True
        assert all(size == 1 for _, size in fake.calls)
        assert (fake.LK_UNLCK, 1) in fake.calls
    finally:
        os.close(first)
        os.close(second)


def test_without_any_lock_primitive_locking_always_succeeds(tmp_path, monkeypatch):
    monkeypatch.setattr(lock_module, "fcntl", None)
    monkeypatch.setattr(lock_module, "msvcrt", None)
    descriptor = os.open(tmp_path / "a", os.O_RDWR | os.O_CREAT)
    try:
        assert lock_module._try_lock(descriptor) is True
        lock_module._unlock(descriptor)
    finally:
        os.close(descriptor)


def test_without_fcntl_nobody_is_counted(tmp_path, monkeypatch):
    monkeypatch.setattr(presence_module, "fcntl", None)
    mine = Presence(tmp_path)
    mine.announce()
    assert mine.others() == 0
    assert not (tmp_path / "sessions").exists()


def test_tighten_changes_nothing_where_rights_are_not_posix(tmp_path, monkeypatch):
    folder = tmp_path / "d"
    folder.mkdir()
    folder.chmod(0o755)
    monkeypatch.setattr(atomic, "POSIX", False)
    assert atomic.tighten(folder) is False
    assert stat.S_IMODE(folder.stat().st_mode) == 0o755


def test_a_presence_file_that_vanished_is_not_old(tmp_path):
    from journal.core.storage.presence import _older_than

    assert _older_than(tmp_path / "parti", 0) is False


# -- the storage's cache and the table view ------------------------------------------------


def test_each_save_by_another_program_is_picked_up_once(data_dir):
    with JournalStore(data_dir) as first, JournalStore(data_dir) as second:
        storage = first._journal.storage
        storage.read()
        assert storage.external_changes == 0
        second.notes.add("un")
        storage.read()
        storage.read()
        assert storage.external_changes == 1
        first.notes.add("deux")  # our own save is not someone else's
        storage.read()
        assert storage.external_changes == 1
        second.notes.add("trois")
        assert len(first.notes.all()) == 3 and storage.external_changes == 2


def test_the_saved_file_stays_pinned(data_dir):
    with JournalStore(data_dir) as store:
        store.notes.add("x")
        pinned = store._journal.storage._pinned
        assert pinned is not None
        assert os.fstat(pinned).st_ino == (data_dir / "journal.json").stat().st_ino


def test_a_journal_that_cannot_be_read_is_one_line(data_dir):
    JournalStore(data_dir).close()
    (data_dir / "journal.json").unlink()
    (data_dir / "journal.json").mkdir()
    with pytest.raises(JournalError, match="Impossible de lire"):
        JournalStore(data_dir)


def test_the_integer_view_of_a_table():
    from journal.core.storage.table import _IntKeys

    view = _IntKeys({"1": {"a": 1}, "7": {"b": 2}})
    assert len(view) == 2 and sorted(view) == [1, 7] and 7 in view and 3 not in view
    view[9] = {"c": 3}
    del view[1]
    assert view[9] == {"c": 3} and len(view) == 2


def test_saving_does_not_leak_descriptors(data_dir):
    with JournalStore(data_dir) as store:
        store.notes.add("premier")
        before = len(os.listdir("/proc/self/fd"))
        for number in range(20):
            store.notes.add(f"note {number}")
        assert len(os.listdir("/proc/self/fd")) <= before


def test_a_document_key_int_cannot_read_back_as_written_is_refused():
    from journal.core.storage.validation import schema_of

    data = journal(settings=[{"key": "alias", "value": "A"}])
    schema_of(data)
    for key in ("²", "١", "1²"):  # str.isdigit says yes to each
        data["settings"] = {key: {"key": "alias", "value": "A"}}
        with pytest.raises(NotAJournal, match="settings"):
            schema_of(data)
