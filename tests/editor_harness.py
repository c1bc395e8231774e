"""A tiny app that mounts one answer editor and records what it posts, for the editor tests."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from textual.app import App, ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import Footer

from journal.core.catalogue.validation import validate_file
from journal.core.models import Prompt
from journal.resources import exercises_dir
from journal.tui.widgets.editors import AnswerChanged, PromptEditor


def shipped_prompt(exercise_id: str, prompt_id: str) -> Prompt:
    """A prompt of a built-in exercise, as the catalogue validates it."""
    exercise, problems = validate_file(Path(exercises_dir()) / f"{exercise_id}.toml")
    assert exercise is not None, problems
    return next(prompt for prompt in exercise.prompts if prompt.id == prompt_id)


class EditorApp(App):
    """Mounts ``editor`` in a scrolling body, like the exercise screen, and keeps every value it posts."""

    CSS = "#body { height: 1fr; padding: 0 1; }"

    def __init__(self, editor: PromptEditor) -> None:
        super().__init__()
        self.editor = editor
        self.changes: list[Any] = []
        self.change_sources: list[str] = []

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="body"):
            yield self.editor
        yield Footer()

    def on_answer_changed(self, event: AnswerChanged) -> None:
        self.changes.append(event.value)
        self.change_sources.append(event.prompt_id)

    @property
    def last_value(self) -> Any:
        assert self.changes, "the editor posted no AnswerChanged"
        return self.changes[-1]
