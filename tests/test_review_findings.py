"""Defects found by trying the commands as a worker and a conseiller would (review helper)."""

from __future__ import annotations

from journal.cli.main import main


def test_export_of_an_unknown_exercise_points_to_a_flag_export_has(tmp_path, capsys):
    assert main(["--data", str(tmp_path / "j"), "note", "Une note"]) == 0
    assert main(["--data", str(tmp_path / "j"), "export", "-o", "-", "--exercise", "nope"]) == 2
    error = capsys.readouterr().err
    assert "« nope »" in error and "bilan exercises list" in error
    assert "--custom" not in error  # a flag of bilan assign: bilan export refuses it
