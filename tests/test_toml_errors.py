"""The TOML parser's refusals reach a conseiller in the interface language, with their place."""

from __future__ import annotations

import ast
import re
import tomllib
from pathlib import Path

import pytest

from journal.cli.main import main
from journal.core.toml_errors import toml_place, toml_reason, toml_refusal
from journal.i18n import set_language

BROKEN = {
    "a b": ("il manque le signe « = »", "ligne 1, colonne 3"),
    "a = 1 b = 2": ("une seule « clé = valeur » par ligne", "ligne 1, colonne 7"),
    "a = [1, 2": ("une liste ouverte par « [ »", "fin du fichier"),
    'a = "x': ("un texte ouvert par un guillemet", "fin du fichier"),
    "[t": ("le titre de section n'est pas fermé", "fin du fichier"),
    "a = x": ("cette valeur n'est pas reconnue", "ligne 1, colonne 5"),
    "a=1\na=2": ("déjà définie plus haut", "fin du fichier"),
    "[t]\n[t]": ("déjà définie plus haut", "ligne 2, colonne 3"),
    'a = "\\q"': ("barre oblique inversée", "ligne 1, colonne 8"),
    'a = "\x01"': ("caractère de contrôle invisible", "ligne 1, colonne 6"),
    ".a = 1": ("ni « clé = valeur »", "ligne 1, colonne 1"),
    "a = {b=1": ("un tableau ouvert par une accolade", "fin du fichier"),
    "a = 2024-02-30T10:00:00": ("cette date n'est pas valide", "ligne 1, colonne 5"),
}


def refusal(source: str) -> tomllib.TOMLDecodeError:
    with pytest.raises(tomllib.TOMLDecodeError) as caught:
        tomllib.loads(source)
    return caught.value


@pytest.mark.parametrize("source", BROKEN)
def test_each_refusal_is_explained_in_french_with_its_place(source):
    error = refusal(source)
    reason, place = BROKEN[source]
    assert reason in toml_reason(error)
    assert toml_place(error) == place
    assert toml_refusal(error) == f"{toml_reason(error)} ({place})"
    assert not re.search(r"\b(Expected|Invalid|Cannot|Unclosed|line|column)\b", toml_refusal(error))


def test_every_message_the_parser_can_give_has_an_explanation():
    """Read from the parser itself: a new Python whose parser says something new fails here first."""
    source = Path(tomllib.__file__).with_name("_parser.py").read_text(encoding="utf-8")
    written = re.findall(r'suffixed_err\(\s*src,\s*\w+,\s*f?"([^"{]+)', source)
    messages = {ast.literal_eval(f'"{text}"') for text in written}
    assert len(messages) >= 15
    for message in messages:
        error = tomllib.TOMLDecodeError(f"{message} (at line 1, column 1)")
        assert toml_reason(error) != message.strip(), message


def test_a_refusal_not_listed_keeps_the_parsers_words_shown_inert():
    error = tomllib.TOMLDecodeError("Something new \x1b[2J (at line 4, column 2)")
    assert toml_reason(error) == "Something new ␛[2J"
    assert toml_place(error) == "ligne 4, colonne 2"
    assert toml_place(tomllib.TOMLDecodeError("no place")) == "fichier"


def test_english_interface_explains_in_english():
    set_language("en")
    error = refusal("a b")
    assert toml_refusal(error) == "the « = » sign between the key and its value is missing (line 1, column 3)"


def test_exercises_validate_says_it_in_french(tmp_path, capsys):
    broken = tmp_path / "mon-exercice.toml"
    broken.write_text('format = 1\nid = "x"\ntitle = { fr = "Titre" \n', encoding="utf-8")
    assert main(["exercises", "validate", str(broken)]) != 0
    captured = capsys.readouterr()
    said = captured.out + captured.err
    assert "un tableau ouvert par une accolade" in said and "ligne 3" in said
    assert "Unclosed" not in said and "inline table" not in said
