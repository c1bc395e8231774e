"""Exercise validation at its exact limits: minimum options, default code length, shown values."""

from __future__ import annotations

from journal.core.catalogue import validate_file
from journal.resources import exercises_dir
from tests.hostile_toml import load_documents, to_toml

INTERESTS = load_documents([exercises_dir() / "mes-interets.toml"])[0]
BASE = load_documents([exercises_dir() / "ma-demande.toml"])[0]


def _validate(tmp_path, document):
    path = tmp_path / "exercice.toml"
    path.write_text(to_toml(document), "utf-8")
    return validate_file(path)


def _option(identifier: str) -> dict:
    return {"id": identifier, "label": {"fr": identifier, "en": identifier}}


def _with_prompt(prompt: dict) -> dict:
    return dict(BASE, prompts=[prompt])


def test_a_choice_needs_two_options(tmp_path):
    prompt = {"id": "q", "kind": "choice", "label": {"fr": "Q", "en": "Q"}, "options": [_option("a"), _option("b")]}
    exercise, problems = _validate(tmp_path, _with_prompt(prompt))
    assert problems == [] and len(exercise.prompts[0].options) == 2
    exercise, problems = _validate(tmp_path, _with_prompt(dict(prompt, options=[_option("a")])))
    assert exercise is None and any("au moins 2" in problem.message for problem in problems)


def test_ranking_limit_is_bounded_by_its_options(tmp_path):
    prompt = {"id": "q", "kind": "ranking", "label": {"fr": "Q", "en": "Q"}, "options": [_option("a"), _option("b"), _option("c")]}
    exercise, problems = _validate(tmp_path, _with_prompt(dict(prompt, limit=3)))
    assert problems == [] and exercise.prompts[0].limit == 3
    _, problems = _validate(tmp_path, _with_prompt(dict(prompt, limit=4)))
    assert problems and "limit" in problems[0].where


def test_questionnaire_code_length_defaults_to_three(tmp_path):
    document = dict(INTERESTS, prompts=[dict(p) for p in INTERESTS["prompts"]])
    questionnaire = next(p for p in document["prompts"] if p["kind"] == "questionnaire")
    del questionnaire["code_length"]
    exercise, problems = _validate(tmp_path, document)
    assert problems == []
    assert next(p for p in exercise.prompts if p.kind == "questionnaire").code_length == 3


def test_questionnaire_code_length_may_equal_the_number_of_dimensions(tmp_path):
    document = dict(INTERESTS, prompts=[dict(p) for p in INTERESTS["prompts"]])
    questionnaire = next(p for p in document["prompts"] if p["kind"] == "questionnaire")
    questionnaire["code_length"] = len(questionnaire["dimensions"])
    assert _validate(tmp_path, document)[1] == []
    questionnaire["code_length"] = len(questionnaire["dimensions"]) + 1
    assert _validate(tmp_path, document)[1]


def test_small_numbers_are_shown_as_they_are(tmp_path):
    _, problems = _validate(tmp_path, dict(BASE, order=-5, duration_minutes=10**19, format=2.5))
    shown = " ".join(str(problem) for problem in problems)
    assert "-5" in shown and str(10**19) in shown and "2.5" in shown
    _, problems = _validate(tmp_path, dict(BASE, order=10**20))
    assert "un nombre de 21 chiffres" in str(problems)


def test_values_of_other_types_are_named(tmp_path):
    _, problems = _validate(tmp_path, dict(BASE, phase=["conclusion"], id={"a": 1}, format=True))
    shown = " ".join(str(problem) for problem in problems)
    assert "une liste" in shown and "une table" in shown and "True" in shown


def _table_prompt(**extra) -> dict:
    column = {"id": "metier", "kind": "pick", "source": "rome", "label": {"fr": "Métier", "en": "Job"}}
    return {"id": "t", "kind": "table", "label": {"fr": "T", "en": "T"}, "columns": [column], **extra}


def test_table_defaults_and_min_rows_limits(tmp_path):
    exercise, problems = _validate(tmp_path, _with_prompt(_table_prompt()))
    assert problems == []
    prompt = exercise.prompts[0]
    assert prompt.min_rows == 0 and prompt.columns[0].allow_free is True and prompt.columns[0].multiple is False
    for good in (0, 50):
        assert _validate(tmp_path, _with_prompt(_table_prompt(min_rows=good)))[1] == []
    for bad in (-1, 51):
        assert _validate(tmp_path, _with_prompt(_table_prompt(min_rows=bad)))[1]


def test_card_sort_without_questions_on_the_top_cards(tmp_path):
    cards = [_option("a"), _option("b"), _option("c")]
    prompt = {"id": "tri", "kind": "card_sort", "label": {"fr": "Tri", "en": "Sort"}, "cards": cards, "piles": [_option("oui"), _option("non")]}
    exercise, problems = _validate(tmp_path, _with_prompt(prompt))
    assert problems == [] and exercise.prompts[0].top == 0 and exercise.prompts[0].top_fields == ()
    exercise, problems = _validate(tmp_path, _with_prompt(dict(prompt, top=3)))
    assert problems == [] and exercise.prompts[0].top == 3
    assert _validate(tmp_path, _with_prompt(dict(prompt, top=4)))[1]


def test_questionnaire_code_length_of_one_and_default_below_three(tmp_path):
    document = dict(INTERESTS, prompts=[dict(p) for p in INTERESTS["prompts"]])
    questionnaire = next(p for p in document["prompts"] if p["kind"] == "questionnaire")
    questionnaire["code_length"] = 1
    assert _validate(tmp_path, document)[1] == []
    questionnaire["code_length"] = 0
    assert _validate(tmp_path, document)[1]
    del questionnaire["code_length"]
    kept = questionnaire["dimensions"][:2]
    questionnaire["dimensions"] = kept
    questionnaire["items"] = [item for item in questionnaire["items"] if item["dimension"] in {d["id"] for d in kept}]
    exercise, problems = _validate(tmp_path, document)
    assert problems == []
    assert next(p for p in exercise.prompts if p.kind == "questionnaire").code_length == 2


def test_a_date_where_text_is_expected_is_named(tmp_path):
    import datetime as dt

    _, problems = _validate(tmp_path, dict(BASE, phase=dt.date(2025, 3, 14), id=dt.datetime(2025, 3, 14, 9, 0)))
    shown = " ".join(str(problem) for problem in problems)
    assert shown.count("une date") == 2


def test_every_text_of_the_exercise_is_required(tmp_path):
    for key in ("title", "summary", "why", "how", "bring"):
        document = {k: v for k, v in BASE.items() if k != key}
        exercise, problems = _validate(tmp_path, document)
        assert exercise is None and [problem.where for problem in problems] == [key], key
