"""Ranking: put the options of a prompt in order, the most important first.

``RankList`` is the list itself: it shows the positions, moves the highlighted
option up or down (ctrl+↑ / ctrl+↓, or + / −) and says so with ``Reordered``.
``RankingEditor`` is the answer editor around it (also used by the card sort
for its first pile): mouse buttons, a hint, and the value — the option ids in
order, only the first ``limit`` when the prompt sets one. The value stays empty
until the worker moves an option or keeps the order shown with Enter, so an
order nobody chose is never recorded.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Sequence

from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.content import Content
from textual.message import Message
from textual.widgets import Button, OptionList, Static

from journal.core.models import Option, PromptKind
from journal.i18n import t
from journal.tui.safe_text import plain_line
from journal.tui.widgets.editors.base import PromptEditor
from journal.tui.widgets.editors.keys import translate_bindings


def initial_order(option_ids: Sequence[str], ranked: Any) -> list[str]:
    """The ids already ranked (those still offered) first, then the others in their given order."""
    ranked_ids = [item for item in ranked if item in option_ids] if isinstance(ranked, list) else []
    ranked_ids = list(dict.fromkeys(ranked_ids))
    return ranked_ids + [item for item in option_ids if item not in ranked_ids]


class RankList(OptionList):
    """The options in their current order; the highlighted one can be moved."""

    BINDINGS = [
        Binding("ctrl+up,plus", "move(-1)", "editor.ranking.move_up", key_display="ctrl+↑ / +"),
        Binding("ctrl+down,minus", "move(1)", "editor.ranking.move_down", key_display="ctrl+↓ / −"),
        Binding("enter", "select", "editor.ranking.keep", show=True),
    ]

    DEFAULT_CSS = """
    RankList { height: auto; max-height: 16; }
    """

    @dataclass
    class Reordered(Message):
        """The worker moved an option; ``order`` is the new order of ids."""

        rank_list: "RankList"
        order: list[str]

    def __init__(self, labels: dict[str, str], order: Sequence[str], limit: int = 0, **kwargs: Any):
        super().__init__(markup=False, **kwargs)
        translate_bindings(self)
        self.labels = dict(labels)
        self.order = list(order)
        self.limit = limit

    def on_mount(self) -> None:
        self._fill()

    async def _on_click(self, event: events.Click) -> None:
        # A click only highlights: keeping the order is a choice of its own.
        clicked = event.style.meta.get("option")
        if clicked is not None:
            self.highlighted = clicked
        event.prevent_default()

    def show(self, labels: dict[str, str], order: Sequence[str]) -> None:
        """Show other options (e.g. the cards now in the first pile), keeping the highlighted one."""
        current = self.current_id
        self.labels = dict(labels)
        self.order = list(order)
        self._fill()
        if current in self.order:
            self.highlighted = self.order.index(current)

    @property
    def current_id(self) -> str | None:
        index = self.highlighted
        return self.order[index] if index is not None and index < len(self.order) else None

    def _counts(self, index: int) -> bool:
        return not self.limit or index < self.limit

    def _prompt(self, index: int) -> Content:
        label = plain_line(self.labels.get(self.order[index], self.order[index]))
        if self._counts(index):
            return Content.assemble((f"{index + 1:>2}. ", "bold"), label)
        return Content.assemble("    ", (label, "dim"))

    def _fill(self) -> None:
        options: list[Any] = []
        for index in range(len(self.order)):
            options.append(self._prompt(index))
            if self.limit and index == self.limit - 1 and index < len(self.order) - 1:
                options.append(None)
        self.set_options(options)
        if self.order:
            self.highlighted = 0

    def action_move(self, delta: int) -> None:
        index = self.highlighted
        if index is None:
            return
        target = index + delta
        if not 0 <= target < len(self.order):
            self.app.bell()
            return
        self.order[index], self.order[target] = self.order[target], self.order[index]
        self.replace_option_prompt_at_index(index, self._prompt(index))
        self.replace_option_prompt_at_index(target, self._prompt(target))
        self.highlighted = target
        self.post_message(self.Reordered(self, list(self.order)))


class RankingEditor(PromptEditor):
    """Order the options, best first; buttons for the mouse, keys in the footer."""

    DEFAULT_CSS = """
    RankingEditor { height: auto; }
    RankingEditor > .ranking-hint { color: $text-muted; }
    RankingEditor > .ranking-buttons { height: auto; }
    RankingEditor > .ranking-buttons > Button { min-width: 12; margin: 0 1 0 0; }
    RankingEditor > .ranking-status { color: $text-muted; text-style: italic; }
    """

    def __init__(self, spec, value: Any = None, **kwargs: Any):
        super().__init__(spec, value, **kwargs)
        self.options: tuple[Option, ...] = tuple(spec.options)

    @property
    def limit(self) -> int:
        return getattr(self.spec, "limit", 0)

    def compose(self) -> ComposeResult:
        ids = [option.id for option in self.options]
        yield Static(self._hint_text(), markup=False, classes="ranking-hint")
        yield RankList(self._labels(), initial_order(ids, self.value), self.limit)
        with Horizontal(classes="ranking-buttons"):
            # Mouse helpers: the keyboard uses the list's own keys, so Tab skips them.
            for name in ("up", "down", "keep"):
                button = Button(t(f"editor.ranking.button_{name}"), classes=f"ranking-{name}", compact=True)
                button.can_focus = False
                yield button
        yield Static(self._status_text(), markup=False, classes="ranking-status")

    def _labels(self) -> dict[str, str]:
        return {option.id: plain_line(option.label) for option in self.options}

    def _hint_text(self) -> str:
        hint = t("editor.ranking.hint")
        if self.limit and self.limit < len(self.options):
            hint += " " + t("editor.ranking.limit", count=self.limit)
        return hint

    def _status_text(self) -> str:
        return t("editor.ranking.saved") if self.value else t("editor.ranking.not_saved")

    @property
    def rank_list(self) -> RankList:
        return self.query_one(RankList)

    def ranked_value(self, order: Sequence[str]) -> list[str]:
        return list(order[: self.limit]) if self.limit else list(order)

    def show_options(self, options: Sequence[Option]) -> None:
        """Rank other options (the card sort's first pile changed); keeps the order of those still there.

        The value follows silently (no message): the caller records it.
        """
        self.options = tuple(options)
        ids = [option.id for option in self.options]
        order = initial_order(ids, self.rank_list.order)
        self.rank_list.show(self._labels(), order)
        if self.value:
            self.value = self.ranked_value(order)
        self._refresh_texts()

    def _refresh_texts(self) -> None:
        self.query_one(".ranking-hint", Static).update(self._hint_text())
        self.query_one(".ranking-status", Static).update(self._status_text())

    def _record(self, order: Sequence[str]) -> None:
        self.set_value(self.ranked_value(order))
        self._refresh_texts()

    @on(RankList.Reordered)
    def _moved(self, event: RankList.Reordered) -> None:
        event.stop()
        self._record(event.order)

    @on(OptionList.OptionSelected)
    def _kept(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self._record(self.rank_list.order)

    @on(Button.Pressed, ".ranking-up")
    def _up_clicked(self, event: Button.Pressed) -> None:
        event.stop()
        self.rank_list.action_move(-1)

    @on(Button.Pressed, ".ranking-down")
    def _down_clicked(self, event: Button.Pressed) -> None:
        event.stop()
        self.rank_list.action_move(1)

    @on(Button.Pressed, ".ranking-keep")
    def _keep_clicked(self, event: Button.Pressed) -> None:
        event.stop()
        self._record(self.rank_list.order)


RANKING_EDITORS = {PromptKind.RANKING: RankingEditor}
