"""The command line: notes, export, catalogue, help, exit codes, no Textual for quick commands."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from journal.cli.main import main
from journal.core.store import JournalStore


def run(*args: str, data: Path | None = None, stdin: str | None = None, env: dict | None = None):
    command = [sys.executable, "-m", "journal", *(["--data", str(data)] if data else []), *args]
    environment = {key: value for key, value in os.environ.items() if key != "BILAN_HOME"}
    environment.update(env or {})
    return subprocess.run(command, input=stdin, capture_output=True, text=True, env=environment, timeout=60)


def test_note_then_export_to_stdout(data_dir, tmp_path, capsys):
    assert main(["--data", str(data_dir), "note", "J'ai parlé avec ma cheffe de la formation"]) == 0
    assert "Note enregistrée" in capsys.readouterr().out
    assert main(["--data", str(data_dir), "export", "-o", "-"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("---\nbilan_summary: 1\n")
    assert "\n# Mon bilan de compétences" in out
    assert "J'ai parlé avec ma cheffe de la formation" in out


def test_note_from_stdin(data_dir, monkeypatch, capsys):
    monkeypatch.setattr(sys, "stdin", io.StringIO("Une idée\nsur deux lignes\n"))
    assert main(["--data", str(data_dir), "note", "-"]) == 0
    with JournalStore(data_dir) as store:
        assert store.notes.all()[0].text == "Une idée\nsur deux lignes"


def test_empty_note_is_bad_input(data_dir, monkeypatch, capsys):
    monkeypatch.setattr(sys, "stdin", io.StringIO("  \n"))
    assert main(["--data", str(data_dir), "note", "-"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "vide" in err


def test_private_note_is_not_exported(data_dir, capsys):
    main(["--data", str(data_dir), "note", "--prive", "Rien que pour moi"])
    main(["--data", str(data_dir), "export", "-o", "-"])
    assert "Rien que pour moi" not in capsys.readouterr().out


def test_export_default_file_name_in_current_folder(data_dir, tmp_path, monkeypatch, capsys):
    main(["--data", str(data_dir), "note", "x"])
    monkeypatch.chdir(tmp_path)
    assert main(["--data", str(data_dir), "export"]) == 0
    written = list(tmp_path.glob("bilan-*.md"))
    assert len(written) == 1
    assert oct(written[0].stat().st_mode & 0o777) == "0o600"


def test_export_without_journal_says_how_to_fix(tmp_path, capsys):
    assert main(["--data", str(tmp_path / "rien"), "export", "-o", "-"]) == 1
    err = capsys.readouterr().err.strip()
    assert "\n" not in err and "Aucun journal" in err


def test_export_into_missing_folder_fails_cleanly(data_dir, tmp_path, capsys):
    main(["--data", str(data_dir), "note", "x"])
    assert main(["--data", str(data_dir), "export", "-o", str(tmp_path / "nope" / "f.md")]) == 1
    err = capsys.readouterr().err.strip()
    assert "\n" not in err and "-o" in err


def test_exercises_list_json(capsys):
    assert main(["exercises", "list", "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert {row["phase"] for row in rows} == {"preliminaire", "investigation", "conclusion", "suivi"}
    assert any(row["id"] == "ma-demande" and row["title"] == "Ma demande" for row in rows)


def test_validate_reports_problems_with_exit_2(tmp_path, capsys):
    bad = tmp_path / "bad.toml"
    bad.write_text('format = 1\nid = "x"\n', encoding="utf-8")
    assert main(["exercises", "validate", str(bad)]) == 2
    err = capsys.readouterr().err
    assert "bad.toml: phase" in err
    assert main(["exercises", "validate", str(tmp_path / "absent.toml")]) == 2


def test_help_is_french_and_english_on_demand():
    french = run("--help")
    assert french.returncode == 0 and "utilisation" in french.stdout and "ajouter une note libre" in french.stdout
    english = run("--lang", "en", "--help")
    assert english.returncode == 0 and "usage" in english.stdout and "add a dated free note" in english.stdout


def test_bad_usage_exit_2_without_traceback():
    result = run("export", "--format", "pdf")
    assert result.returncode == 2
    assert "Traceback" not in result.stderr and "choix invalide" in result.stderr


def test_version():
    result = run("--version")
    assert result.returncode == 0 and result.stdout.startswith("bilan ")


@pytest.mark.parametrize("args", [["note", "x"], ["export", "-o", "-"], ["exercises", "list"]])
def test_quick_commands_do_not_import_textual(tmp_path, args):
    code = (
        "import sys; from journal.cli.main import main; "
        f"main(['--data', {str(tmp_path)!r}, 'note', 'x']); "
        f"rc = main(['--data', {str(tmp_path)!r}, *{args!r}]); "
        "assert 'textual' not in sys.modules, 'textual imported'; sys.exit(rc)"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr


def test_bilan_home_variable(tmp_path):
    result = run("note", "par variable", env={"BILAN_HOME": str(tmp_path / "h")})
    assert result.returncode == 0
    assert (tmp_path / "h" / "journal.json").exists()


def test_note_that_is_not_utf8_is_bad_input(tmp_path):
    result = subprocess.run(
        [sys.executable, "-m", "journal", "--data", str(tmp_path / "j"), "note", "-"],
        input=b"\xff\xfe caf\xe9", capture_output=True, timeout=60,
    )
    assert result.returncode == 2
    assert b"Traceback" not in result.stderr and b"UTF-8" in result.stderr


def test_export_onto_the_journal_is_refused(data_dir, capsys):
    main(["--data", str(data_dir), "note", "x"])
    before = (data_dir / "journal.json").read_bytes()
    assert main(["--data", str(data_dir), "export", "-o", str(data_dir / "journal.json")]) == 1
    assert (data_dir / "journal.json").read_bytes() == before
    assert "dossier du journal" in capsys.readouterr().err
