"""The card sort, done with the keyboard alone at 80×24: piles, ranking of the first pile, details."""

from __future__ import annotations

from textual.widgets import Button, TextArea

from journal.tui.widgets.editors import editor_for
from journal.tui.widgets.editors.card_sort import CardList, CardSortEditor
from journal.tui.widgets.editors.fields import FieldGroup
from journal.tui.widgets.editors.ranking import RankList
from tests.editor_harness import EditorApp, shipped_prompt


def values_prompt():
    return shipped_prompt("mes-valeurs", "tri-valeurs")


def pile_keys(card_count: int) -> list[str]:
    """Seven cards in the first pile, then the others alternately in the second and third."""
    return ["1"] * 7 + ["2" if n % 2 == 0 else "3" for n in range(card_count - 7)]


async def test_complete_card_sort_with_the_keyboard_alone():
    prompt = values_prompt()
    cards = [card.id for card in prompt.cards]
    app = EditorApp(editor_for(prompt, None))
    async with app.run_test(size=(80, 24)) as pilot:
        assert isinstance(app.editor, CardSortEditor)
        await pilot.press("tab")
        assert isinstance(app.focused, CardList)
        await pilot.press(*pile_keys(len(cards)))
        piles = app.last_value["piles"]
        assert len(piles) == len(cards)
        assert [card for card in cards if piles[card] == "essentiel"] == cards[:7]
        assert piles[cards[7]] == "important" and piles[cards[8]] == "secondaire"
        assert app.last_value["top"] == []
        assert app.editor.query_one(CardList).border_title == "Toutes les cartes sont placées"
        counts = sorted(str(button.label) for button in app.editor.query(".card-sort-piles Button").results(Button))
        assert counts[0] == "1 Essentiel pour moi : 7"

        # Change one's mind: the second card leaves the first pile, then comes back.
        await pilot.press("home", "down", "2")
        assert app.last_value["piles"][cards[1]] == "important"
        assert app.focused.highlighted == 2  # all placed: on to the next card
        await pilot.press("up", "1")
        assert app.last_value["piles"][cards[1]] == "essentiel"

        # Rank the first pile (the card that came back is last): the fourth goes to the top.
        await pilot.press("tab")
        assert isinstance(app.focused, RankList)
        assert app.focused.order == [cards[0], *cards[2:7], cards[1]]
        await pilot.press("down", "down", "down", "ctrl+up", "ctrl+up", "ctrl+up", "enter")
        top = [cards[4], cards[0], cards[2], cards[3], cards[5]]
        assert app.last_value["top"] == top

        # One group of questions per ranked card, in the ranked order.
        groups = list(app.editor.query(FieldGroup))
        assert [group.name for group in groups] == top
        await pilot.press("tab")
        assert isinstance(app.focused, TextArea)
        await pilot.press(*"Choisir [moi-même]")
        await pilot.press("tab")
        await pilot.press(*"Oui")
        details = app.last_value["details"]
        assert details == {cards[4]: {"concretement": "Choisir [moi-même]", "satisfaite": "Oui"}}
        assert app.change_sources == ["tri-valeurs"] * len(app.changes)


async def test_details_survive_when_a_card_leaves_the_top():
    prompt = values_prompt()
    cards = [card.id for card in prompt.cards]
    stored = {
        "piles": {card: "essentiel" for card in cards[:6]},
        "top": cards[:5],
        "details": {cards[0]: {"concretement": "Mon texte"}},
    }
    app = EditorApp(editor_for(prompt, stored))
    async with app.run_test(size=(80, 24)) as pilot:
        assert [group.name for group in app.editor.query(FieldGroup)] == cards[:5]
        await pilot.press("tab", "home", "3")
        value = app.last_value
        assert value["piles"][cards[0]] == "secondaire"
        assert value["top"] == cards[1:6]
        assert value["details"][cards[0]] == {"concretement": "Mon texte"}
        await pilot.press("home", "0")
        assert cards[0] not in app.last_value["piles"]


async def test_a_pile_s_count_stays_readable_when_it_gains_a_digit():
    prompt = values_prompt()
    app = EditorApp(editor_for(prompt, None))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("tab")
        await pilot.press(*["1"] * 10, *["2"] * 10)
        await pilot.pause()
        for button in app.editor.query(".card-sort-piles Button").results(Button):
            label = str(button.label)
            drawn = "".join(strip.text for strip in button.render_lines(button.region.reset_offset))
            assert label in drawn, f"{label!r} drawn as {drawn.strip()!r}"
