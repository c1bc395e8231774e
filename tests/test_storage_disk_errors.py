"""A full, over-quota, read-only or failing disk: every command says so in one line, exits 1, loses nothing."""

from __future__ import annotations

import errno
import os

import pytest

from journal.cli.main import main
from journal.core.storage import crypto
from journal.core.storage.disk_errors import describe
from journal.core.store import JournalStore
from tests.broken_disk import DISK_ERRORS, break_disk

WORDS = {
    errno.ENOSPC: "disque est plein",
    errno.EDQUOT: "quota",
    errno.EROFS: "lecture seule",
    errno.EIO: "entrée-sortie",
}

# Commands that must write in the data folder (or next to it): they fail, cleanly.
WRITING = {
    "note": ["note", "une", "idée"],
    "note-private": ["note", "--prive", "secret"],
    "export-file": ["export", "-o", "{tmp}/synthese.md"],
    "export-html": ["export", "--format", "html", "-o", "{tmp}/synthese.html"],
    "encrypt": ["encrypt"],
    "restore": ["backup", "restore", "{backup}"],
}


@pytest.fixture(autouse=True)
def fast_kdf(monkeypatch):
    monkeypatch.setattr(crypto, "DEFAULT_KDF", crypto.KdfParams(log2_n=10))


@pytest.fixture
def journal(data_dir):
    with JournalStore(data_dir) as store:
        store.notes.add("Ce qui est déjà écrit")
        store.entries.save_answer("ma-demande", "pourquoi-maintenant", "Une réponse")
        backup = store._journal.snapshot("start")
    return data_dir, backup.id


def _words(args, tmp_path, backup_id):
    return [word.format(tmp=tmp_path, backup=backup_id) for word in args]


@pytest.mark.parametrize("code", DISK_ERRORS, ids=errno.errorcode.get)
@pytest.mark.parametrize("command", sorted(WRITING))
def test_writing_command_fails_in_one_line_and_changes_nothing(command, code, journal, tmp_path, monkeypatch, capsys):
    data_dir, backup_id = journal
    monkeypatch.setenv("BILAN_PASSPHRASE", "une phrase assez longue")
    before = (data_dir / "journal.json").read_bytes()
    break_disk(monkeypatch, code)
    status = main(["--data", str(data_dir), *_words(WRITING[command], tmp_path, backup_id)])
    err = capsys.readouterr().err
    assert status == 1
    assert err.count("\n") == 1 and err.startswith("bilan: ")
    assert WORDS[code] in err
    assert "Traceback" not in err
    assert (data_dir / "journal.json").read_bytes() == before


@pytest.mark.parametrize("code", DISK_ERRORS, ids=errno.errorcode.get)
def test_decrypt_on_a_broken_disk_keeps_the_encrypted_journal(code, journal, monkeypatch, capsys):
    data_dir, _ = journal
    monkeypatch.setenv("BILAN_PASSPHRASE", "une phrase assez longue")
    assert main(["--data", str(data_dir), "encrypt"]) == 0
    before = (data_dir / "journal.json").read_bytes()
    capsys.readouterr()
    break_disk(monkeypatch, code)
    assert main(["--data", str(data_dir), "decrypt"]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and WORDS[code] in err
    assert (data_dir / "journal.json").read_bytes() == before


@pytest.mark.parametrize("code", DISK_ERRORS, ids=errno.errorcode.get)
@pytest.mark.parametrize("args", [["export", "-o", "-"], ["backup", "list"], ["exercises", "list"]], ids=" ".join)
def test_reading_command_works_or_fails_in_one_line(args, code, journal, monkeypatch, capsys):
    """Reading needs no space: on a full disk it works; where the lock cannot be opened, one line."""
    data_dir, _ = journal
    before = (data_dir / "journal.json").read_bytes()
    break_disk(monkeypatch, code)
    status = main(["--data", str(data_dir), *args])
    out, err = capsys.readouterr()
    if status == 0:
        assert err == ""
        assert out
    else:
        assert status == 1 and err.count("\n") == 1 and WORDS[code] in err
    if code != errno.EROFS and args[0] == "export":
        assert status == 0 and "Ce qui est déjà écrit" in out
    assert (data_dir / "journal.json").read_bytes() == before


@pytest.mark.parametrize("code", DISK_ERRORS, ids=errno.errorcode.get)
def test_new_journal_on_a_broken_disk_is_one_line(code, tmp_path, monkeypatch, capsys):
    break_disk(monkeypatch, code)
    assert main(["--data", str(tmp_path / "nouveau"), "note", "idée"]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and WORDS[code] in err


@pytest.mark.parametrize("code", DISK_ERRORS, ids=errno.errorcode.get)
def test_presence_file_failure_never_stops_a_command(code, journal, monkeypatch, capsys):
    """The session file is advisory: when only it fails, the note is still saved."""
    from journal.core.storage import presence
    from tests.broken_disk import failing_os

    data_dir, _ = journal
    monkeypatch.setattr(presence, "os", failing_os(code))
    assert main(["--data", str(data_dir), "note", "malgré tout"]) == 0
    with JournalStore(data_dir) as store:
        assert [note.text for note in store.notes.all()][-1] == "malgré tout"
    assert not [path for path in (data_dir / "sessions").iterdir() if path.name.startswith(".")]


def test_every_line_says_what_where_and_what_to_do(tmp_path):
    for code in (*DISK_ERRORS, errno.EACCES, errno.ENAMETOOLONG, errno.ELOOP, errno.EBUSY):
        line = describe("write", tmp_path / "journal.json", OSError(code, "boom"))
        assert str(tmp_path / "journal.json") in line
        assert "\n" not in line
        assert line.endswith(".")
        assert "—" not in line


def test_unknown_error_keeps_the_system_reason(tmp_path):
    line = describe("read", tmp_path, OSError(errno.EBUSY, "Device or resource busy"))
    assert "Device or resource busy" in line and str(tmp_path) in line


async def test_app_keeps_the_text_warns_and_saves_when_space_comes_back(data_dir, catalogue, monkeypatch):
    from textual.widgets import TextArea

    from journal.tui.app import BilanApp
    from journal.tui.screens import exercise as exercise_screen
    from tests.broken_disk import failing_os
    from journal.core.storage import atomic

    monkeypatch.setattr(exercise_screen, "RETRY_SECONDS", 0.3)
    store = JournalStore(data_dir)
    app = BilanApp(store, catalogue)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        screen = app.screen
        area = screen.query_one(TextArea)
        area.focus()
        monkeypatch.setattr(atomic, "os", failing_os(errno.ENOSPC))
        await pilot.press(*"Plein de mots")
        await pilot.pause(1.0)
        await app.workers.wait_for_complete()
        assert "a échoué" in str(screen.sub_title)
        assert area.text == "Plein de mots"
        assert any("disque est plein" in str(n.message) for n in app._notifications)
        monkeypatch.setattr(atomic, "os", os)  # space comes back
        for _ in range(20):
            await pilot.pause(0.2)
            await app.workers.wait_for_complete()
            if "a échoué" not in str(screen.sub_title):
                break
        assert "a échoué" not in str(screen.sub_title)
        messages = [str(n.message) for n in app._notifications]
        assert any("de nouveau enregistré" in m for m in messages)
        assert not any("disque est plein" in m for m in messages)
        with JournalStore(data_dir) as other_window:
            assert other_window.entries.get("ma-demande").answers["pourquoi-maintenant"] == "Plein de mots"
        await pilot.press("ctrl+q")
    store.close()


def test_backup_list_marks_an_unreadable_backup_instead_of_failing(journal, monkeypatch, capsys):
    from pathlib import Path

    data_dir, backup_id = journal
    real_read = Path.read_bytes

    def failing_read(path):
        if path.parent.name == "backups":
            raise OSError(errno.EIO, os.strerror(errno.EIO))
        return real_read(path)

    monkeypatch.setattr(Path, "read_bytes", failing_read)
    assert main(["--data", str(data_dir), "backup", "list"]) == 0
    out, err = capsys.readouterr()
    assert err == "" and backup_id in out and "inutilisable" in out
