"""Folded sections build their contents when first opened, once, and open with them."""

from __future__ import annotations

from textual.app import App, ComposeResult
from textual.widgets import Static

from journal.tui.widgets.lazy_collapsible import LazyCollapsible


class Sections(App):
    def __init__(self, collapsed: bool):
        super().__init__()
        self.builds = 0
        self.collapsed = collapsed

    def build(self) -> list[Static]:
        self.builds += 1
        return [Static("Premier paragraphe", id="first"), Static("Second paragraphe", id="second")]

    def compose(self) -> ComposeResult:
        yield LazyCollapsible(self.build, title="Ressource", collapsed=self.collapsed, id="section")


def shown(app: App) -> str:
    """The text on screen, as the compositor draws it."""
    update = app.screen._compositor.render_update(full=True)
    return "".join(segment.text for line in update.strips for strip in line for segment in strip)


async def test_folded_contents_are_built_when_opened_then_kept():
    app = Sections(collapsed=True)
    async with app.run_test(size=(60, 12)) as pilot:
        section = app.query_one(LazyCollapsible)
        await pilot.pause()
        assert app.builds == 0 and not section.is_filled
        assert not app.query("#first")
        section.collapsed = False
        await pilot.pause()
        assert app.builds == 1 and section.is_filled
        assert "Premier paragraphe" in shown(app) and "Second paragraphe" in shown(app)
        section.collapsed = True
        await pilot.pause()
        assert "Premier paragraphe" not in shown(app)
        section.collapsed = False
        await pilot.pause()
        assert app.builds == 1  # the same widgets, shown again
        assert len(app.query("#first")) == 1
        assert "Premier paragraphe" in shown(app)


async def test_opened_from_the_keyboard():
    app = Sections(collapsed=True)
    async with app.run_test(size=(60, 12)) as pilot:
        await pilot.pause()
        app.query_one("CollapsibleTitle").focus()
        await pilot.press("enter")
        await pilot.pause()
        assert app.builds == 1
        assert "Premier paragraphe" in shown(app)


async def test_a_section_shown_open_is_built_with_the_screen():
    app = Sections(collapsed=False)
    async with app.run_test(size=(60, 12)) as pilot:
        await pilot.pause()
        assert app.builds == 1 and app.query_one(LazyCollapsible).is_filled
        assert "Premier paragraphe" in shown(app)
