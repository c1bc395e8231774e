"""The careful reader of hostile files beside the journal: no link, no waiting on a pipe, bounded."""

from __future__ import annotations

import errno
import os

import pytest

from journal.core.storage.careful_read import NotRegularFile, TooLarge, read_regular


def test_a_regular_file_within_its_bound_is_read_whole_and_an_absent_one_is_none(tmp_path):
    path = tmp_path / "f.json"
    path.write_bytes(b"x" * 10)
    assert read_regular(path, 10) == b"x" * 10
    assert read_regular(tmp_path / "absent.json", 10) is None


def test_a_file_over_its_bound_is_refused(tmp_path):
    path = tmp_path / "f.json"
    path.write_bytes(b"x" * 11)
    with pytest.raises(TooLarge):
        read_regular(path, 10)


def test_a_folder_and_a_pipe_are_not_files_and_the_pipe_is_not_waited_on(tmp_path):
    (tmp_path / "folder").mkdir()
    with pytest.raises(NotRegularFile):
        read_regular(tmp_path / "folder", 10)
    if hasattr(os, "mkfifo"):
        os.mkfifo(tmp_path / "pipe")
        with pytest.raises(NotRegularFile):
            read_regular(tmp_path / "pipe", 10)  # would block for ever without O_NONBLOCK


@pytest.mark.skipif(not hasattr(os, "O_NOFOLLOW"), reason="no O_NOFOLLOW")
def test_a_link_is_never_followed(tmp_path):
    (tmp_path / "target.json").write_bytes(b"secret")
    (tmp_path / "link.json").symlink_to(tmp_path / "target.json")
    with pytest.raises(OSError) as raised:
        read_regular(tmp_path / "link.json", 10)
    assert raised.value.errno == errno.ELOOP


@pytest.mark.skipif(not hasattr(os, "O_NOFOLLOW"), reason="no O_NOFOLLOW")
def test_a_link_is_followed_only_when_asked(tmp_path):
    (tmp_path / "vrai").write_bytes(b"contenu")
    (tmp_path / "lien").symlink_to(tmp_path / "vrai")
    assert read_regular(tmp_path / "lien", 100, follow_links=True) == b"contenu"
    with pytest.raises(OSError):
        read_regular(tmp_path / "lien", 100)
