"""The table editor, filled with the keyboard alone: rows added, moved, deleted only after asking."""

from __future__ import annotations

from textual.widgets import Input, RadioSet, Static

from journal.core.models import Field, LocalText, Prompt, PromptKind
from journal.tui.widgets.editors import editor_for
from journal.tui.widgets.editors.table import DeleteConfirmation, TableEditor, TableRow, row_noun
from tests.editor_harness import EditorApp, shipped_prompt


def timeline_prompt() -> Prompt:
    return shipped_prompt("mon-parcours", "ligne-du-temps")


def titles(app: EditorApp) -> list[str]:
    return [row.border_title for row in app.editor.query(TableRow)]


async def test_row_title_names_a_picked_title_without_its_long_code():
    picked = [{"code": "http://data.europa.eu/esco/skill/x", "label": "travailler en équipe"}]
    app = EditorApp(editor_for(shipped_prompt("mes-competences", "inventaire"), [{"competence": picked}]))
    async with app.run_test(size=(80, 24)):
        assert titles(app) == ["Compétence n° 1 · travailler en équipe"]


def test_row_noun_drops_the_article():
    assert row_noun("une période") == "Période"
    assert row_noun("l'expérience") == "Expérience"
    assert row_noun("Réussite") == "Réussite"


async def test_fill_a_table_with_two_rows_with_the_keyboard_alone():
    app = EditorApp(editor_for(timeline_prompt(), None))
    async with app.run_test(size=(80, 24)) as pilot:
        assert isinstance(app.editor, TableEditor)
        hint = app.editor.query_one(".table-hint", Static)
        assert "au moins 3" in str(hint.render())
        await pilot.press("tab")
        assert isinstance(app.focused, Input)
        await pilot.press(*"2015-2019 [CDI]", "tab", "enter", "tab", *"Boulangerie")
        assert app.last_value == [{"periode": "2015-2019 [CDI]", "type": "emploi", "lieu-role": "Boulangerie"}]
        assert titles(app) == ["Période n° 1 · 2015-2019 [CDI]"]

        await pilot.press("ctrl+n")
        assert len(app.editor.query(TableRow)) == 2
        assert isinstance(app.focused, Input)
        await pilot.press(*"2020-2023", "tab", "down", "enter")
        assert app.last_value == [
            {"periode": "2015-2019 [CDI]", "type": "emploi", "lieu-role": "Boulangerie"},
            {"periode": "2020-2023", "type": "formation"},
        ]
        assert titles(app) == ["Période n° 1 · 2015-2019 [CDI]", "Période n° 2 · 2020-2023"]
        assert "vous en avez 2" in str(hint.render())

        # Move the second row up, from anywhere inside it.
        await pilot.press("ctrl+up")
        assert [row["periode"] for row in app.last_value] == ["2020-2023", "2015-2019 [CDI]"]
        assert titles(app) == ["Période n° 1 · 2020-2023", "Période n° 2 · 2015-2019 [CDI]"]
        assert isinstance(app.focused, RadioSet)


async def test_deleting_a_row_with_text_asks_first():
    stored = [{"periode": "2010", "aime": "Les collègues"}, {"periode": "2018"}]
    app = EditorApp(editor_for(timeline_prompt(), stored))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("tab", "ctrl+delete")
        await pilot.pause()
        assert len(app.editor.query(DeleteConfirmation)) == 1
        await pilot.press("enter")  # the focus is on « Non, garder »
        await pilot.pause()
        assert len(app.editor.query(TableRow)) == 2
        assert not app.editor.query(DeleteConfirmation)
        assert app.changes == []

        await pilot.press("ctrl+delete")
        await pilot.pause()
        await pilot.press("shift+tab", "enter")  # « Oui, supprimer »
        await pilot.pause()
        assert app.last_value == [{"periode": "2018"}]
        assert titles(app) == ["Période n° 1 · 2018"]
        assert isinstance(app.focused, Input) and app.focused.value == "2018"


async def test_empty_rows_go_without_asking_and_are_not_recorded():
    columns = (Field("action", PromptKind.SHORT_TEXT, LocalText("Action", "Action")),)
    prompt = Prompt(
        id="actions", kind=PromptKind.TABLE, label=LocalText("Mes actions", "My actions"),
        columns=columns, row_label=LocalText("une action", "an action"),
    )
    app = EditorApp(editor_for(prompt, None))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("tab", *"Appeler Léa", "ctrl+n")
        assert app.last_value == [{"action": "Appeler Léa"}]
        assert len(app.editor.query(TableRow)) == 2
        await pilot.press("ctrl+delete")
        await pilot.pause()
        assert len(app.editor.query(TableRow)) == 1
        assert not app.editor.query(DeleteConfirmation)
        assert app.last_value == [{"action": "Appeler Léa"}]
        await pilot.click(".table-add")
        assert len(app.editor.query(TableRow)) == 2
