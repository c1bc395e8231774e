"""Every exercise can be left from anywhere: Esc or the back button, from every kind of field.

The catalogue is walked, so a new exercise is covered as soon as it ships. In
each exercise the test puts the focus in one widget of each kind (per editor:
text areas, inputs, lists, radio sets, buttons, the pick editor's search and
its list of matches, a table row's delete confirmation…), types a little, then
leaves. Any unhandled error in the app fails the test (``run_test`` raises it).
"""

from __future__ import annotations

import pytest
from textual.widget import Widget
from textual.widgets import Input, OptionList, TextArea

from journal.core.catalogue import load_catalogue
from journal.core.store import JournalStore
from journal.tui.app import BilanApp
from journal.tui.screens.exercise import ExerciseScreen
from journal.tui.screens.home import HomeScreen
from journal.tui.screens.instances import InstancePicker
from journal.tui.widgets.editors import PromptEditor
from journal.tui.widgets.editors.pick import PickEditor

SIZE = (100, 30)
CATALOGUE = load_catalogue()


def field_kind(widget: Widget) -> str:
    """What kind of field ``widget`` is: its own class within the editor (or screen part) holding it."""
    holder = next((a for a in widget.ancestors if isinstance(a, PromptEditor)), None)
    where = type(holder).__name__ if holder is not None else "screen"
    return f"{where}/{type(widget).__name__}"


async def open_exercise(pilot, exercise) -> ExerciseScreen:
    app = pilot.app
    app.open_exercise(exercise)
    await pilot.pause()
    if isinstance(app.screen, InstancePicker):
        await pilot.press("enter")
        await pilot.pause()
    assert isinstance(app.screen, ExerciseScreen), app.screen
    return app.screen


async def leave(pilot, how: str) -> None:
    app = pilot.app
    if how == "escape":
        # Esc first closes what is open in the field (a confirmation, a list), then the exercise.
        for _ in range(3):
            if isinstance(app.screen, HomeScreen):
                break
            await pilot.press("escape")
            await pilot.pause()
    else:
        app.screen.action_back()
        await pilot.pause()
    await pilot.pause()
    assert isinstance(app.screen, HomeScreen), f"still on {app.screen} after {how}"


def focusable_by_kind(screen: ExerciseScreen) -> dict[str, Widget]:
    """One focusable widget of each kind on the screen, in Tab order."""
    kinds: dict[str, Widget] = {}
    for widget in screen.focus_chain:
        kinds.setdefault(field_kind(widget), widget)
    return kinds


async def visit(pilot, widget: Widget) -> None:
    """Put the focus in ``widget`` and use it a little, as a worker would before leaving."""
    widget.focus()
    if isinstance(widget.parent, PickEditor) and isinstance(widget, Input):
        await pilot.press(*"boul")  # opens the list of matches, which can then take the focus
    elif isinstance(widget, (Input, TextArea)):
        await pilot.press("x")
    elif isinstance(widget, OptionList):
        await pilot.press("down")
    await pilot.pause()


@pytest.mark.parametrize("exercise", CATALOGUE.exercises, ids=lambda exercise: exercise.id)
async def test_every_field_of_every_exercise_can_be_left(exercise, tmp_path):
    store = JournalStore(tmp_path / "journal")
    app = BilanApp(store, CATALOGUE)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        # Every kind of field takes the focus in turn (its blur handlers run as the focus moves
        # on), then Esc leaves from the last one; the back action leaves from the first.
        screen = await open_exercise(pilot, exercise)
        visited = set()
        while True:
            pending = {k: w for k, w in focusable_by_kind(screen).items() if k not in visited}
            if not pending:
                break
            kind, widget = next(iter(pending.items()))
            visited.add(kind)
            await visit(pilot, widget)
        assert visited, "an exercise without a single focusable field"
        await leave(pilot, "escape")
        screen = await open_exercise(pilot, exercise)
        await visit(pilot, screen.focus_chain[0])
        await leave(pilot, "back")
    assert app.return_code in (0, None)
    store.close()


def first_exercise_with_each_editor() -> list[tuple[str, str]]:
    """(editor class, exercise id): each kind of editor, in the first exercise that has one."""
    from journal.tui.widgets.editors import EDITORS

    found: dict[str, str] = {}
    for exercise in CATALOGUE.exercises:
        for prompt in exercise.prompts:
            kinds = [prompt.kind, *(column.kind for column in getattr(prompt, "columns", ()) or ())]
            for kind in kinds:
                found.setdefault(EDITORS[kind].__name__, exercise.id)
    return sorted(found.items())


@pytest.mark.parametrize("editor_name, exercise_id", first_exercise_with_each_editor())
async def test_escape_from_inside_each_kind_of_editor(editor_name, exercise_id, tmp_path):
    """Esc with the focus inside each kind of editor (for a pick: in the list of matches typing opened)."""
    store = JournalStore(tmp_path / "journal")
    app = BilanApp(store, CATALOGUE)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = await open_exercise(pilot, CATALOGUE.get(exercise_id))
        editor = next(e for e in reversed(list(screen.query(PromptEditor))) if type(e).__name__ == editor_name)
        inside = [w for w in screen.focus_chain if editor in w.ancestors]
        await visit(pilot, inside[0])
        last = [w for w in screen.focus_chain if editor in w.ancestors][-1]
        if last is not inside[0]:
            await visit(pilot, last)
        await leave(pilot, "escape")
    assert app.return_code in (0, None)
    store.close()


def picked_labels(answer) -> list:
    """The free-text titles (no code) anywhere in a saved answer: a pick's value, or a table's rows of them."""
    if isinstance(answer, list):
        return [label for item in answer for label in picked_labels(item)]
    if isinstance(answer, dict):
        if "label" in answer and answer.get("code") is None:
            return [answer["label"]]
        return [label for value in answer.values() for label in picked_labels(value)]
    return []


@pytest.mark.parametrize(
    ("exercise_id", "prompt_id", "typed"),
    [
        ("enquete-metier", "piste", "Médiatrice culturelle"),  # a pick question (ROME)
        ("mes-pistes", "pistes", "infirm"),  # a pick column of a table (ROME)
        ("mes-competences", "inventaire", "autonom"),  # a pick column of a table (ESCO)
    ],
)
async def test_escape_in_a_pick_closes_its_list_then_leaves_keeping_the_words_typed(exercise_id, prompt_id, typed, tmp_path):
    """The crash of issue 8 was Esc in a job-title field. Now the first Esc closes the list of matches
    (the screen stays), the second leaves; the words typed are kept either way."""
    store = JournalStore(tmp_path / "journal")
    app = BilanApp(store, CATALOGUE)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = await open_exercise(pilot, CATALOGUE.get(exercise_id))
        editor = screen.query(PickEditor).first()
        editor.search_input.focus()
        await pilot.press(*typed)
        await pilot.pause()
        assert editor.match_list.display, "typing opened the list of matches"
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is screen, "the first Esc closed the list only"
        assert not editor.match_list.display
        assert app.focused is editor.search_input and editor.search_input.value == typed
        assert editor.value == [{"code": None, "label": typed}]
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen), "the second Esc left the exercise"
    assert picked_labels(store.entries.get(exercise_id).answers[prompt_id]) == [typed]
    store.close()
