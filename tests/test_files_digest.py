"""``files_digest``: names and bytes of a set of files; a file that is not a plain, small file is refused."""

from __future__ import annotations

import os

import pytest

from journal.core import files_digest as module
from journal.core.files_digest import files_digest


def test_the_digest_changes_with_a_name_a_byte_or_the_order(tmp_path):
    (tmp_path / "a.toml").write_bytes(b"un")
    (tmp_path / "b.toml").write_bytes(b"deux")
    first = files_digest(tmp_path, ["a.toml", "b.toml"])
    assert first == files_digest(tmp_path, ["a.toml", "b.toml"])
    assert first != files_digest(tmp_path, ["b.toml", "a.toml"])
    (tmp_path / "b.toml").write_bytes(b"deuX")
    assert first != files_digest(tmp_path, ["a.toml", "b.toml"])
    (tmp_path / "ab.toml").write_bytes(b"")
    (tmp_path / "c.toml").write_bytes(b"undeux")
    assert files_digest(tmp_path, ["a.toml", "c.toml"]) != files_digest(tmp_path, ["ab.toml", "c.toml"])  # lengths count


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes")
def test_a_pipe_is_refused_without_waiting(tmp_path):
    os.mkfifo(tmp_path / "x.toml")
    with pytest.raises(OSError):
        files_digest(tmp_path, ["x.toml"])


def test_a_folder_or_a_missing_file_is_refused(tmp_path):
    (tmp_path / "dossier.toml").mkdir()
    for name in ("dossier.toml", "absent.toml"):
        with pytest.raises(OSError):
            files_digest(tmp_path, [name])


def test_a_file_too_large_is_refused(tmp_path, monkeypatch):
    monkeypatch.setattr(module, "MAX_FILE_BYTES", 8)
    (tmp_path / "ok.toml").write_bytes(b"12345678")
    (tmp_path / "big.toml").write_bytes(b"123456789")
    files_digest(tmp_path, ["ok.toml"])
    with pytest.raises(OSError):
        files_digest(tmp_path, ["big.toml"])


def test_a_link_is_followed(tmp_path):
    (tmp_path / "vrai.toml").write_bytes(b"contenu")
    (tmp_path / "lien.toml").symlink_to(tmp_path / "vrai.toml")
    before = files_digest(tmp_path, ["lien.toml"])
    (tmp_path / "vrai.toml").write_bytes(b"autre contenu")
    assert files_digest(tmp_path, ["lien.toml"]) != before
