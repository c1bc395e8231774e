"""The search bar of the viewer: a field, the match count, ↓/Entrée for next, ↑ for previous."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.message import Message
from textual.widgets import Input, Static

from journal.core.review.search import MAX_QUERY_CHARS
from journal.i18n import t


class SearchBar(Horizontal):
    """Hidden until ctrl+f; sends ``Step`` messages (+1 next, -1 previous) and ``Closed``."""

    BINDINGS = [
        Binding("down", "step(1)", t("review.keys.next"), show=False),
        Binding("up", "step(-1)", t("review.keys.previous"), show=False),
        Binding("escape", "close", t("review.keys.back")),
    ]

    class Step(Message):
        def __init__(self, direction: int):
            super().__init__()
            self.direction = direction

    class Closed(Message):
        pass

    def compose(self) -> ComposeResult:
        yield Input(placeholder=t("review.search_placeholder"), max_length=MAX_QUERY_CHARS, id="search-input")
        yield Static("", id="search-count", markup=False)

    @property
    def query_text(self) -> str:
        return self.query_one("#search-input", Input).value

    def open(self) -> None:
        self.display = True
        self.query_one("#search-input", Input).focus()

    def show_count(self, current: int, total: int) -> None:
        text = t("review.search_count", current=current, total=total) if total else t("review.search_none")
        if not self.query_text.strip():
            text = ""
        self.query_one("#search-count", Static).update(text)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.post_message(self.Step(1))

    def action_step(self, direction: int) -> None:
        self.post_message(self.Step(direction))

    def action_close(self) -> None:
        self.display = False
        self.post_message(self.Closed())
