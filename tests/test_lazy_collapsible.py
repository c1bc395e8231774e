"""Folded sections build their contents when first opened, once, and open with them."""

from __future__ import annotations

from contextlib import asynccontextmanager

from textual.app import App, ComposeResult
from textual.widgets import Static

from journal.tui.widgets.lazy_collapsible import LazyCollapsible
from tests.test_terminal_safety import rendered_segments


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
    return "".join(rendered_segments(app.screen))


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


async def test_folded_again_before_its_contents_are_built_it_stays_folded():
    app = Sections(collapsed=True)
    async with app.run_test(size=(60, 12)) as pilot:
        section = app.query_one(LazyCollapsible)
        await pilot.pause()
        section.collapsed = False
        section.collapsed = True
        await pilot.pause()
        assert section.has_class("-collapsed") and "Premier paragraphe" not in shown(app)
        section.collapsed = False
        await pilot.pause()
        assert app.builds == 1 and "Premier paragraphe" in shown(app)


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


@asynccontextmanager
async def ma_demande_resource(tmp_path):
    """« Ma demande » opened at 80×24, and its resource: a folded section of Markdown."""
    from journal.core.catalogue import load_catalogue
    from journal.core.store import JournalStore
    from journal.tui.app import BilanApp

    catalogue = load_catalogue()
    store = JournalStore(tmp_path / "journal")
    app = BilanApp(store, catalogue)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        app.open_exercise(catalogue.get("ma-demande"))
        await pilot.pause()
        yield pilot, next(section for section in app.screen.query(LazyCollapsible) if section.id is None)
    store.close()


async def test_an_opened_resource_comes_into_view_with_its_text(tmp_path):
    """« Ma demande » at 80×24: opening its resource shows the resource's text, not only its title."""
    async with ma_demande_resource(tmp_path) as (pilot, resource):
        app = pilot.app
        title = resource.query_one("CollapsibleTitle")
        title.focus(scroll_visible=False)
        # Its title on the last row of the body, as when Tab has just reached it.
        body = app.screen.query_one("#exercise-body")
        view = body.scrollable_content_region
        body.scroll_to(y=body.scroll_y + title.region.y - view.y - (view.height - 1), animate=False)
        await pilot.pause()
        assert title.region.bottom == body.scrollable_content_region.bottom
        await pilot.press("enter")
        for _ in range(10):
            await pilot.pause(0.1)
        assert "Ce qu'est un bilan de compétences" in shown(app)
        await pilot.press("escape")
        await pilot.pause()


async def test_an_opened_page_is_never_drawn_open_without_its_text(tmp_path, monkeypatch):
    """Markdown builds its blocks a moment after it is mounted: the section shows once they are there."""
    from textual.widgets import Markdown

    from journal.tui.screens.exercise import ExerciseScreen

    async with ma_demande_resource(tmp_path) as (pilot, resource):
        drawn = []
        frame = ExerciseScreen._compositor_refresh

        def drawing(screen):
            frame(screen)
            if not resource.has_class("-collapsed"):
                drawn.append(sum(len(markdown.children) for markdown in resource.query(Markdown)))

        monkeypatch.setattr(ExerciseScreen, "_compositor_refresh", drawing)
        resource.query_one("CollapsibleTitle").focus()
        await pilot.pause()
        await pilot.press("enter")
        for _ in range(10):
            await pilot.pause(0.05)
        assert drawn and 0 not in drawn, f"blocks of the page in each frame drawn open: {drawn}"
