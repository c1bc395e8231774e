"""Asks before marking an exercise « terminé » while required questions are still empty."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Button, Static

from journal.core.models import Exercise, Prompt
from journal.i18n import t
from journal.tui.safe_text import plain_line, text


class MissingAnswersScreen(ModalScreen[bool]):
    """Lists the empty required questions; the safe answer (keep working) has the focus."""

    BINDINGS = [Binding("escape", "dismiss(False)", t("keys.cancel")), Binding("question_mark", "app.help", t("keys.help"), show=False)]
    DEFAULT_CSS = """
    MissingAnswersScreen #missing-scroll { height: auto; max-height: 10; }
    MissingAnswersScreen #missing-actions { height: auto; margin-top: 1; }
    MissingAnswersScreen #missing-actions Button { margin-right: 1; }
    """

    def __init__(self, exercise: Exercise, missing: list[Prompt]):
        super().__init__()
        self.exercise = exercise
        self.missing = missing

    def compose(self) -> ComposeResult:
        numbers = {prompt.id: number for number, prompt in enumerate(self.exercise.prompts, start=1)}
        with Vertical(classes="modal-box", id="missing-box"):
            yield Static(t("missing.title", count=len(self.missing)), classes="prompt-label", markup=False)
            lines = [t("missing.line", number=numbers[prompt.id], label=prompt.label) for prompt in self.missing]
            with VerticalScroll(id="missing-scroll"):
                yield Static(text("\n".join(plain_line(line) for line in lines)), id="missing-list")
            yield Static(t("missing.explain"), classes="prompt-help", markup=False)
            with Horizontal(id="missing-actions"):
                yield Button(t("missing.keep_working"), id="keep-working", variant="primary")
                yield Button(t("missing.done_anyway"), id="done-anyway")

    def on_mount(self) -> None:
        self.query_one("#keep-working", Button).focus()

    @on(Button.Pressed, "#keep-working")
    def _keep_working(self) -> None:
        self.dismiss(False)

    @on(Button.Pressed, "#done-anyway")
    def _done_anyway(self) -> None:
        self.dismiss(True)
