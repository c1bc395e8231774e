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
