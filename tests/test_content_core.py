"""Core pieces of the content work: time per phase, the essential path, what is missing
before « terminé », instances side by side, the weighted decision table, the pre-fill of
criteria from the values, and the « not a test » sentence next to every score."""

from __future__ import annotations

import json
from datetime import datetime, timedelta

import pytest

from journal.core.answer_view import Grid, answer_view, view_as_text
from journal.core.catalogue.time_budget import essential_path, hours_and_minutes, minutes_by_phase, phase_times
from journal.core.comparison import compare_entries, one_line
from journal.core.completion import missing_required
from journal.core.decision import decision_answer, decision_grid, decision_table, weighted_table
from journal.core.export import build_summary, render
from journal.core.models import Depth, Entry, EntryStatus, Phase
from journal.core.prefill import prefill_value
from journal.i18n import t

NOT_A_TEST = "ni un test, ni un verdict"


# -- time budget ----------------------------------------------------------------------


def test_minutes_per_phase_all_and_essentials(catalogue):
    every = minutes_by_phase(catalogue.exercises)
    essential = minutes_by_phase(catalogue.exercises, essentials_only=True)
    assert set(every) == set(Phase)
    for phase in Phase:
        expected = sum(e.duration_minutes for e in catalogue.in_phase(phase))
        assert every[phase] == expected
        assert essential[phase] == sum(e.duration_minutes for e in catalogue.in_phase(phase) if e.depth is Depth.ESSENTIEL)
    assert essential[Phase.INVESTIGATION] < every[Phase.INVESTIGATION]


def test_phase_times_count_exercises(catalogue):
    times = {pt.phase: pt for pt in phase_times(catalogue.exercises)}
    investigation = times[Phase.INVESTIGATION]
    assert investigation.exercise_count == len(catalogue.in_phase(Phase.INVESTIGATION))
    assert 0 < investigation.essential_count < investigation.exercise_count
    assert investigation.essential_minutes < investigation.all_minutes


def test_essential_path_is_in_bilan_order_and_leaves_out_the_extras(catalogue):
    path = essential_path(reversed(catalogue.exercises))
    ids = [e.id for e in path]
    assert "mes-interets" not in ids and "aide-a-la-decision" not in ids
    assert ids[0] == "ma-demande" and ids[1] == "ou-j-en-suis" and ids[-1] == "point-de-suivi"
    assert [e.phase.number for e in path] == sorted(e.phase.number for e in path)


def test_hours_and_minutes():
    assert hours_and_minutes(135) == (2, 15)
    assert hours_and_minutes(-5) == (0, 0)


# -- missing answers --------------------------------------------------------------------


def test_missing_required_lists_empty_required_prompts_only(catalogue):
    values = catalogue.get("mes-valeurs")
    missing = missing_required(values, {})
    assert missing and all(not p.optional for p in missing)
    first = missing[0]
    assert first.kind == "card_sort"
    assert first in missing_required(values, {first.id: {"piles": {"autonomie": "essentiel"}}}), "one card of many: half done"
    every_card = {card.id: first.piles[0].id for card in first.cards}
    ranked = [card.id for card in first.cards][: first.top]
    assert first in missing_required(values, {first.id: {"piles": every_card, "top": ranked[:-1]}}), "top not ranked"
    assert first not in missing_required(values, {first.id: {"piles": every_card, "top": ranked}})
    in_other_piles = {card.id: first.piles[-1].id for card in first.cards}
    assert first not in missing_required(values, {first.id: {"piles": in_other_piles, "top": []}}), "nothing to rank"
    complete = {p.id: "x" for p in values.prompts} | {first.id: {"piles": every_card, "top": ranked}}
    assert missing_required(values, complete) == []
    assert missing_required(values, {first.id: "   "})[0] == first


def test_a_questionnaire_half_answered_is_still_missing(catalogue):
    interests = catalogue.get("mes-interets")
    questionnaire = next(p for p in interests.prompts if p.kind == "questionnaire")
    half = {item.id: 4 for item in questionnaire.items[: len(questionnaire.items) // 2]}
    every = {item.id: 4 for item in questionnaire.items}
    assert questionnaire in missing_required(interests, {questionnaire.id: half})
    assert questionnaire not in missing_required(interests, {questionnaire.id: every})


# -- instances side by side ----------------------------------------------------------------


def entry(instance: int, answers: dict, days: int) -> Entry:
    moment = datetime(2026, 1, 1) + timedelta(days=days)
    return Entry(instance, "ou-j-en-suis", answers, EntryStatus.DONE, moment, moment, instance=instance)


def test_two_instances_of_ou_j_en_suis_side_by_side(catalogue):
    exercise = catalogue.get("ou-j-en-suis")
    later = entry(2, {"clarte-projet": 4, "energie": 3, "energie-pourquoi": "Plus de sommeil"}, 60)
    first = entry(1, {"clarte-projet": 1, "energie": 2}, 0)
    comparison = compare_entries(exercise, [later, first])
    assert [e.instance for e in comparison.entries] == [1, 2]
    rows = dict(comparison.rows)
    clarity = rows[str(exercise.prompt("clarte-projet").label)]
    assert clarity[0].startswith("1/5") and clarity[1].startswith("4/5")
    assert rows[str(exercise.prompt("energie-pourquoi").label)] == ("", "Plus de sommeil")
    assert str(exercise.prompt("moment").label) not in rows  # never answered: no empty row


def test_one_line_joins_and_cuts():
    assert one_line("a\n\nb") == "a / b"
    assert one_line("x" * 100, 10) == "x" * 9 + "…"


# -- weighted decision table ------------------------------------------------------------------

CRITERIA = [{"critere": "Autonomie", "poids": 5}, {"critere": "Salaire", "poids": 1}, {"critere": "Sans poids"}]
LEADS = [
    {"piste": [{"code": "K1207", "label": "Éducateur spécialisé"}], "critere-1": 4, "critere-2": 2, "critere-3": 5},
    {"piste": "Formatrice", "critere-1": 2, "critere-2": 5},
]


def test_weighted_mean_uses_the_weights_and_reports_what_is_missing():
    table = weighted_table(CRITERIA, LEADS)
    assert [c.weight for c in table.criteria] == [5, 1, None]
    first, second = table.leads
    assert first.label == "Éducateur spécialisé"
    assert first.result == pytest.approx((5 * 4 + 1 * 2) / 6)
    assert second.result == pytest.approx((5 * 2 + 1 * 5) / 6)
    assert first.missing == 1 and second.missing == 1  # the criterion without a weight
    assert first.ratings == (4, 2, 5)


def test_bad_values_are_ignored_not_trusted():
    table = weighted_table([{"critere": "A", "poids": True}, {"critere": "B", "poids": 9}, "x"], [{"piste": "P", "critere-1": "5", "critere-2": 3}])
    assert [c.weight for c in table.criteria] == [None, None]
    assert table.leads[0].result is None
    assert weighted_table(None, {"not": "a list"}).empty


def test_only_six_criteria_are_scored():
    many = [{"critere": f"C{n}", "poids": 3} for n in range(10)]
    assert len(weighted_table(many, [{"piste": "P"}]).criteria) == 6


def test_decision_table_only_for_the_decision_exercise(catalogue):
    answers = {"criteres": CRITERIA, "pistes": LEADS}
    assert decision_table(catalogue.get("mes-pistes"), answers) is None
    grid = decision_grid(decision_table(catalogue.get("aide-a-la-decision"), answers))
    assert isinstance(grid, Grid)
    assert grid.headers[1] == "Autonomie (×5)" and grid.headers[3] == "Sans poids (×?)"
    assert grid.rows[0][0] == "Éducateur spécialisé" and grid.rows[0][-1].startswith("3,7")
    assert "pas un verdict" in grid.caption


def test_decision_table_reaches_every_export_format(store, catalogue):
    store.entries.save_answer("aide-a-la-decision", "criteres", CRITERIA)
    store.entries.save_answer("aide-a-la-decision", "pistes", LEADS)
    summary = build_summary(store, catalogue)
    markdown = render(summary, "markdown")
    assert "Autonomie (×5)" in markdown and t("decision.title") in markdown
    assert "Autonomie (×5)" in render(summary, "html")
    document = json.loads(render(summary, "json"))
    computed = document["entries"][0]["answers"]["tableau-pondere"]
    assert computed["leads"][0]["result"] == pytest.approx(3.67, abs=0.01)
    assert decision_answer(catalogue.get("aide-a-la-decision"), {}) is None


def test_a_backtick_fence_in_a_lead_cannot_close_the_table(store, catalogue):
    store.entries.save_answer("aide-a-la-decision", "criteres", CRITERIA)
    store.entries.save_answer("aide-a-la-decision", "pistes", [{"piste": "```\n# titre", "critere-1": 3}])
    markdown = render(build_summary(store, catalogue), "markdown")
    assert "````text" in markdown
    assert "\n# titre" not in markdown


# -- pre-fill of criteria from the values ------------------------------------------------------------


def test_criteria_start_from_the_ranked_values(store, catalogue):
    values = catalogue.get("mes-valeurs").prompt("tri-valeurs")
    top = [values.cards[2].id, values.cards[0].id]
    store.entries.save_answer("mes-valeurs", "tri-valeurs", {"piles": {card: "essentiel" for card in top}, "top": top + ["inconnue"], "details": {}})
    criteria = catalogue.get("aide-a-la-decision").prompt("criteres")
    rows = prefill_value(criteria, catalogue, store)
    assert rows == [{"critere": str(values.cards[2].label)}, {"critere": str(values.cards[0].label)}]


def test_leads_start_from_mes_pistes(store, catalogue):
    store.entries.save_answer("mes-pistes", "pistes", [{"piste": [{"label": "Formatrice"}], "attraction": 5}])
    leads = catalogue.get("aide-a-la-decision").prompt("pistes")
    assert prefill_value(leads, catalogue, store) == [{"piste": [{"label": "Formatrice"}]}]


def test_drafts_alone_are_not_shared_and_count_as_accepted_once_the_worker_answers_beside_them(store, catalogue):
    # Opening « Aide à la décision » saves its criteria and leads pre-filled from earlier answers, as drafts.
    store.entries.save_answer("aide-a-la-decision", "criteres", [{"critere": "Autonomie"}])
    store.entries.save_answer("aide-a-la-decision", "pistes", [{"piste": [{"label": "Formatrice"}]}])
    store.entries.mark_drafts("aide-a-la-decision", ["criteres", "pistes"])
    title = str(catalogue.get("aide-a-la-decision").title)
    markdown = render(build_summary(store, catalogue), "markdown")
    assert title not in markdown, "only opened: nothing of the worker's to share, not even « commencé »"
    store.entries.set_status("aide-a-la-decision", EntryStatus.DONE)
    assert title in render(build_summary(store, catalogue), "markdown"), "marked done: the drafts are accepted as they are"
    store.entries.set_status("aide-a-la-decision", EntryStatus.STARTED)
    # The worker rates the lead: the criteria, left as they were, are accepted with it.
    store.entries.save_answer("aide-a-la-decision", "pistes", [{"piste": [{"label": "Formatrice"}], "critere-1": 4}])
    markdown = render(build_summary(store, catalogue), "markdown")
    assert title in markdown and "Autonomie" in markdown and "Formatrice" in markdown


# -- « not a test » next to every score ---------------------------------------------------------------


def interests_answers(catalogue):
    prompt = catalogue.get("mes-interets").prompt("interets")
    return prompt, {item.id: 4 for item in prompt.items[:12]}


@pytest.mark.parametrize("format_name", ["markdown", "html", "json"])
def test_every_export_format_says_scores_are_not_a_test(store, catalogue, format_name):
    prompt, ratings = interests_answers(catalogue)
    store.entries.save_answer("mes-interets", prompt.id, ratings)
    text = render(build_summary(store, catalogue), format_name)
    if format_name == "json":
        entry = json.loads(text)["entries"][0]
        assert NOT_A_TEST in entry["notices"][prompt.id]
    else:
        assert NOT_A_TEST in text
        # next to the scores: after the bars, before the next heading
        assert text.index(NOT_A_TEST) > text.index("█")


def test_json_without_scores_has_no_notice(store, catalogue):
    store.entries.save_answer("ma-demande", "attentes", "Y voir clair")
    assert "notices" not in json.loads(render(build_summary(store, catalogue), "json"))["entries"][0]


def test_prefilled_text_of_scores_says_it_too(catalogue):
    prompt, ratings = interests_answers(catalogue)
    assert NOT_A_TEST in view_as_text(answer_view(prompt, ratings))
