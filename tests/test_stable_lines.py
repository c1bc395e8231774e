"""The answer field repaints only what an edit changed and reuses unchanged lines: it must still show exactly
what Textual's own ``TextArea`` shows, after every key.

The same keys are pressed in two apps, one with bilan's field (``SafeTextArea``), one with Textual's
``TextArea`` carrying only the same control-character display; after each key the field's lines, as the
screen would take them (``render_lines`` goes through the style cache, so a line left stale by a too-small
repaint shows), are compared cell by cell and style by style. Narrow fields make lines wrap and unwrap,
short ones make them scroll. ``BILAN_TYPING_KEYS`` sets how many keys each run presses (default 160).
"""

from __future__ import annotations

import asyncio
import os
import random

import pytest
from textual.app import App, ComposeResult
from textual.geometry import Region
from textual.widgets import Button, TextArea

from journal.tui.safe_text import VisibleControls
from journal.tui.widgets.cursor_in_bounds import CursorInBounds
from journal.tui.widgets.safe_editors import SafeTextArea

KEYS = int(os.environ.get("BILAN_TYPING_KEYS", "160"))

START = (
    "Ce que j'aime (vraiment) : coordonner une équipe, [transmettre] et apprendre.\n"
    "\n"
    "Ce qui me pèse : les {horaires} décalés, le bruit\tconstant et la fatigue du soir.\n"
    "Court."
)

PLACEHOLDER = "Écrivez ici ce qui vous vient, sans chercher la bonne formule : vous pourrez y revenir."

# Keys a worker types, with how often each is drawn: words, line breaks, corrections, moves, selections,
# undo and redo, leaving and coming back to the field; « theme » switches the app's colour theme.
KEY_WEIGHTS = {
    "a": 10, "e": 6, "space": 8, "é": 2, "parenthesis_left": 2, "parenthesis_right": 2, "left_square_bracket": 1,
    "right_square_bracket": 1, "tab": 1, "enter": 3, "backspace": 6, "delete": 3, "left": 4, "right": 4, "up": 4,
    "down": 4, "home": 2, "end": 2, "shift+left": 2, "shift+right": 2, "shift+down": 1, "shift+up": 1,
    "ctrl+z": 2, "ctrl+y": 1, "ctrl+a": 1, "ctrl+w": 1, "ctrl+k": 1, "pageup": 1, "pagedown": 1, "shift+tab": 1,
    "theme": 1,
}


@pytest.fixture(autouse=True)
def quick_keys(monkeypatch):
    """``Pilot.press`` waits for the whole process to go idle twice per key (about 60 ms): a few turns of
    the event loop are enough here, and ``settled`` then waits for every widget's queue to empty."""

    async def a_few_turns(*_args, **_kwargs) -> None:
        for _ in range(3):
            await asyncio.sleep(0)

    monkeypatch.setattr("textual.app.wait_for_idle", a_few_turns)
    monkeypatch.setattr("textual.pilot.wait_for_idle", a_few_turns)


async def settled(pilot) -> None:
    """Every message posted by the key handled, then the frame the screen would draw."""
    for _ in range(2):
        await pilot._wait_for_screen()
    await pilot.pause()


class ReferenceTextArea(CursorInBounds, VisibleControls, TextArea):
    """Textual's field with the same control-character display and undo guard, nothing else of bilan's."""


FIXED = "height: 9;"
GROWING = "height: auto; max-height: 9;"  # as answer fields are: it grows with the text, then scrolls


class FieldApp(App):
    def __init__(
        self, field: type[TextArea], text: str = START, height: str = FIXED, see_through: bool = False, width: str = "32"
    ) -> None:
        # « parent » (a key of the tests) gives the screen another background: only a see-through field shows it.
        self.CSS = f"TextArea {{ width: {width}; {height} }} Screen.-other {{ background: darkred; }}"
        if see_through:
            self.CSS += " TextArea { background: $surface 40%; }"
        super().__init__()
        self.field = field
        self.text = text

    def compose(self) -> ComposeResult:
        yield self.field(
            self.text, soft_wrap=True, show_line_numbers=False, tab_behavior="focus", placeholder=PLACEHOLDER, id="field"
        )
        yield Button("ok")


def cells(strips) -> list[tuple]:
    """Each row as its (text, style) runs: what two pictures are compared by."""
    return [tuple((segment.text, segment.style) for segment in strip) for strip in strips]


def seen(area: TextArea) -> list[tuple]:
    """The field's rows as the screen would take them (through its style cache)."""
    width, height = area.outer_size
    return cells(area.render_lines(Region(0, 0, width, height)))


def screen_seen(app: App) -> list[tuple]:
    """The whole screen as the compositor puts it together now (scroll bars, the field's size and place)."""
    return cells(app.screen._compositor.render_strips())


async def pressed(
    field: type[TextArea], keys: list[str], text: str = START, height: str = FIXED, see_through: bool = False
) -> list[tuple]:
    """After each key: the field's rows as the screen would take them, and the whole screen."""
    app = FieldApp(field, text, height, see_through)
    pictures = []
    async with app.run_test(size=(60, 16)) as pilot:
        area = app.query_one("#field", TextArea)
        area.focus()
        await pilot.pause()
        for key in keys:
            if key == "theme":  # the worker picks another colour theme (bilan's settings do this)
                app.theme = "textual-light" if app.theme == "textual-dark" else "textual-dark"
            elif key == "parent":
                app.screen.toggle_class("-other")
            else:
                await pilot.press(key)
            if not area.has_focus:
                area.focus()  # tab and shift+tab leave the field: come back for the next key, as a worker would
            await settled(pilot)
            # The whole screen is compared where the field's height is fixed. Where it grows with the text,
            # Textual itself sometimes leaves a scroll bar's width uncovered after a line is added (its size and
            # its scroll bar settle in two layouts), and whether it does depends on when frames fall: there only
            # the field's own rows are compared.
            pictures.append((seen(area), screen_seen(app) if height == FIXED else None))
    return pictures


# Seed 30 once drew the cursor on the row before its own, where the same characters had started a column later.
@pytest.mark.parametrize(
    "seed, text, height", [(1, START, FIXED), (30, START, FIXED), (3, "", FIXED), (4, START, GROWING), (5, "", GROWING)]
)
async def test_every_key_shows_what_textual_shows(seed, text, height):
    rng = random.Random(seed)
    weights = dict(KEY_WEIGHTS, backspace=KEY_WEIGHTS["backspace"] * (3 if not text else 1))  # back to the placeholder
    keys = rng.choices(list(weights), weights=list(weights.values()), k=KEYS)
    expected = await pressed(ReferenceTextArea, keys, text, height)
    actual = await pressed(SafeTextArea, keys, text, height)
    for number, (key, want, got) in enumerate(zip(keys, expected, actual)):
        assert got == want, f"key {number} ({key!r}) of seed {seed}: the field does not show what Textual shows"


async def test_a_change_behind_a_see_through_field_reaches_its_colours():
    keys = ["a", "parent", "b", "parent", "left", "parent", "theme", "c"]
    assert await pressed(SafeTextArea, keys, see_through=True) == await pressed(ReferenceTextArea, keys, see_through=True)


async def test_moves_before_the_first_edit_are_shown():
    keys = ["down", "right", "shift+right", "end", "up", "pagedown", "a", "home"]
    assert await pressed(SafeTextArea, keys) == await pressed(ReferenceTextArea, keys)


@pytest.mark.parametrize("line", [0, 3], ids=["end of a paragraph of four rows", "a short line"])
async def test_a_letter_repaints_only_the_row_it_changes(line):
    app = FieldApp(SafeTextArea)
    async with app.run_test(size=(60, 16)) as pilot:
        area = app.query_one("#field", SafeTextArea)
        area.focus()
        area.move_cursor((line, len(area.document.get_line(line))))  # « apprendre.x » and « Court.x » still fit
        await pilot.pause()
        cursor_row = area.wrapped_document.location_to_offset(area.cursor_location).y - area.scroll_offset.y
        repainted: list[tuple] = []
        original = TextArea.refresh

        def spy(self, *regions, **options):
            repainted.append(regions)
            return original(self, *regions, **options)

        TextArea.refresh = spy
        try:
            await pilot.press("x")
        finally:
            TextArea.refresh = original
        assert [[(region.y, region.height) for region in regions] for regions in repainted] == [[(cursor_row, 1)]]


async def test_a_resize_shows_the_new_wrap_of_a_field_that_scrolls():
    """The screen is drawn at the new width before the field wraps its text again: the rewrap must repaint it."""

    async def shown_after_resize(field: type[TextArea]) -> list[tuple]:
        app = FieldApp(field, START * 3, width="100%")
        async with app.run_test(size=(60, 16)) as pilot:
            area = app.query_one("#field", TextArea)
            area.focus()
            await pilot.pause()
            wide = area.size.width
            await pilot.resize_terminal(40, 16)
            for _ in range(100):  # the new size reaches the field some turns later
                if area.size.width != wide:
                    break
                await pilot.pause()
            await settled(pilot)
            assert area.size.width < wide and area.virtual_size.height > area.size.height  # it scrolls at both widths
            return seen(area)

    assert await shown_after_resize(SafeTextArea) == await shown_after_resize(ReferenceTextArea)
