"""Pre-fill: the synthesis and the follow-up start from the worker's earlier answers."""

from __future__ import annotations

from journal.core.prefill import prefill_value


def test_synthesis_starts_from_top_values(store, catalogue):
    store.entries.save_answer(
        "mes-valeurs",
        "tri-valeurs",
        {"piles": {}, "top": [catalogue.get("mes-valeurs").prompt("tri-valeurs").cards[0].id], "details": {}},
    )
    card = catalogue.get("mes-valeurs").prompt("tri-valeurs").cards[0]
    text = prefill_value(catalogue.get("ma-synthese").prompt("ce-qui-compte"), catalogue, store)
    assert text is not None and str(card.label) in text


def test_follow_up_rows_come_from_the_action_plan(store, catalogue):
    store.entries.save_answer("mon-plan-action", "actions", [{"quoi": "Appeler Sophie", "statut": "fait"}, {"quoi": "S'inscrire au cours du soir"}])
    rows = prefill_value(catalogue.get("point-de-suivi").prompt("actions"), catalogue, store)
    assert rows == [{"action": "Appeler Sophie"}, {"action": "S'inscrire au cours du soir"}]


def test_nothing_to_bring_in_gives_none(store, catalogue):
    assert prefill_value(catalogue.get("ma-synthese").prompt("ce-qui-compte"), catalogue, store) is None
    assert prefill_value(catalogue.get("ma-demande").prompt("attentes"), catalogue, store) is None


def test_private_answers_are_never_brought_in(store, catalogue):
    card = catalogue.get("mes-valeurs").prompt("tri-valeurs").cards[0]
    store.entries.save_answer("mes-valeurs", "tri-valeurs", {"piles": {}, "top": [card.id], "details": {}})
    store.entries.set_private("mes-valeurs", True)
    assert prefill_value(catalogue.get("ma-synthese").prompt("ce-qui-compte"), catalogue, store) is None


def test_the_draft_keeps_the_whole_values_top_and_no_details(store, catalogue):
    sort = catalogue.get("mes-valeurs").prompt("tri-valeurs")
    top = [card.id for card in sort.cards[: sort.top]]
    details = {card: {field.id: "Une explication très longue " * 10 for field in sort.top_fields} for card in top}
    store.entries.save_answer("mes-valeurs", "tri-valeurs", {"piles": {}, "top": top, "details": details})
    text = prefill_value(catalogue.get("ma-synthese").prompt("ce-qui-compte"), catalogue, store)
    lines = text.splitlines()
    assert lines[0] == "Mes valeurs" and lines[1].startswith("Par ordre d'importance")
    assert lines[2:] == [f"{n}. {card.label}" for n, card in enumerate(sort.cards[: sort.top], 1)]
    assert "explication" not in text


def test_the_interests_draft_gives_the_highest_scores_and_says_it_is_not_a_test(store, catalogue):
    questionnaire = catalogue.get("mes-interets").prompt("interets")
    dimensions = [dimension.id for dimension in questionnaire.dimensions]
    answers = {item.id: (5 if item.dimension == dimensions[-1] else 1) for item in questionnaire.items}
    store.entries.save_answer("mes-interets", "interets", answers)
    text = prefill_value(catalogue.get("ma-synthese").prompt("ce-qui-m-attire"), catalogue, store)
    scores = [line for line in text.splitlines() if line.strip().endswith("/5")]
    assert len(scores) == 3 and scores[0].strip().endswith("5,0/5")
    assert "ni un test" in text and "Code" in text


def test_a_long_line_is_cut_between_two_words():
    from journal.core.prefill import DRAFT_LINE_LENGTH, short_draft

    line = " ".join(["mot"] * 60)
    cut = short_draft(line)
    assert len(cut) <= DRAFT_LINE_LENGTH and cut.endswith("mot…")
