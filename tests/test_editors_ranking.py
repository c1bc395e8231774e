"""The ranking editor: keys and buttons move options; the value is recorded only once chosen."""

from __future__ import annotations

from journal.core.models import LocalText, Option, Prompt, PromptKind
from journal.tui.widgets.editors import editor_for
from journal.tui.widgets.editors.ranking import RankingEditor, RankList
from tests.editor_harness import EditorApp


def ranking_prompt(limit: int = 0) -> Prompt:
    options = tuple(
        Option(key, LocalText(fr, fr))
        for key, fr in (
            ("salaire", "Le salaire"),
            ("ambiance", "L'ambiance [équipe]"),
            ("trajet", "Le temps de trajet"),
            ("sens", "Le sens du travail"),
        )
    )
    return Prompt(id="priorites", kind=PromptKind.RANKING, label=LocalText("Classez", "Rank"), options=options, limit=limit)


def test_the_registry_gives_the_ranking_editor():
    assert isinstance(editor_for(ranking_prompt(), None), RankingEditor)


async def test_keys_move_the_highlighted_option():
    app = EditorApp(editor_for(ranking_prompt(), None))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("tab")
        assert isinstance(app.focused, RankList)
        assert app.changes == []
        await pilot.press("down", "ctrl+up")
        assert app.last_value == ["ambiance", "salaire", "trajet", "sens"]
        await pilot.press("down", "down", "minus")
        assert app.last_value == ["ambiance", "salaire", "sens", "trajet"]
        await pilot.press("plus", "plus")
        assert app.last_value == ["ambiance", "trajet", "salaire", "sens"]
        assert app.focused.highlighted == 1


async def test_enter_keeps_the_order_shown_and_labels_are_not_markup():
    app = EditorApp(editor_for(ranking_prompt(), ["sens", "unknown"]))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("tab", "enter")
        assert app.last_value == ["sens", "salaire", "ambiance", "trajet"]
        rank_list = app.query_one(RankList)
        shown = [rank_list.get_option_at_index(i).prompt.plain for i in range(rank_list.option_count)]
        assert " 3. L'ambiance [équipe]" in shown


async def test_only_the_first_places_count_with_a_limit():
    app = EditorApp(editor_for(ranking_prompt(limit=2), None))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("tab", "down", "down", "ctrl+up")
        assert app.last_value == ["salaire", "trajet"]


async def test_mouse_buttons_move_and_keep():
    app = EditorApp(editor_for(ranking_prompt(), None))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.click(".ranking-keep")
        assert app.last_value == ["salaire", "ambiance", "trajet", "sens"]
        await pilot.click(".ranking-down")
        assert app.last_value == ["ambiance", "salaire", "trajet", "sens"]
