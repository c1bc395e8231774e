"""The exercise catalogue: the shipped files load, and bad files are explained precisely."""

from __future__ import annotations

import re
import textwrap
from pathlib import Path

import pytest

from journal.core.catalogue import CatalogueError, load_catalogue, validate_file
from journal.core.models import Phase
from journal.resources import exercises_dir

GOOD = textwrap.dedent(
    """
    format = 1
    id = "mon-essai"
    phase = "investigation"
    order = 10
    duration_minutes = 20
    title = { fr = "Mon essai", en = "My try" }
    summary = { fr = "Un essai.", en = "A try." }
    why = { fr = "Pour voir.", en = "To see." }
    how = { fr = "Répondez.", en = "Answer." }
    bring = { fr = "Vos réponses.", en = "Your answers." }

    [[prompts]]
    id = "humeur"
    kind = "scale"
    label = { fr = "Votre énergie ?", en = "Your energy?" }
    options = [
      { id = "1", label = { fr = "Très basse", en = "Very low" } },
      { id = "2", label = { fr = "Basse", en = "Low" } },
      { id = "3", label = { fr = "Moyenne", en = "Medium" } },
      { id = "4", label = { fr = "Haute", en = "High" } },
      { id = "5", label = { fr = "Très haute", en = "Very high" } },
    ]
    """
)


def write(tmp_path: Path, text: str, name: str = "essai.toml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_shipped_catalogue_has_every_phase(catalogue):
    for phase in Phase:
        assert catalogue.in_phase(phase), f"no exercise in phase {phase}"


def test_every_shipped_file_validates_with_both_languages():
    files = sorted(exercises_dir().glob("*.toml"))
    assert len(files) >= 4
    for path in files:
        exercise, problems = validate_file(path)
        assert problems == [], problems
        for text in (exercise.title, exercise.summary, exercise.why, exercise.how, exercise.bring):
            assert text.fr.strip() and text.en.strip()
            for piece in (text.fr, text.en):
                assert not re.search(r"TODO|FIXME|lorem ipsum|\.\.\.$", piece, re.IGNORECASE)


def test_good_file_loads(tmp_path):
    exercise, problems = validate_file(write(tmp_path, GOOD))
    assert problems == []
    assert exercise.id == "mon-essai"
    assert exercise.phase is Phase.INVESTIGATION
    assert len(exercise.prompts[0].options) == 5


def test_missing_english_names_the_field_and_fix(tmp_path):
    path = write(tmp_path, GOOD.replace('en = "My try"', 'en = ""'))
    _, problems = validate_file(path)
    assert len(problems) == 1
    problem = problems[0]
    assert problem.file == path
    assert problem.where == "title.en"
    assert "en" in problem.fix


def test_scale_with_four_points_is_refused(tmp_path):
    text = GOOD.replace('  { id = "5", label = { fr = "Très haute", en = "Very high" } },\n', "")
    _, problems = validate_file(write(tmp_path, text))
    assert any(p.where == "prompts[0].options" and "5" in p.message for p in problems)


def test_unknown_kind_lists_the_allowed_ones(tmp_path):
    _, problems = validate_file(write(tmp_path, GOOD.replace('kind = "scale"', 'kind = "slider"')))
    kinds = [p for p in problems if p.where == "prompts[0].kind"]
    assert kinds and "long_text" in kinds[0].fix


def test_toml_syntax_error_gives_the_line(tmp_path):
    _, problems = validate_file(write(tmp_path, GOOD.replace('order = 10', 'order = = 10')))
    assert len(problems) == 1
    assert "ligne 5" in problems[0].where  # GOOD starts with a blank line


def test_bad_identifier_and_phase(tmp_path):
    text = GOOD.replace('id = "mon-essai"', 'id = "Mon Essai"').replace('"investigation"', '"exploration"')
    wheres = {p.where for p in validate_file(write(tmp_path, text))[1]}
    assert {"id", "phase"} <= wheres


def test_duplicate_ids_and_dangling_prefill_are_caught(tmp_path):
    write(tmp_path, GOOD, "a.toml")
    write(tmp_path, GOOD, "b.toml")
    prefilled = GOOD.replace('id = "mon-essai"', 'id = "autre"').replace(
        'kind = "scale"', 'kind = "long_text"\nprefill = ["inconnu/rien"]'
    )
    write(tmp_path, prefilled.split("options = [")[0], "c.toml")
    with pytest.raises(CatalogueError) as caught:
        load_catalogue(tmp_path)
    messages = [str(p) for p in caught.value.problems]
    assert any("mon-essai" in m and "a.toml" in m for m in messages)
    assert any("inconnu/rien" in m for m in messages)


def test_messages_follow_the_language(tmp_path):
    from journal.i18n import set_language

    set_language("en")
    _, problems = validate_file(write(tmp_path, GOOD.replace('phase = "investigation"', 'phase = "x"')))
    assert "unknown phase" in problems[0].message
