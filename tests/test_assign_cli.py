"""``bilan assign`` by flags: the file written, never over an earlier one unless asked."""

from __future__ import annotations

from journal.cli.main import main
from tests.assignment_files import soon


def assign(tmp_path, output, *extra: str) -> int:
    return main([
        "assign", "--exercise", "mes-valeurs", "--due", soon().strftime("%d/%m/%Y"),
        "--for", "Mathilde", "--from", "Claire Martin", "-o", str(output), *extra,
    ])


def test_an_existing_assignment_file_is_never_replaced_without_force(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "conseiller"))
    output = tmp_path / "travail.toml"
    assert assign(tmp_path, output) == 0
    first = output.read_bytes()
    capsys.readouterr()
    assert assign(tmp_path, output) == 1
    err = capsys.readouterr().err
    assert "travail.toml existe déjà" in err and "--force" in err and len(err.strip().splitlines()) == 1
    assert output.read_bytes() == first
    assert assign(tmp_path, output, "--force") == 0
    assert output.read_bytes() != first and "sequence = 2" in output.read_text(encoding="utf-8")


def test_a_file_that_cannot_be_written_is_said_in_french(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "conseiller"))
    assert assign(tmp_path, tmp_path / "absent" / "travail.toml") == 1
    err = capsys.readouterr().err
    assert "travail.toml" in err and "No such file" not in err and len(err.strip().splitlines()) == 1
