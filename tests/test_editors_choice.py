"""One choice and the 1–5 scale: the highlight starts on the saved answer, so Enter or Space keeps it."""

from __future__ import annotations

import pytest
from textual.widgets import RadioSet

from journal.tui.widgets.editors import editor_for
from tests.editor_harness import EditorApp, shipped_prompt

CHOICE = ("ma-demande", "origine")
SCALE = ("ou-j-en-suis", "clarte-projet")


def saved(prompt, index: int):
    return prompt.options[index].id if prompt.kind == "choice" else index + 1


@pytest.mark.parametrize("where", [CHOICE, SCALE], ids=["choice", "scale"])
async def test_reopened_the_highlight_is_on_the_saved_answer_and_enter_keeps_it(where):
    prompt = shipped_prompt(*where)
    answer = saved(prompt, 2)
    app = EditorApp(editor_for(prompt, answer))
    async with app.run_test(size=(80, 24)) as pilot:
        radio_set = app.editor.query_one(RadioSet)
        radio_set.focus()
        await pilot.pause()
        assert radio_set.pressed_index == 2
        await pilot.press("enter")
        await pilot.pause()
        assert radio_set.pressed_index == 2, "Enter on the highlight kept the saved answer"
        assert all(change == answer for change in app.changes), "no other answer was posted"
        await pilot.press("down", "enter")
        await pilot.pause()
        assert app.last_value == saved(prompt, 3), "Down moves from the saved answer to the next one"


async def test_nothing_saved_the_highlight_is_on_the_first_option_and_nothing_is_chosen():
    prompt = shipped_prompt(*CHOICE)
    app = EditorApp(editor_for(prompt, None))
    async with app.run_test(size=(80, 24)) as pilot:
        radio_set = app.editor.query_one(RadioSet)
        radio_set.focus()
        await pilot.pause()
        assert radio_set.pressed_index == -1 and not app.changes
        await pilot.press("enter")
        await pilot.pause()
        assert app.last_value == saved(prompt, 0)
