"""Reopening bilan offers to go back to the last exercise and question, cursor where it was."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Static

from journal.core.last_place import Place, read_place
from journal.core.text_safety import inert_line
from journal.i18n import t


def offer_resume(app) -> None:
    place = read_place(app.store)
    if place is None:
        return
    exercise = app.catalogue.get(place.exercise_id)
    if exercise is None:
        return
    prompt = exercise.prompt(place.prompt_id) if place.prompt_id else None
    number = exercise.prompts.index(prompt) + 1 if prompt is not None else None

    def chosen(resume: bool | None) -> None:
        if resume:
            app.resume_at(exercise, place)
        else:
            app.release_keys(force=True)

    app.push_screen(ResumeOffer(str(exercise.title), number), chosen)


class ResumeOffer(ModalScreen[bool]):
    OPENS_ON_ENTER = True  # Enter opens an exercise: keys typed meanwhile are held for it (see BilanApp.on_event)
    BINDINGS = [
        Binding("escape", "dismiss(False)", t("worker.resume.later")),
        Binding("question_mark", "app.help", t("keys.help"), show=False),
    ]

    def __init__(self, title: str, question: int | None):
        super().__init__()
        self.exercise_title = title
        self.question = question

    def compose(self) -> ComposeResult:
        with Vertical(classes="modal-box resume-box"):
            yield Static(t("worker.resume.title"), classes="prompt-label")
            where = t("worker.resume.where_question", title=inert_line(self.exercise_title), number=self.question)
            if self.question is None:
                where = t("worker.resume.where", title=inert_line(self.exercise_title))
            yield Static(where, markup=False)
            with Horizontal(id="exercise-actions"):
                yield Button(t("worker.resume.go"), id="go", variant="primary")
                yield Button(t("worker.resume.later"), id="later")

    def on_mount(self) -> None:
        self.query_one("#go", Button).focus()

    @on(Button.Pressed, "#go")
    def _go(self) -> None:
        self.dismiss(True)

    @on(Button.Pressed, "#later")
    def _later(self) -> None:
        self.dismiss(False)

    def help_section(self) -> str:
        return t("worker.resume.help")


__all__ = ["Place", "ResumeOffer", "offer_resume"]
