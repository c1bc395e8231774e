"""Defects found by trying the commands as a worker and a conseiller would (review helper)."""

from __future__ import annotations

import re
import shlex
from pathlib import Path

from journal.cli.main import main


def test_export_of_an_unknown_exercise_points_to_a_flag_export_has(tmp_path, capsys):
    assert main(["--data", str(tmp_path / "j"), "note", "Une note"]) == 0
    assert main(["--data", str(tmp_path / "j"), "export", "-o", "-", "--exercise", "nope"]) == 2
    error = capsys.readouterr().err
    assert "« nope »" in error and "bilan exercises list" in error
    assert "--custom" not in error  # a flag of bilan assign: bilan export refuses it


README = Path(__file__).resolve().parent.parent / "README.md"


def conseiller_examples() -> list[list[str]]:
    """The indented commands of the README's « Pour les conseillers » section, joined over backslashes."""
    section = README.read_text(encoding="utf-8").split("## Pour les conseillers", 1)[1].split("\n## ", 1)[0]
    commands, current = [], ""
    for line in section.splitlines():
        if not line.startswith("    ") and not current:
            continue
        current += " " + line.strip().removesuffix("\\")
        if not line.rstrip().endswith("\\"):
            commands.append(shlex.split(current, comments=True))
            current = ""
    return commands


def test_the_readme_conseiller_loop_works_as_written(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("BILAN_CONSEILLER_HOME", str(tmp_path / "conseiller"))
    monkeypatch.setenv("BILAN_HOME", str(tmp_path / "journal"))
    (tmp_path / "ma-lettre.toml").write_text(CUSTOM_EXERCISE, encoding="utf-8")
    (tmp_path / "projet.md").write_text("## Points forts\n\nÉcoute.\n", encoding="utf-8")
    commands = [argv for argv in conseiller_examples() if argv and argv != ["bilan", "assign"]]  # bare assign is interactive
    assert [argv[:2] for argv in commands] == [["bilan", "assign"], ["bilan", "import"], ["bilan", "export"]]
    for argv in commands:
        assert main(argv[1:]) == 0, (argv, capsys.readouterr().err)
    assert (tmp_path / "document.md").read_text(encoding="utf-8").startswith("---\nbilan_summary: 1\n")


def test_the_readme_follow_up_window_is_accepted(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("BILAN_CONSEILLER_HOME", str(tmp_path / "conseiller"))
    text = README.read_text(encoding="utf-8")
    window = re.search(r"`--appointment (\d{4}-\d\d-\d\d\.\.\d{4}-\d\d-\d\d)`", text).group(1)
    argv = ["assign", "--suivi", "--appointment", window, "--for", "Mathilde", "--from", "Claire Martin", "-o", str(tmp_path / "suivi.toml")]
    assert main(argv) == 0, capsys.readouterr().err


CUSTOM_EXERCISE = """\
format = 1
id = "ma-lettre"
phase = "investigation"
order = 95
duration_minutes = 20
title = { fr = "Ma lettre" }
summary = { fr = "Une lettre à vous-même." }
why = { fr = "Se projeter aide à voir ce qui compte." }
how = { fr = "Écrivez librement." }
bring = { fr = "La lettre." }
[[prompts]]
id = "lettre"
kind = "long_text"
label = { fr = "Votre lettre" }
"""


def test_english_strings_name_exercises_by_their_english_title():
    from journal.core.catalogue import load_catalogue
    from journal.i18n.catalogue import messages

    english = messages("en")
    for exercise in load_catalogue().exercises:
        french_title, english_title = exercise.title.fr, exercise.title.en
        if french_title == english_title:
            continue
        leaking = [key for key, text in english.items() if f"“{french_title}”" in text]
        assert not leaking, f"“{french_title}” in English strings {leaking}: say “{english_title}”"


async def test_arrows_from_the_question_input_choose_a_question(tmp_path):
    from journal.core.catalogue import load_catalogue
    from journal.core.store import JournalStore
    from journal.tui.app import BilanApp
    from journal.tui.screens.questions import QuestionsScreen

    store = JournalStore(tmp_path / "j")
    app = BilanApp(store, load_catalogue())
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("f4")
        await pilot.pause()
        assert isinstance(app.screen, QuestionsScreen)
        await pilot.press(*"Premiere", "enter", *"Seconde", "enter")
        await pilot.pause()
        await pilot.press("up", "ctrl+t")  # the hint: « Flèches pour choisir ; Ctrl+T : traitée »
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
    answered = {question.text: question.answered for question in store.questions.for_bilan(None)}
    store.close()
    assert answered == {"Premiere": False, "Seconde": True}
