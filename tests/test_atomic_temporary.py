"""The temporary file of an atomic write (made without ``tempfile``): private, new, never a link followed."""

from __future__ import annotations

import os
import stat

import pytest

from journal.core.storage import atomic


def test_the_temporary_file_is_new_private_and_named_for_its_target(tmp_path):
    handle, temporary = atomic._temporary_file(tmp_path, "journal.json")
    os.close(handle)
    name = os.path.basename(temporary)
    assert name.startswith(".journal.json.") and name.endswith(atomic.TEMP_SUFFIX)
    if atomic.POSIX:
        assert stat.S_IMODE(os.stat(temporary).st_mode) == atomic.FILE_MODE
    assert atomic.remove_leftovers(tmp_path, "journal.json") == 1  # recognised as a leftover of an interrupted write


def test_a_name_already_taken_by_a_file_or_a_link_is_never_opened(tmp_path, monkeypatch):
    target = tmp_path / "elsewhere"
    target.write_bytes(b"keep me")
    taken = iter([b"\x00" * 6, b"\x00" * 6, b"\x01" * 6])
    monkeypatch.setattr(atomic.os, "urandom", lambda size: next(taken))
    first = tmp_path / f".journal.json.{'00' * 6}{atomic.TEMP_SUFFIX}"
    first.symlink_to(target)
    handle, temporary = atomic._temporary_file(tmp_path, "journal.json")
    os.close(handle)
    assert os.path.basename(temporary) == f".journal.json.{'01' * 6}{atomic.TEMP_SUFFIX}"
    assert target.read_bytes() == b"keep me"


def test_no_free_name_is_an_error_not_a_loop(tmp_path, monkeypatch):
    monkeypatch.setattr(atomic.os, "urandom", lambda size: b"\x00" * size)
    (tmp_path / f".journal.json.{'00' * 6}{atomic.TEMP_SUFFIX}").write_bytes(b"")
    with pytest.raises(FileExistsError):
        atomic._temporary_file(tmp_path, "journal.json")


def test_an_atomic_write_replaces_the_file_and_leaves_no_temporary(tmp_path):
    path = tmp_path / "journal.json"
    path.write_bytes(b"old")
    atomic.atomic_write(path, [b"ne", memoryview(b"w")])
    assert path.read_bytes() == b"new"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["journal.json"]


def test_many_atomic_writes_replace_every_file_private_and_leave_no_temporary(tmp_path):
    paths = [tmp_path / f"{number}.json" for number in range(40)]
    paths[3].write_bytes(b"kept")
    items = [(path, (lambda number=number: None if number == 3 else [b"n", str(number).encode()])) for number, path in enumerate(paths)]
    assert atomic.atomic_write_many(items) == 39
    assert [path.read_bytes() for path in paths[:5]] == [b"n0", b"n1", b"n2", b"kept", b"n4"]
    if atomic.POSIX:
        assert {stat.S_IMODE(os.stat(path).st_mode) for path in paths if path != paths[3]} == {atomic.FILE_MODE}
    assert sorted(os.listdir(tmp_path)) == sorted(path.name for path in paths)


def test_a_failure_among_many_writes_replaces_none_and_removes_every_temporary(tmp_path):
    paths = [tmp_path / f"{number}.json" for number in range(40)]
    for path in paths:
        path.write_bytes(b"old")

    def payload(number):
        if number == 17:
            raise OSError(28, "No space left on device")
        return b"new"

    with pytest.raises(OSError):
        atomic.atomic_write_many([(path, (lambda number=number: payload(number))) for number, path in enumerate(paths)])
    assert {path.read_bytes() for path in paths} == {b"old"}
    assert sorted(os.listdir(tmp_path)) == sorted(path.name for path in paths)


def test_a_rename_refused_among_many_writes_leaves_every_file_whole_and_no_temporary(tmp_path, monkeypatch):
    paths = [tmp_path / f"{number}.json" for number in range(40)]
    for path in paths:
        path.write_bytes(b"old")
    real_replace, done = os.replace, []

    def replace(source, target):
        if len(done) == 10:
            raise OSError(13, "Permission denied")
        done.append(target)
        real_replace(source, target)

    monkeypatch.setattr(atomic.os, "replace", replace)
    with pytest.raises(OSError):
        atomic.atomic_write_many([(path, (lambda number=number: None if number == 3 else b"new")) for number, path in enumerate(paths)])
    assert sorted(path.read_bytes() for path in paths) == [b"new"] * 10 + [b"old"] * 30
    assert sorted(os.listdir(tmp_path)) == sorted(path.name for path in paths)


def test_small_pieces_are_written_together_and_the_bytes_are_the_same(tmp_path, monkeypatch):
    big = bytes(range(256)) * (atomic.WRITE_BYTES // 256 + 3)  # over WRITE_BYTES: written as it is
    pieces = [b"{", memoryview(b'"a":1')[1:], b",", *[b"x"] * 5000, memoryview(big)[1:], b"}", b"", b"z" * 10]
    writes: list[int] = []
    real_write = atomic.os.write
    monkeypatch.setattr(atomic.os, "write", lambda handle, data: writes.append(len(data)) or real_write(handle, data))
    path = tmp_path / "journal.json"
    atomic.atomic_write(path, pieces)
    assert path.read_bytes() == b"".join(pieces)
    assert len(writes) == 3  # what came before the big piece, the big piece, what came after
    assert max(writes) == len(big) - 1


def test_pieces_adding_up_past_the_write_size_are_written_as_they_come(tmp_path, monkeypatch):
    piece = b"y" * (atomic.WRITE_BYTES // 4 + 1)
    writes: list[int] = []
    real_write = atomic.os.write
    monkeypatch.setattr(atomic.os, "write", lambda handle, data: writes.append(len(data)) or real_write(handle, data))
    path = tmp_path / "journal.json"
    atomic.atomic_write(path, [piece] * 9)
    assert path.read_bytes() == piece * 9
    assert writes == [len(piece) * 4, len(piece) * 4, len(piece)]  # never more than WRITE_BYTES held back
