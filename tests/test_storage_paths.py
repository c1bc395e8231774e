"""Links and paths: a linked journal stays linked, an unreachable one is never replaced by an empty one,
odd paths and arguments get one line, a loose data folder is made private and the worker told once."""

from __future__ import annotations

import os
import stat
import subprocess
import sys

import pytest

from journal.cli.main import main
from journal.core.storage import JournalError
from journal.core.store import JournalStore, list_backups, restore_backup


@pytest.fixture
def linked(tmp_path):
    """A journal kept elsewhere, linked from the data folder."""
    real = tmp_path / "ailleurs"
    with JournalStore(real) as store:
        store.notes.add("Le vrai journal")
    folder = tmp_path / "donnees"
    folder.mkdir(mode=0o700)
    (folder / "journal.json").symlink_to(real / "journal.json")
    return folder, real / "journal.json"


def test_a_linked_journal_is_written_through_and_stays_a_link(linked, capsys):
    folder, target = linked
    assert main(["--data", str(folder), "note", "Par le lien"]) == 0
    assert (folder / "journal.json").is_symlink()
    assert b"Par le lien" in target.read_bytes()
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    with JournalStore(folder) as store:
        assert [note.text for note in store.notes.all()] == ["Le vrai journal", "Par le lien"]
    assert not [p for p in target.parent.iterdir() if p.name.endswith(".tmp")]


def test_restoring_a_backup_keeps_the_link(linked):
    folder, target = linked
    with JournalStore(folder) as store:
        store._journal.snapshot("start")
        store.notes.add("Après la sauvegarde")
    restore_backup(folder, list_backups(folder)[-1].id)
    assert (folder / "journal.json").is_symlink()
    assert "Après la sauvegarde".encode() not in target.read_bytes()


def test_a_dangling_link_is_refused_and_never_replaced_by_an_empty_journal(linked, capsys):
    folder, target = linked
    target.unlink()  # the disk holding the real journal is unplugged
    for args in (["note", "x"], ["export", "-o", "-"], []):
        if not args:
            with pytest.raises(JournalError, match="introuvable"):
                JournalStore(folder)
            continue
        assert main(["--data", str(folder), *args]) == 1
        err = capsys.readouterr().err
        assert err.count("\n") == 1 and "introuvable" in err and str(target) in err
    assert (folder / "journal.json").is_symlink() and not target.exists()


def test_a_link_to_a_folder_is_refused(tmp_path, capsys):
    folder = tmp_path / "donnees"
    folder.mkdir(mode=0o700)
    (folder / "journal.json").symlink_to(tmp_path)
    assert main(["--data", str(folder), "note", "x"]) == 1
    assert "pas un fichier ordinaire" in capsys.readouterr().err


def test_a_link_loop_is_one_line(tmp_path, capsys):
    folder = tmp_path / "donnees"
    folder.mkdir(mode=0o700)
    (folder / "journal.json").symlink_to(folder / "journal.json")
    assert main(["--data", str(folder), "note", "x"]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "journal.json" in err


def test_export_through_a_link_keeps_the_link(data_dir, tmp_path, capsys):
    main(["--data", str(data_dir), "note", "Pour le conseiller"])
    real = tmp_path / "partage" / "synthese.md"
    real.parent.mkdir()
    real.write_text("ancienne version")
    link = tmp_path / "synthese.md"
    link.symlink_to(real)
    assert main(["--data", str(data_dir), "export", "--force", "-o", str(link)]) == 0
    assert link.is_symlink()
    assert "Pour le conseiller" in real.read_text()


def test_export_to_dev_stdout_and_a_pipe(data_dir, tmp_path):
    main(["--data", str(data_dir), "note", "Vers la sortie"])
    result = subprocess.run(
        [sys.executable, "-m", "journal", "--data", str(data_dir), "export", "-o", "/dev/stdout"],
        capture_output=True, text=True, timeout=60,
    )
    assert result.returncode == 0, result.stderr
    assert "Vers la sortie" in result.stdout
    fifo = tmp_path / "tube"
    os.mkfifo(fifo)
    reader = subprocess.Popen(["cat", str(fifo)], stdout=subprocess.PIPE, text=True)
    assert main(["--data", str(data_dir), "export", "-o", str(fifo)]) == 0
    assert "Vers la sortie" in reader.communicate(timeout=30)[0]
    assert stat.S_ISFIFO(fifo.stat().st_mode)


@pytest.mark.parametrize("value", ["", "   "])
def test_empty_data_is_bad_usage(value, tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    assert main(["--data", value, "note", "x"]) == 2
    assert "--data" in capsys.readouterr().err
    assert list(tmp_path.iterdir()) == []


def test_path_longer_than_the_system_allows(tmp_path, capsys):
    for folder in (tmp_path / ("a" * 300), tmp_path.joinpath(*["abcdefghij"] * 500)):
        for args in (["note", "x"], ["export", "-o", "-"], ["backup", "list"]):
            status = main(["--data", str(folder), *args])
            err = capsys.readouterr().err
            assert status in (0, 1) and "Traceback" not in err
            if status:
                assert err.count("\n") == 1 and "trop long" in err


def test_argument_that_is_not_utf8_is_one_line():
    for argv in ([b"note", b"\xff"], [b"--data", b"/tmp/\xff\xfe", b"note", b"x"]):
        result = subprocess.run([sys.executable, "-m", "journal", *argv], capture_output=True, timeout=60)
        assert result.returncode == 2
        assert b"Traceback" not in result.stderr and result.stderr.count(b"\n") == 1
        assert b"UTF-8" in result.stderr


def test_data_folder_from_the_environment_that_is_not_utf8(tmp_path):
    environment = {**os.environ, "BILAN_HOME": os.fsdecode(bytes(tmp_path) + b"/\xff")}
    result = subprocess.run([sys.executable, "-m", "journal", "note", "x"], capture_output=True, timeout=60, env=environment)
    assert result.returncode == 2 and b"UTF-8" in result.stderr and b"Traceback" not in result.stderr


def test_a_loose_data_folder_is_made_private_and_the_worker_told_once(tmp_path, capsys):
    folder = tmp_path / "journal"
    folder.mkdir()
    folder.chmod(0o755)
    assert main(["--data", str(folder), "note", "un"]) == 0
    first = capsys.readouterr().err
    assert "0700" in first and str(folder) in first and first.count("\n") == 1
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    assert main(["--data", str(folder), "note", "deux"]) == 0
    assert capsys.readouterr().err == ""


def test_a_loose_folder_of_an_existing_journal_is_tightened(data_dir, capsys):
    with JournalStore(data_dir) as store:
        store.notes.add("déjà là")
    data_dir.chmod(0o750)
    with JournalStore(data_dir) as store:
        assert store.permissions_notice and "0700" in store.permissions_notice
    assert stat.S_IMODE(data_dir.stat().st_mode) == 0o700
    with JournalStore(data_dir) as store:
        assert store.permissions_notice is None


def test_read_only_opening_changes_no_rights(data_dir):
    with JournalStore(data_dir) as store:
        store.notes.add("déjà là")
    data_dir.chmod(0o755)
    with JournalStore(data_dir, read_only=True) as store:
        assert store.permissions_notice is None
    assert stat.S_IMODE(data_dir.stat().st_mode) == 0o755


async def test_the_app_tells_about_tightened_rights(tmp_path, catalogue):
    from journal.tui.app import BilanApp

    folder = tmp_path / "journal"
    folder.mkdir()
    folder.chmod(0o755)
    store = JournalStore(folder)
    app = BilanApp(store, catalogue)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert any("0700" in str(notification.message) for notification in app._notifications)
        await pilot.press("ctrl+q")
    store.close()
