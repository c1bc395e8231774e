"""Earlier versions of an exercise's answers, newest first, so the worker sees how their thinking moved."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from journal.core.answer_view import answer_view, view_as_text
from journal.core.models import Entry, Exercise
from journal.i18n import t
from journal.tui.safe_text import line, text


def version_text(exercise: Exercise, answers: dict) -> str:
    parts = []
    for prompt in exercise.prompts:
        text = view_as_text(answer_view(prompt, answers.get(prompt.id)))
        if text:
            parts.append(f"{prompt.label}\n{text}")
    return "\n\n".join(parts)


class HistoryScreen(ModalScreen[None]):
    BINDINGS = [Binding("escape,q", "dismiss(None)", t("keys.close"))]

    def __init__(self, exercise: Exercise, entry: Entry | None):
        super().__init__()
        self.exercise = exercise
        self.entry = entry

    def compose(self) -> ComposeResult:
        with VerticalScroll(classes="modal-box history-box"):
            yield Static(line(t("history.title", title=self.exercise.title)), classes="prompt-label")
            versions = list(reversed(self.entry.history)) if self.entry else []
            if not versions:
                yield Static(t("history.none"), classes="muted")
            for version in versions:
                yield Static(
                    t("history.version", date=version.saved_at.strftime(t("formats.datetime"))),
                    classes="history-date",
                    markup=False,
                )
                yield Static(text(version_text(self.exercise, version.answers) or t("history.empty")))
            yield Static(t("history.close"), classes="muted")
