"""The pick editor: a few letters find a ROME title; free text when allowed; removing a choice."""

from __future__ import annotations

from textual.widgets import Button, Input, OptionList

from journal.core.models import Field, LocalText, PromptKind
from journal.tui.widgets.editors import editor_for
from journal.tui.widgets.editors.pick import PickEditor
from tests.editor_harness import EditorApp, shipped_prompt


def job_prompt():
    return shipped_prompt("enquete-metier", "piste")


async def test_pick_a_rome_title_by_typing_a_few_letters():
    app = EditorApp(editor_for(job_prompt(), None))
    async with app.run_test(size=(80, 24)) as pilot:
        assert isinstance(app.editor, PickEditor)
        assert not app.editor.query_one(".pick-credit").display
        await pilot.press("tab", *"boulang")
        matches = app.editor.query_one(".pick-matches", OptionList)
        assert matches.display and matches.highlighted == 0
        assert "D1102" in matches.get_option_at_index(0).prompt.plain
        assert "France Travail" in str(app.editor.query_one(".pick-credit").render())
        await pilot.press("enter")
        assert app.last_value == [{"code": "D1102", "label": "Boulanger / Boulangère"}]
        assert isinstance(app.focused, Input) and app.focused.value == ""
        assert not matches.display
        assert [str(b.label) for b in app.editor.query(".pick-chosen Button").results(Button)] == [
            "Boulanger / Boulangère (D1102)  ✕"
        ]


async def test_search_ignores_accents_and_a_single_choice_replaces():
    app = EditorApp(editor_for(job_prompt(), [{"code": "D1102", "label": "Boulanger / Boulangère"}]))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("tab", *"EDUCATEUR SPÉCIALISÉ", "down", "up", "enter")
        assert len(app.last_value) == 1
        assert app.last_value[0]["code"] == "K1207"


async def test_free_text_is_kept_as_typed_and_can_be_removed():
    app = EditorApp(editor_for(job_prompt(), None))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("tab", *"zzz [rêve]")
        matches = app.editor.query_one(".pick-matches", OptionList)
        assert matches.option_count == 1
        await pilot.press("enter")
        assert app.last_value == [{"code": None, "label": "zzz [rêve]"}]
        assert not matches.display
        await pilot.press("tab")
        assert isinstance(app.focused, Button) and str(app.focused.label) == "zzz [rêve]  ✕"
        await pilot.press("enter")
        assert app.last_value == []


async def test_several_competences_when_the_field_allows_it():
    field = Field(
        "competences", PromptKind.PICK, LocalText("Compétences", "Competences"), source="esco", multiple=True, allow_free=False
    )
    app = EditorApp(editor_for(field, None))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("tab", *"equipe", "enter")
        await pilot.press(*"zzz")
        assert not app.editor.query_one(".pick-matches", OptionList).display
        await pilot.press("enter")
        await pilot.press(*["backspace"] * 3, *"autonom", "enter")
        labels = [pick["label"] for pick in app.last_value]
        assert len(labels) == 2 and all(pick["code"] for pick in app.last_value)


async def test_text_typed_then_left_is_kept_not_lost():
    app = EditorApp(editor_for(job_prompt(), None))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("tab", *"Coordinatrice [ASBL]")
        app.set_focus(None)
        await pilot.pause()
        await pilot.pause()
        assert app.last_value == [{"code": None, "label": "Coordinatrice [ASBL]"}]
        assert app.editor.query_one(".pick-search", Input).value == ""


async def test_leaving_while_the_editor_is_taken_apart_does_not_crash():
    """Issue 8: Esc left the exercise while the pick's blur handler still looked its parts up.

    The screen takes its widgets apart child first; a handler that runs then must find the
    editor leaving, do nothing to the screen, and keep the value as it was.
    """
    app = EditorApp(editor_for(job_prompt(), None))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("tab", *"Coordinatrice")
        editor = app.editor
        value = editor.value
        await editor.remove_children()
        assert editor.leaving
        editor.on_descendant_blur()
        editor.on_descendant_focus()
        await editor._close_if_left()
        await editor._show_picks()
        assert editor.value == value == [{"code": None, "label": "Coordinatrice"}]


async def test_a_chosen_title_stays_chosen_when_tab_leaves_the_field():
    """Issue 8: after choosing from the list, Tab kept the typed letters and lost the ROME code."""
    app = EditorApp(editor_for(job_prompt(), None))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("tab", *"boulang", "enter", *"cuis", "tab")
        app.set_focus(None)  # Tab on to the next question
        await pilot.pause()
        await pilot.pause()
        assert app.last_value == [{"code": "D1102", "label": "Boulanger / Boulangère"}]
        assert app.editor.picks == [{"code": "D1102", "label": "Boulanger / Boulangère"}]


async def test_a_title_chosen_earlier_is_not_replaced_by_letters_typed_then_left():
    app = EditorApp(editor_for(job_prompt(), [{"code": "D1102", "label": "Boulanger / Boulangère"}]))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("tab", *"pâtiss", "tab", "down")
        app.set_focus(None)
        await pilot.pause()
        await pilot.pause()
        assert app.editor.value == [{"code": "D1102", "label": "Boulanger / Boulangère"}]
        assert not app.changes or app.last_value == [{"code": "D1102", "label": "Boulanger / Boulangère"}]


async def test_free_text_is_the_value_as_it_is_typed_when_nothing_is_chosen():
    """Typed words are saved like any answer (a closed terminal loses nothing), then become a chosen title."""
    app = EditorApp(editor_for(job_prompt(), None))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("tab", *"Médiatrice")
        assert app.last_value == [{"code": None, "label": "Médiatrice"}]



async def test_escape_closes_the_list_keeping_the_words_and_down_opens_it_again():
    app = EditorApp(editor_for(job_prompt(), None))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("tab", *"infirm")
        editor = app.editor
        matches = editor.query_one(".pick-matches", OptionList)
        assert matches.display
        assert app.screen.active_bindings["escape"].binding.description == "Fermer la liste", "the footer says so"
        await pilot.press("escape")
        assert not matches.display and not editor.query_one(".pick-credit").display
        assert app.focused is editor.search_input and app.focused.value == "infirm"
        assert app.last_value == [{"code": None, "label": "infirm"}], "the words typed stay the value"
        assert "escape" not in app.screen.active_bindings, "a second Esc is the screen's again"
        await pilot.press("down")
        assert matches.display and matches.highlighted == 0
        await pilot.press("down")
        assert matches.highlighted == 1, "once open, ↓ moves through the matches"


async def test_escape_in_the_list_closes_it_and_goes_back_to_the_field():
    app = EditorApp(editor_for(job_prompt(), None))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("tab", *"infirm", "tab")
        editor = app.editor
        assert app.focused is editor.match_list
        await pilot.press("escape")
        await pilot.pause()
        assert app.focused is editor.search_input and editor.search_input.value == "infirm"
        assert not editor.match_list.display, "the focus coming back to the field does not open the list again"
        assert app.last_value == [{"code": None, "label": "infirm"}]
