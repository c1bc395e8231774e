"""An unexpected error in the app: exit status 1, one line on the terminal, the details in a report file."""

from __future__ import annotations

import os
import pty
import select
import sys
import time
from types import SimpleNamespace

import pytest

from journal.cli.commands.app import exit_code
from journal.core.crash_report import REPORTS_KEPT, write_crash_report
from journal.core.store import JournalStore
from journal.tui.app import BilanApp

CRASHING_APP = """
import sys
from journal.tui.screens.home import HomeScreen
def broken(self):
    raise RuntimeError("boom from a test")
HomeScreen.on_mount = broken
from journal.cli.main import main
sys.exit(main(["--data", sys.argv[1]]))
"""


def run_in_terminal(argv: list[str], timeout: float = 60) -> tuple[int, str]:
    """Run ``argv`` in a pseudo-terminal (Textual needs one); its exit status and all it wrote."""
    pid, fd = pty.fork()
    if pid == 0:  # pragma: no cover - the child
        os.environ["COLUMNS"], os.environ["LINES"] = "80", "24"
        os.execv(argv[0], argv)
    output = b""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        ready, _, _ = select.select([fd], [], [], 0.5)
        if ready:
            try:
                chunk = os.read(fd, 65536)
            except OSError:
                break
            if not chunk:
                break
            output += chunk
        finished, status = os.waitpid(pid, os.WNOHANG)
        if finished:
            break
    else:
        os.kill(pid, 9)
        pytest.fail("the app did not end after its error")
    _, status = os.waitpid(pid, 0) if not finished else (pid, status)
    os.close(fd)
    return os.waitstatus_to_exitcode(status), output.decode("utf-8", "replace")


def test_the_bilan_command_exits_1_with_one_line_after_an_unexpected_error(tmp_path):
    folder = tmp_path / "journal"
    code, output = run_in_terminal([sys.executable, "-c", CRASHING_APP, str(folder)])
    assert code == 1
    assert "Traceback" not in output and "boom" not in output
    assert "bilan: une erreur inattendue a arrêté bilan" in output
    reports = list(folder.glob("crash-*.log"))
    assert len(reports) == 1 and "RuntimeError: boom from a test" in reports[0].read_text()
    assert str(reports[0]) in output.replace("\r\n", "").replace("\n", "")


async def test_the_app_records_the_error_and_saves_what_is_pending(tmp_path, catalogue):
    store = JournalStore(tmp_path / "journal")
    app = BilanApp(store, catalogue)
    with pytest.raises(RuntimeError):
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.press("enter")
            await pilot.pause()
            screen = app.screen
            screen.autosave.change("pourquoi-maintenant", "Écrit juste avant l'erreur")

            def broken():
                raise RuntimeError("boom")

            screen.action_toggle_done = broken
            await pilot.press("ctrl+t")
            await pilot.pause()
    assert app.crashed and app.return_code == 1
    assert app.crash_report is not None and "RuntimeError: boom" in app.crash_report.read_text()
    assert store.entries.get("ma-demande").answers["pourquoi-maintenant"] == "Écrit juste avant l'erreur"
    store.close()


def test_exit_code_of_the_app(capsys, tmp_path):
    assert exit_code(SimpleNamespace(crashed=False, return_code=0, crash_report=None)) == 0
    assert exit_code(SimpleNamespace(crashed=False, return_code=None, crash_report=None)) == 0
    assert exit_code(SimpleNamespace(crashed=True, return_code=1, crash_report=None)) == 1
    assert exit_code(SimpleNamespace(crashed=False, return_code=3, crash_report=tmp_path / "crash-x.log")) == 1
    lines = capsys.readouterr().err.splitlines()
    assert len(lines) == 2 and all(line.startswith("bilan: ") for line in lines)
    assert "crash-x.log" in lines[1]


def test_reports_are_private_and_only_the_last_ones_kept(tmp_path):
    paths = []
    for number in range(REPORTS_KEPT + 2):
        try:
            raise ValueError(f"error {number}")
        except ValueError as error:
            paths.append(write_crash_report(tmp_path, error))
    kept = sorted(tmp_path.glob("crash-*.log"))
    assert kept == sorted(paths[-REPORTS_KEPT:])
    assert all(path.stat().st_mode & 0o777 == 0o600 for path in kept)
    assert write_crash_report(tmp_path / "missing", ValueError("x")) is None
    assert write_crash_report(None, ValueError("x")) is None


def test_an_unexpected_error_in_a_command_is_one_line_too(tmp_path, monkeypatch, capsys):
    from journal.cli import main as cli
    from journal.cli.commands import note

    def broken(args):
        raise KeyError("boom")

    (tmp_path / "journal").mkdir()
    monkeypatch.setattr(note, "run", broken)
    assert cli.main(["--data", str(tmp_path / "journal"), "note", "x"]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "Traceback" not in err
    assert len(list((tmp_path / "journal").glob("crash-*.log"))) == 1


def test_bytes_that_are_not_utf8_from_the_terminal_do_not_stop_the_app(tmp_path):
    """Issue 8, found in tmux: pasting a raw 0x9b byte killed Textual's input thread (exit 0, traceback)."""
    pid, fd = pty.fork()
    if pid == 0:  # pragma: no cover - the child
        os.execv(sys.executable, [sys.executable, "-m", "journal", "--data", str(tmp_path / "journal")])

    def read_for(seconds: float) -> bytes:
        got, deadline = b"", time.monotonic() + seconds
        while time.monotonic() < deadline:
            if select.select([fd], [], [], 0.2)[0]:
                try:
                    got += os.read(fd, 65536)
                except OSError:
                    break
        return got

    output = b""
    for _ in range(60):  # until the home screen is drawn (slow on a loaded machine)
        output += read_for(0.5)
        if "Phase 1".encode() in output or "Bienvenue".encode() in output:  # home, or the first-start welcome
            break
    os.write(fd, b"n")
    output += read_for(2)
    os.write(fd, b"\xff\x9b31m \xc3 fin")
    output += read_for(2)
    output += read_for(1)
    assert os.waitpid(pid, os.WNOHANG) == (0, 0), "the app stopped on bytes that are not UTF-8"
    os.kill(pid, 9)
    os.waitpid(pid, 0)
    os.close(fd)
    assert b"Traceback" not in output and b"UnicodeDecodeError" not in output
    assert "\ufffd31m".encode() in output and b" fin" in output  # shown, with the bad bytes as \ufffd


async def test_a_fatal_error_inside_textual_ends_as_a_crash_too(tmp_path, catalogue):
    store = JournalStore(tmp_path / "journal")
    app = BilanApp(store, catalogue)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        app.panic("le fil de lecture du terminal s'est arrêté")
    assert app.crashed and exit_code(app) == 1
    assert "fil de lecture" in app.crash_report.read_text()
    store.close()
