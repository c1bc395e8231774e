"""Questionnaire: rate many short statements from 1 to 5, then look at the scores together.

``RatingList`` shows the statements in an order that mixes the dimensions
(round after round, each round starting one dimension later), each with its
current rating; typing 1–5 rates the highlighted statement and moves on.
``QuestionnaireResults`` draws one bar per dimension from
``score_questionnaire``, the code, the ties, and what each dimension means.
``QuestionnaireEditor`` puts them together with the progress and a toggle
(key r) between the statements and the results. The value is
``{item_id: 1..5}``. The editor says plainly that this is an exploration to
talk over with the conseiller, not a test.
"""

from __future__ import annotations

from typing import Any, Mapping

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.content import Content
from textual.widgets import Button, Static

from journal.core.models import Item, Prompt, PromptKind
from journal.core.scoring import QuestionnaireResult, score_questionnaire
from journal.i18n import t
from journal.tui.safe_text import line, plain, plain_line
from journal.tui.widgets.editors.base import PromptEditor
from journal.tui.widgets.editors.keys import translate_bindings
from journal.tui.widgets.editors.marks import MarkList

RATINGS = range(1, 6)
BAR_WIDTH = 20
RATE_GROUP = Binding.Group("editor.questionnaire.rate")


def interleaved_items(prompt: Prompt) -> list[Item]:
    """Items mixed across dimensions: one of each per round, each round starting one dimension later."""
    by_dimension = [[item for item in prompt.items if item.dimension == d.id] for d in prompt.dimensions]
    known = {d.id for d in prompt.dimensions}
    orphans = [item for item in prompt.items if item.dimension not in known]
    count = len(by_dimension)
    rounds = max((len(items) for items in by_dimension), default=0)
    order: list[Item] = []
    for round_number in range(rounds):
        for step in range(count):
            items = by_dimension[(round_number + step) % count]
            if round_number < len(items):
                order.append(items[round_number])
    return order + orphans


def valid_ratings(prompt: Prompt, value: Any) -> dict[str, int]:
    known = {item.id for item in prompt.items}
    if not isinstance(value, Mapping):
        return {}
    return {
        key: rating
        for key, rating in value.items()
        if key in known and isinstance(rating, int) and not isinstance(rating, bool) and rating in RATINGS
    }


def decimal(number: float) -> str:
    return f"{number:.1f}".replace(".", t("editor.questionnaire.decimal_point"))


class RatingList(MarkList):
    """The statements with their ratings; 1–5 rate the highlighted one and move to the next."""

    BINDINGS = [
        *(Binding(str(n), f"rate({n})", str(n), group=RATE_GROUP) for n in RATINGS),
        Binding("0,delete,backspace", "rate(0)", "editor.questionnaire.clear", key_display="0"),
    ]

    DEFAULT_CSS = """
    RatingList { height: auto; max-height: 12; }
    """

    def __init__(self, items: list[Item], ratings: dict[str, int], **kwargs: Any):
        super().__init__(items, ratings, **kwargs)
        translate_bindings(self)

    def entry_prompt(self, item: Item) -> Content:
        rating = self.marks.get(item.id)
        if rating:
            mark = ("●" * rating + "○" * (5 - rating) + f" {rating}  ", "bold")
        else:
            mark = ("·····    ", "dim")
        return Content.assemble(mark, plain_line(item.label))

    def action_rate(self, rating: int) -> None:
        self.set_mark(rating or None)


class QuestionnaireResults(Static, can_focus=True):
    """Bars per dimension, the code, ties, and the meaning of each dimension."""

    DEFAULT_CSS = """
    QuestionnaireResults { height: auto; padding: 0 1; border: round $primary 40%; }
    QuestionnaireResults:focus { border: round $accent; }
    """

    def __init__(self, prompt: Prompt, **kwargs: Any):
        super().__init__("", markup=False, **kwargs)
        self.prompt = prompt

    def show(self, ratings: dict[str, int]) -> None:
        self.update(self.render_result(score_questionnaire(self.prompt, ratings)))

    def render_result(self, result: QuestionnaireResult) -> Content:
        if not result.answered:
            return Content(t("editor.questionnaire.no_answer"))
        labels = {score.dimension.id: plain_line(f"{score.letter} {score.dimension.label}") for score in result.scores}
        width = max(len(label) for label in labels.values()) + 2
        lines: list[Content] = []
        for score in result.scores:
            filled = round(score.mean / 5 * BAR_WIDTH)
            lines.append(
                Content.assemble(
                    labels[score.dimension.id].ljust(width),
                    ("█" * filled, "bold"),
                    ("░" * (BAR_WIDTH - filled), "dim"),
                    f" {decimal(score.mean) if score.answered else '–'}",
                    (f"  ({score.answered}/{score.item_count})", "dim"),
                )
            )
        lines.append(Content(""))
        lines.append(Content.assemble((t("editor.questionnaire.code", code=result.code), "bold")))
        lines.append(Content.styled(t("content.not_a_test"), "italic"))
        for group in result.ties:
            names = " = ".join(plain_line(score.dimension.label) for score in group)
            lines.append(Content(t("editor.questionnaire.tie", names=names)))
        if not result.complete:
            lines.append(
                Content.styled(
                    t("editor.questionnaire.partial", answered=result.answered, total=result.item_count), "italic"
                )
            )
        lines.append(Content(""))
        for score in result.ranked:
            name = plain_line(f"{score.letter} {score.dimension.label} — ")
            lines.append(Content.assemble((name, "bold"), plain(score.dimension.description)))
        return Content("\n").join(lines)


class QuestionnaireEditor(PromptEditor):
    """Rate the statements quickly with the keyboard; switch to the results with r."""

    BINDINGS = [
        Binding("r", "show_results", "editor.questionnaire.show_results"),
        Binding("r", "show_questions", "editor.questionnaire.show_questions"),
    ]

    DEFAULT_CSS = """
    QuestionnaireEditor { height: auto; }
    QuestionnaireEditor > .q-note { text-style: italic; }
    QuestionnaireEditor > .q-legend { color: $text-muted; }
    QuestionnaireEditor > .q-bar { height: auto; }
    QuestionnaireEditor > .q-bar > .q-ratings { width: auto; height: auto; }
    QuestionnaireEditor > .q-bar > .q-ratings > Button { margin: 0 1 0 0; min-width: 5; }
    QuestionnaireEditor > .q-bar > .q-progress { width: 1fr; text-style: bold; padding: 0 1; }
    """

    def __init__(self, spec: Prompt, value: Any = None, **kwargs: Any):
        super().__init__(spec, value, **kwargs)
        translate_bindings(self)
        self.ratings = valid_ratings(spec, value)

    def compose(self) -> ComposeResult:
        yield Static(t("editor.questionnaire.exploration"), markup=False, classes="q-note")
        legend = Content("   ").join(
            Content.assemble((str(n), "bold"), plain_line(f" {option.label}")) for n, option in zip(RATINGS, self.spec.options)
        )
        yield Static(legend, classes="q-legend")
        yield RatingList(interleaved_items(self.spec), self.ratings)
        results = QuestionnaireResults(self.spec)
        results.display = False
        yield results
        with Horizontal(classes="q-bar"):
            with Horizontal(classes="q-ratings"):
                # Mouse helpers: the keyboard types the digits, so Tab skips them.
                for n, option in zip(RATINGS, self.spec.options):
                    button = Button(str(n), compact=True, name=str(n), tooltip=line(option.label))
                    button.can_focus = False
                    yield button
            yield Static(self._progress_text(), markup=False, classes="q-progress")
            yield Button(t("editor.questionnaire.button_results"), compact=True, classes="q-toggle")

    def on_mount(self) -> None:
        self.results.show(self.ratings)

    @property
    def rating_list(self) -> RatingList:
        return self.query_one(RatingList)

    @property
    def results(self) -> QuestionnaireResults:
        return self.query_one(QuestionnaireResults)

    @property
    def showing_results(self) -> bool:
        return bool(self.results.display)

    def _progress_text(self) -> str:
        return t("editor.questionnaire.progress", answered=len(self.ratings), total=len(self.spec.items))

    # -- switching views ----------------------------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "show_results":
            return not self.showing_results
        if action == "show_questions":
            return self.showing_results
        return True

    def action_show_results(self) -> None:
        self._show(results=True)

    def action_show_questions(self) -> None:
        self._show(results=False)

    def _show(self, results: bool) -> None:
        self.results.display = results
        self.rating_list.display = not results
        self.query_one(".q-ratings").display = not results
        key = "editor.questionnaire.button_questions" if results else "editor.questionnaire.button_results"
        self.query_one(".q-toggle", Button).label = t(key)
        (self.results if results else self.rating_list).focus()
        self.refresh_bindings()

    @on(Button.Pressed, ".q-toggle")
    def _toggle_clicked(self, event: Button.Pressed) -> None:
        event.stop()
        self._show(results=not self.showing_results)

    # -- rating -------------------------------------------------------------------------

    @on(MarkList.Marked)
    def _rated(self, event: MarkList.Marked) -> None:
        event.stop()
        self.ratings = dict(event.mark_list.marks)
        self.query_one(".q-progress", Static).update(self._progress_text())
        self.results.show(self.ratings)
        self.set_value(dict(self.ratings))

    @on(Button.Pressed, ".q-ratings Button")
    def _rating_clicked(self, event: Button.Pressed) -> None:
        event.stop()
        self.rating_list.action_rate(int(event.button.name or 0))
        self.rating_list.focus()


QUESTIONNAIRE_EDITORS = {PromptKind.QUESTIONNAIRE: QuestionnaireEditor}
