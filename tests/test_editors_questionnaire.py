"""The interests questionnaire, answered with the keyboard alone; order, value, code and ties."""

from __future__ import annotations

from journal.tui.widgets.editors import editor_for
from journal.tui.widgets.editors.questionnaire import QuestionnaireResults, RatingList, interleaved_items
from tests.editor_harness import EditorApp, shipped_prompt

RATING_BY_DIMENSION = {"social": 5, "artistique": 4, "entreprenant": 3, "realiste": 2, "investigateur": 1, "conventionnel": 1}


def interests_prompt():
    return shipped_prompt("mes-interets", "interets")


def shown_text(app: EditorApp, selector: str) -> str:
    return str(app.editor.query_one(selector).render())


def test_items_interleave_the_dimensions_deterministically():
    prompt = interests_prompt()
    order = interleaved_items(prompt)
    assert sorted(item.id for item in order) == sorted(item.id for item in prompt.items)
    dimensions = [item.dimension for item in order]
    assert len(set(dimensions[:6])) == 6
    assert all(a != b for a, b in zip(dimensions, dimensions[1:]))
    assert dimensions[:2] != dimensions[6:8]  # each round starts one dimension later
    assert [item.id for item in interleaved_items(prompt)] == [item.id for item in order]


async def test_complete_the_questionnaire_with_the_keyboard_alone():
    prompt = interests_prompt()
    order = interleaved_items(prompt)
    app = EditorApp(editor_for(prompt, None))
    async with app.run_test(size=(80, 24)) as pilot:
        assert "ni un test, ni un diagnostic" in shown_text(app, ".q-note")
        await pilot.press("tab")
        assert isinstance(app.focused, RatingList)
        await pilot.press(*(str(RATING_BY_DIMENSION[item.dimension]) for item in order))
        assert app.last_value == {item.id: RATING_BY_DIMENSION[item.dimension] for item in prompt.items}
        assert shown_text(app, ".q-progress") == f"{len(order)} / {len(order)} réponses"

        await pilot.press("r")
        results = app.editor.query_one(QuestionnaireResults)
        assert results.display and not app.editor.query_one(RatingList).display
        text = str(results.render())
        assert "Votre code : « SAE »" in text
        assert "S Aider (type dit « social »)" in text and "█" * 20 + " 5,0" in text
        assert "ni un test, ni un verdict" in text
        assert "À égalité" not in text
        await pilot.press("r")
        assert app.editor.query_one(RatingList).display


async def test_ties_are_named_and_partial_answers_said():
    prompt = interests_prompt()
    app = EditorApp(editor_for(prompt, None))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("tab", *"333333")
        assert len(app.last_value) == 6
        await pilot.press("backspace")  # no rating highlighted yet: nothing changes
        await pilot.press("up", "0")
        assert len(app.last_value) == 5
        await pilot.press("r")
        text = str(app.editor.query_one(QuestionnaireResults).render())
        assert "À égalité" in text
        assert "5 réponses sur 54" in text
