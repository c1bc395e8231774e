"""Scoring of the interests exploration on known answer sets, ties included."""

from __future__ import annotations

import pytest

from journal.core.answer_view import answer_view, view_as_text
from journal.core.scoring import score_questionnaire


@pytest.fixture
def interests(catalogue):
    return catalogue.get("mes-interets").prompt("interets")


def answers_for(prompt, ratings: dict[str, int]) -> dict[str, int]:
    return {item.id: ratings[item.dimension] for item in prompt.items}


def test_shipped_questionnaire_is_riasec_with_eight_items_per_type(interests):
    assert [d.id for d in interests.dimensions] == ["realiste", "investigateur", "artistique", "social", "entreprenant", "conventionnel"]
    for dimension in interests.dimensions:
        assert sum(1 for item in interests.items if item.dimension == dimension.id) >= 8


def test_clear_profile_gives_its_code(interests):
    ratings = {"realiste": 1, "investigateur": 2, "artistique": 4, "social": 5, "entreprenant": 3, "conventionnel": 1}
    result = score_questionnaire(interests, answers_for(interests, ratings))
    assert result.code == "SAE"
    assert result.ties == ()
    assert result.complete
    assert {s.dimension.id: s.mean for s in result.scores} == {k: float(v) for k, v in ratings.items()}


def test_tie_inside_the_code_is_reported(interests):
    ratings = {"realiste": 2, "investigateur": 4, "artistique": 4, "social": 5, "entreprenant": 1, "conventionnel": 1}
    result = score_questionnaire(interests, answers_for(interests, ratings))
    assert result.code == "SIA"
    assert [[s.letter for s in group] for group in result.ties] == [["I", "A"]]


def test_tie_at_the_edge_of_the_code_is_reported(interests):
    ratings = {"realiste": 3, "investigateur": 1, "artistique": 3, "social": 5, "entreprenant": 4, "conventionnel": 3}
    result = score_questionnaire(interests, answers_for(interests, ratings))
    assert result.code == "SER"
    assert [[s.letter for s in group] for group in result.ties] == [["R", "A", "C"]]


def test_tie_after_the_code_is_not_reported(interests):
    ratings = {"realiste": 5, "investigateur": 4, "artistique": 3, "social": 2, "entreprenant": 2, "conventionnel": 1}
    result = score_questionnaire(interests, answers_for(interests, ratings))
    assert result.code == "RIA"
    assert result.ties == ()


def test_partial_answers_use_the_mean_of_what_was_answered(interests):
    social = [item.id for item in interests.items if item.dimension == "social"]
    result = score_questionnaire(interests, {social[0]: 5, social[1]: 3, "not-an-item": 5})
    by_id = {s.dimension.id: s for s in result.scores}
    assert by_id["social"].mean == 4.0 and by_id["social"].answered == 2
    assert result.code[0] == "S"
    assert not result.complete
    text = view_as_text(answer_view(interests, {social[0]: 5, social[1]: 3}))
    assert "provisoires" in text


def test_nothing_answered_gives_no_code(interests):
    result = score_questionnaire(interests, {})
    assert result.code == "" and result.ties == ()
    assert answer_view(interests, {}) is None


def test_out_of_range_ratings_are_ignored(interests):
    item = interests.items[0]
    result = score_questionnaire(interests, {item.id: 9})
    assert result.answered == 0
