"""Interactive prompts (bilan assign, import, export, encrypt) speak the interface language, also on Ctrl+C."""

from __future__ import annotations

import io

import pytest
from prompt_toolkit.application import create_app_session
from prompt_toolkit.input import create_pipe_input
from prompt_toolkit.output.plain_text import PlainTextOutput

from journal.cli import prompts
from journal.cli.assign_prompts import ask_request
from journal.cli.context import CommandFailure
from journal.core.assignments.dossiers import ConseillerDossiers
from journal.core.catalogue import load_catalogue

ENGLISH_QUESTIONARY_WORDS = ("(y/N)", "(Y/n)", "Use arrow keys", "Cancelled by user", "<space> to select")


def run_prompt(keys: str, prompt):
    """Type ``keys`` into ``prompt()`` on a fake terminal; return its answer and everything shown."""
    screen = io.StringIO()
    with create_pipe_input() as keyboard, create_app_session(input=keyboard, output=PlainTextOutput(screen)):
        keyboard.send_text(keys)
        answer = prompt()
    return answer, screen.getvalue()


@pytest.mark.parametrize("default, keys, expected", [(False, "\r", False), (True, "\r", True), (False, "\x1b[A\r", True), (True, "\x1b[B\r", False)])
def test_confirm_is_a_french_yes_no(default, keys, expected):
    answer, shown = run_prompt(keys, lambda: prompts.confirm("Continuer ?", default=default))
    assert answer is expected
    assert "Oui" in shown and "Non" in shown
    assert not any(word in shown for word in ENGLISH_QUESTIONARY_WORDS)


def test_checkbox_and_select_hints_are_french():
    import questionary

    choices = [questionary.Choice("Mes valeurs", "mes-valeurs"), questionary.Choice("Mes pistes", "mes-pistes")]
    picked, shown = run_prompt(" \r", lambda: prompts.checkbox("Exercices :", choices))
    assert picked == ["mes-valeurs"]
    assert not any(word in shown for word in ENGLISH_QUESTIONARY_WORDS)
    one, shown = run_prompt("\x1b[B\r", lambda: prompts.select("Dossier :", choices))
    assert one == "mes-pistes"
    assert not any(word in shown for word in ENGLISH_QUESTIONARY_WORDS)


def test_ctrl_c_in_bilan_assign_says_one_french_line(tmp_path, capsys):
    dossiers = ConseillerDossiers(tmp_path)
    with pytest.raises(CommandFailure):
        run_prompt("\x03", lambda: ask_request(load_catalogue(), dossiers))
    printed = capsys.readouterr()
    assert "Cancelled by user" not in printed.out + printed.err
