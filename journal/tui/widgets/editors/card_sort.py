"""Card sort: place each card in a pile, rank the first pile, then say more about the top cards.

Three steps, one under the other, all reachable with Tab:

1. ``CardList`` shows every card with its pile; the number keys (one per pile,
   named in the footer) place the highlighted card and jump to the next card
   still to place; 0 puts a card back. One button per pile shows its count
   (and places the highlighted card when clicked).
2. A ``RankingEditor`` orders the cards of the first pile; the first ``top``
   count.
3. One ``FieldGroup`` per ranked card asks the prompt's ``top_fields``.

The value is ``{"piles": {card: pile}, "top": [card…], "details": {card: {field: value}}}``.
Details written for a card that later leaves the top are kept, never lost.
"""

from __future__ import annotations

from typing import Any

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.widgets import Button, OptionList, Static

from journal.core.models import Option, Prompt, PromptKind
from journal.i18n import t
from journal.tui.safe_text import line, plain_line
from journal.tui.safe_text import text as safe_text
from journal.tui.widgets.editors.base import AnswerChanged, PromptEditor
from journal.tui.widgets.editors.fields import FieldGroup
from journal.tui.widgets.editors.keys import add_binding
from journal.tui.widgets.editors.marks import MarkList
from journal.tui.widgets.editors.ranking import RankingEditor

MAX_PILE_KEYS = 9


class CardList(MarkList):
    """Every card with the pile it is in; number keys place the highlighted card."""

    DEFAULT_CSS = """
    CardList { height: auto; max-height: 12; }
    """

    def __init__(self, cards: tuple[Option, ...], piles: tuple[Option, ...], placed: dict[str, str], **kwargs: Any):
        super().__init__(cards, placed, **kwargs)
        self.piles = piles
        for number, pile in enumerate(piles[:MAX_PILE_KEYS], start=1):
            add_binding(self, Binding(str(number), f"place({number - 1})", plain_line(pile.label)))
        # Said in the hint above the list; the footer keeps its room for the piles.
        add_binding(self, Binding("0", "place(-1)", t("editor.card_sort.unplace"), show=False))
        self._label_width = max((len(plain_line(card.label)) for card in cards), default=0) + 2

    def entry_prompt(self, card: Option) -> Content:
        label = plain_line(card.label).ljust(self._label_width)
        pile_ids = [pile.id for pile in self.piles]
        pile_id = self.marks.get(card.id)
        if pile_id not in pile_ids:
            return Content.assemble(label, (t("editor.card_sort.to_place"), "dim italic"))
        number = pile_ids.index(pile_id) + 1
        return Content.assemble(label, (plain_line(f"{number} · {self.piles[number - 1].label}"), "bold"))

    def action_place(self, pile_index: int) -> None:
        if pile_index < len(self.piles):
            self.set_mark(self.piles[pile_index].id if pile_index >= 0 else None)


class CardSortEditor(PromptEditor):
    """Sort the cards into piles, rank the first pile, then detail the top cards."""

    DEFAULT_CSS = """
    CardSortEditor { height: auto; }
    CardSortEditor .card-sort-step { text-style: bold; margin: 1 0 0 0; }
    CardSortEditor .card-sort-step.-first { margin: 0; }
    CardSortEditor .card-sort-hint { color: $text-muted; }
    CardSortEditor .card-sort-card-help { color: $text-muted; text-style: italic; height: auto; min-height: 1; }
    CardSortEditor .card-sort-piles { height: auto; margin: 1 0 0 0; }
    CardSortEditor .card-sort-piles > Button { margin: 0 1 0 0; }
    CardSortEditor .card-sort-details { height: auto; }
    """

    def __init__(self, spec: Prompt, value: Any = None, **kwargs: Any):
        super().__init__(spec, value, **kwargs)
        stored = value if isinstance(value, dict) else {}
        self.piles: dict[str, str] = dict(stored.get("piles") or {})
        first_pile = spec.piles[0].id
        ranked = [card for card in stored.get("top") or [] if self.piles.get(card) == first_pile]
        self.top: list[str] = ranked[: spec.top] if spec.top else ranked
        self.details: dict[str, dict[str, Any]] = {k: dict(v) for k, v in (stored.get("details") or {}).items()}

    # -- layout -------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        first_pile = plain_line(self.spec.piles[0].label)
        yield Static(t("editor.card_sort.step_sort"), markup=False, classes="card-sort-step -first")
        keys = ", ".join(str(number) for number in range(1, min(len(self.spec.piles), MAX_PILE_KEYS) + 1))
        yield Static(t("editor.card_sort.sort_hint", keys=keys), markup=False, classes="card-sort-hint")
        with Horizontal(classes="card-sort-piles"):
            # The piles with their counts; clicking one places the highlighted card.
            # The keyboard uses the number keys, so Tab skips these buttons.
            for pile in self.spec.piles[:MAX_PILE_KEYS]:
                button = Button(self._pile_text(pile), compact=True, name=pile.id)
                button.can_focus = False
                yield button
        card_list = CardList(self.spec.cards, self.spec.piles, self.piles)
        card_list.border_title = self._left_text()
        yield card_list
        yield Static("", markup=False, classes="card-sort-card-help")
        step_rank = t("editor.card_sort.step_rank", pile=first_pile, count=self.spec.top)
        yield Static(step_rank, markup=False, classes="card-sort-step")
        rank_empty = t("editor.card_sort.rank_empty", pile=first_pile)
        yield Static(rank_empty, markup=False, classes="card-sort-hint rank-empty")
        yield RankingEditor(self._ranking_prompt(), self.top or None)
        yield Static(t("editor.card_sort.step_details"), markup=False, classes="card-sort-step")
        yield Static(t("editor.card_sort.details_empty"), markup=False, classes="card-sort-hint details-empty")
        yield Vertical(classes="card-sort-details")

    async def on_mount(self) -> None:
        self._show_ranking_state()
        await self._rebuild_details()

    def _ranking_prompt(self) -> Prompt:
        return Prompt(
            id=f"{self.spec.id}--top",
            kind=PromptKind.RANKING,
            label=self.spec.label,
            options=self._first_pile_cards(),
            limit=self.spec.top,
        )

    def _first_pile_cards(self) -> tuple[Option, ...]:
        first = self.spec.piles[0].id
        return tuple(card for card in self.spec.cards if self.piles.get(card.id) == first)

    def _pile_text(self, pile: Option) -> Content:
        number = self.spec.piles.index(pile) + 1
        count = sum(1 for placed in self.piles.values() if placed == pile.id)
        return line(f"{number} " + t("editor.card_sort.count", pile=str(pile.label), count=count))

    def _left_text(self) -> str:
        left = sum(1 for card in self.spec.cards if card.id not in self.piles)
        if not left:
            return t("editor.card_sort.all_placed")
        return t("editor.card_sort.count_left", count=left)

    def _show_counts(self) -> None:
        piles = {pile.id: pile for pile in self.spec.piles}
        for button in self.query(".card-sort-piles Button").results(Button):
            label = self._pile_text(piles[button.name])
            if label.cell_length != button.label.cell_length:
                button.refresh(layout=True)  # a count gaining a digit: Textual would keep the button's old width
            button.label = label
        self.query_one(CardList).border_title = self._left_text()

    @property
    def ranking(self) -> RankingEditor:
        return self.query_one(RankingEditor)

    def _show_ranking_state(self) -> None:
        has_cards = bool(self._first_pile_cards())
        self.ranking.display = has_cards
        self.query_one(".rank-empty").display = not has_cards
        self.query_one(".details-empty").display = not self.top

    async def _rebuild_details(self) -> None:
        box = self.query_one(".card-sort-details", Vertical)
        await box.remove_children()
        groups = []
        for position, card_id in enumerate(self.top, start=1):
            card = self.spec.option(card_id)
            title = f"{position}. {card.label if card else card_id}"
            groups.append(FieldGroup(self.spec.top_fields, self.details.get(card_id), title, name=card_id))
        if groups:
            await box.mount_all(groups)

    # -- changes ------------------------------------------------------------------------

    def _record(self) -> None:
        details = {card: dict(fields) for card, fields in self.details.items()}
        self.set_value({"piles": dict(self.piles), "top": list(self.top), "details": details})

    async def _set_top(self, top: list[str]) -> None:
        changed = top != self.top
        self.top = top
        self._show_ranking_state()
        if changed:
            await self._rebuild_details()

    @on(MarkList.Marked)
    async def _placed(self, event: MarkList.Marked) -> None:
        event.stop()
        self.piles = dict(event.mark_list.marks)
        self._show_counts()
        self.ranking.show_options(self._first_pile_cards())
        await self._set_top(list(self.ranking.value or []))
        self._record()

    @on(OptionList.OptionHighlighted, "CardList")
    def _card_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        event.stop()
        card = self.spec.cards[event.option_index]
        text = f"{card.label} — {card.help}" if card.help else str(card.label)
        self.query_one(".card-sort-card-help", Static).update(safe_text(text))

    @on(Button.Pressed, ".card-sort-piles Button")
    def _pile_clicked(self, event: Button.Pressed) -> None:
        event.stop()
        card_list = self.query_one(CardList)
        pile_ids = [pile.id for pile in self.spec.piles]
        card_list.action_place(pile_ids.index(event.button.name))
        card_list.focus()

    async def on_answer_changed(self, event: AnswerChanged) -> None:
        if event.editor is self:
            return
        event.stop()
        await self._set_top(list(event.value or []))
        self._record()

    @on(FieldGroup.Changed)
    def _detail_changed(self, event: FieldGroup.Changed) -> None:
        event.stop()
        self.details[event.group.name] = dict(event.group.values)
        self._record()


CARD_SORT_EDITORS = {PromptKind.CARD_SORT: CardSortEditor}
