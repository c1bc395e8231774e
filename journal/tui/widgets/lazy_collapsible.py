"""A collapsible section whose contents are built the first time it opens.

An exercise's resources and explanation pages are long Markdown texts, shown
folded. Textual builds a widget per Markdown block (paragraph, list item, each
list's bullets and containers), so « Ma demande » carried about 60 widgets and
« Enquête métier » about 120 that nobody sees until a title is opened: every
one was created, styled and laid out when the exercise opened, again when the
screen came back, and again when the focus reached a title (Textual restyles
the whole section for its ``:focus-within`` tint, folded parts included: about
130 ms on a key in « Enquête métier »). ``LazyCollapsible`` keeps a function
that builds the contents and calls it when the section opens, once.
"""

from __future__ import annotations

from typing import Callable, Iterable

from textual.app import ComposeResult
from textual.widget import AwaitMount, Widget
from textual.widgets import Collapsible


class LazyCollapsible(Collapsible):
    """A ``Collapsible`` filled by ``build_contents`` when it is first expanded."""

    def __init__(
        self,
        build_contents: Callable[[], Iterable[Widget]],
        *,
        title: str,
        collapsed: bool = True,
        id: str | None = None,
    ) -> None:
        super().__init__(title=title, collapsed=collapsed, id=id)
        self._build_contents: Callable[[], Iterable[Widget]] | None = build_contents

    @property
    def is_filled(self) -> bool:
        """Whether the contents have been built."""
        return self._build_contents is None

    def _take_contents(self) -> list[Widget]:
        build, self._build_contents = self._build_contents, None
        return list(build()) if build is not None else []

    def compose(self) -> ComposeResult:
        yield self._title
        with self.Contents():
            if not self.collapsed:
                yield from self._take_contents()

    def _watch_collapsed(self, collapsed: bool) -> None:
        if not collapsed and self.is_mounted and not self.is_filled:
            # The section opens once its contents are built: Markdown lays its blocks out a moment after
            # it is mounted. Opened at once, it showed a frame without its text, and Textual's scroll to
            # the opened section saw no text: only the title came into view.
            self.call_next(self._open_when_built, self.query_one(self.Contents).mount_all(self._take_contents()))
            return
        super()._watch_collapsed(collapsed)

    async def _open_when_built(self, built: AwaitMount) -> None:
        await built
        if not self.collapsed:  # unless folded again meanwhile (that was done at once)
            super()._watch_collapsed(False)
