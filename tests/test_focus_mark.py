"""The question being answered is outlined, and the outline follows the focus without restyling its fields.

The outline (and a table row's) is the class ``-focus-within``, set on the
block alone (``FocusWithinMark``); Textual's ``:focus-within`` restyled every
field of the block on each Tab.
"""

from __future__ import annotations

from textual.css.model import CombinatorType
from textual.widgets import Input

from journal.core.catalogue import load_catalogue
from journal.core.store import JournalStore
from journal.tui.app import BilanApp
from journal.tui.screens.exercise import ExerciseScreen
from journal.tui.widgets.editors.table import TableRow
from journal.tui.widgets.focus_mark import FOCUS_WITHIN
from journal.tui.widgets.prompt_block import PromptBlock
from tests.test_textual_overrides import bilan_textual_classes

CATALOGUE = load_catalogue()
BILAN_CLASS_NAMES = {cls.__name__ for cls, _ in bilan_textual_classes()}


def marked(screen, kind) -> list[str]:
    return [block.name or "" for block in screen.query(kind) if block.has_class(FOCUS_WITHIN)]


def first_field(block):
    return next(widget for widget in block.query("*") if widget.focusable)


async def open_exercise(pilot, exercise_id: str) -> ExerciseScreen:
    pilot.app.open_exercise(CATALOGUE.get(exercise_id))
    await pilot.pause()
    assert isinstance(pilot.app.screen, ExerciseScreen)
    return pilot.app.screen


async def test_the_outline_follows_the_focus_from_question_to_question(tmp_path):
    store = JournalStore(tmp_path / "journal")
    app = BilanApp(store, CATALOGUE)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        screen = await open_exercise(pilot, "ma-demande")
        blocks = list(screen.query(PromptBlock))
        first, second = blocks[0], blocks[1]
        first_field(first).focus()
        await pilot.pause()
        assert marked(screen, PromptBlock) == [first.name]
        accent = first.styles.border_left
        assert accent[0] == "thick"
        assert second.styles.border_left[0] == "vkey"
        first_field(second).focus()
        await pilot.pause()
        assert marked(screen, PromptBlock) == [second.name]
        assert first.styles.border_left[0] == "vkey" and second.styles.border_left == accent
        screen.query_one("#back").focus()  # out of every question
        await pilot.pause()
        assert marked(screen, PromptBlock) == []
        await pilot.press("escape")
        await pilot.pause()
    store.close()


def journal_with_two_periods(tmp_path) -> JournalStore:
    """A journal whose « Mon parcours » table has two rows."""
    store = JournalStore(tmp_path / "journal")
    store.entries.save_answer("mon-parcours", "ligne-du-temps", [{"periode": "2010"}, {"periode": "2018"}])
    return store


async def test_a_table_row_is_outlined_and_a_deleted_row_takes_its_outline_away(tmp_path):
    store = journal_with_two_periods(tmp_path)
    app = BilanApp(store, CATALOGUE)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        screen = await open_exercise(pilot, "mon-parcours")
        rows = list(screen.query(TableRow))
        rows[1].query_one(Input).focus()
        await pilot.pause()
        assert [row.has_class(FOCUS_WITHIN) for row in rows] == [False, True]
        assert rows[1].styles.border_top[0] == "round"
        rows[0].query_one(Input).focus()
        await pilot.pause()
        assert [row.has_class(FOCUS_WITHIN) for row in rows] == [True, False]
        # Its only field emptied, the row goes without asking; the focus goes with it.
        rows[0].query_one(Input).value = ""
        await pilot.press("ctrl+delete")
        await pilot.pause()
        remaining = list(screen.query(TableRow))
        assert len(remaining) == 1
        assert [row.has_class(FOCUS_WITHIN) for row in remaining] == [remaining[0].has_focus_within]
        assert len(marked(screen, PromptBlock)) == (1 if screen.focused is not None else 0)
        await pilot.press("escape", "escape")
        await pilot.pause()
    store.close()


async def test_no_style_reaches_inside_a_marked_block_through_its_mark(tmp_path):
    """Only the block is restyled when its mark changes: no rule may style its descendants through it."""
    store = JournalStore(tmp_path / "journal")
    app = BilanApp(store, CATALOGUE)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await open_exercise(pilot, "mon-parcours")  # every style is loaded: the app's, the blocks', the rows'
        checked = 0
        for rule in app.stylesheet.rules:
            names = {selector.name for selector_set in rule.selector_set for selector in selector_set.selectors}
            for selector_set in rule.selector_set:
                in_order = [selector.name for selector in selector_set.selectors]
                if FOCUS_WITHIN in in_order:
                    checked += 1
                    after = selector_set.selectors[in_order.index(FOCUS_WITHIN) + 1 :]
                    assert all(selector.combinator == CombinatorType.SAME for selector in after), rule.css
                    # Only the block's own frame: a colour or a background set through the mark would be
                    # inherited by its fields, which are not restyled when it changes.
                    assert all(key.startswith(("border", "outline")) for key in rule.styles.get_rules()), rule.css
            # Only Textual's own widgets keep :focus-within (its folded sections hold a line or two once
            # opened); none of bilan's, in its stylesheet or in its widgets' default styles.
            if "focus-within" in rule.pseudo_classes:
                assert rule.is_default_rules and not names & BILAN_CLASS_NAMES, rule.css
        assert checked >= 2  # the question's outline and the table row's
    store.close()
