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
