"""Chooses which dated instance of a repeatable exercise to open, starts a new one, or compares them."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from journal.core.models import Entry, Exercise
from journal.i18n import t
from journal.tui.safe_text import line

NEW = "new"
COMPARE = "compare"


class InstancePicker(ModalScreen[int | str | None]):
    OPENS_ON_ENTER = True  # Enter opens an exercise: keys typed meanwhile are held for it (see BilanApp.on_event)
    BINDINGS = [Binding("escape", "dismiss(None)", t("keys.cancel")), Binding("question_mark", "app.help", t("keys.help"), show=False)]

    def __init__(self, exercise: Exercise, entries: list[Entry]):
        super().__init__()
        self.exercise = exercise
        self.entries = entries

    def help_section(self) -> str:
        return t("worker.help.instances")

    def compose(self) -> ComposeResult:
        with Vertical(classes="modal-box"):
            yield Static(line(t("instances.title", title=self.exercise.title)), classes="prompt-label")
            options = [Option(t("instances.new"), id=NEW)]
            if len(self.entries) >= 2:
                options.append(Option(t("comparison.open"), id=COMPARE))
            for entry in reversed(self.entries):
                label = t(
                    "instances.line",
                    number=entry.instance,
                    date=entry.created_at.strftime(t("formats.datetime")),
                    status=t(f"instances.status.{entry.status.value}"),
                )
                options.append(Option(label, id=str(entry.instance)))
            yield OptionList(*options)

    @on(OptionList.OptionSelected)
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        choice = event.option.id
        self.dismiss(choice if choice in (NEW, COMPARE) else int(choice))
