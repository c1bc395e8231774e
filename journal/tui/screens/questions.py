"""« Mes questions pour le prochain entretien »: written from anywhere (F4), marked answered after the appointment.

The question being typed is saved as a draft as it is typed (as a note is), added when the worker leaves by Escape
or Ctrl+Q, and put back in the field after a crash."""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from journal.core.text_safety import inert_line
from journal.i18n import t
from journal.tui.draft_timer import DraftTimer
from journal.tui.widgets.safe_editors import SafeInput


class QuestionsScreen(ModalScreen[None]):
    BINDINGS = [
        Binding("escape", "close", t("keys.close")),
        Binding("ctrl+t", "toggle_answered", t("questions.key_answered")),
        Binding("ctrl+r", "toggle_private", t("keys.private")),
        Binding("ctrl+d", "delete", t("questions.key_delete")),
        Binding("up", "to_list(-1)", show=False),
        Binding("down", "to_list(0)", show=False),
    ]

    def compose(self) -> ComposeResult:
        with Vertical(classes="modal-box", id="questions-box"):
            yield Static(t("questions.title"), classes="detail-title")
            yield Static(t("questions.hint"), classes="muted")
            yield OptionList(id="question-list")
            yield SafeInput(placeholder=t("questions.placeholder"), id="question-input", max_length=2000)

    def __init__(self):
        super().__init__()
        self._draft_timer = DraftTimer(self, self._save_draft)

    def on_mount(self) -> None:
        self._reload()
        field = self.query_one("#question-input", Input)
        draft = self.app.store.questions.draft()
        if draft is not None:
            with field.prevent(Input.Changed):
                field.value = draft
            self.notify(t("questions.draft_found"))
        field.focus()

    @property
    def _bilan_id(self) -> str | None:
        bilan = self.app.store.bilans.current()
        return bilan.id if bilan else None

    def _reload(self) -> None:
        option_list = self.query_one(OptionList)
        option_list.clear_options()
        self._questions = self.app.store.questions.for_bilan(self._bilan_id)
        for question in self._questions:
            line = Text("✓ " if question.answered else "• ")
            line.append(inert_line(question.text), style="dim" if question.answered else "")
            if question.private:
                line.append(f"  {t('questions.private')}", style="italic")
            option_list.add_option(Option(line, id=str(question.id)))
        if not self._questions:
            option_list.add_option(Option(t("questions.none"), disabled=True))

    @on(Input.Changed, "#question-input")
    def _typed(self) -> None:
        self._draft_timer.restart()

    def _save_draft(self) -> None:
        self.app.guarded(self.app.store.questions.save_draft, self.query_one("#question-input", Input).value)

    def _save_typed(self) -> bool:
        """Add the question in the field (nothing when it is blank) and empty the field; False if it could not be saved."""
        self._draft_timer.stop()
        field = self.query_one("#question-input", Input)
        if not self.app.guarded(self.app.store.questions.add_typed, field.value, self._bilan_id):
            return False
        with field.prevent(Input.Changed):
            field.value = ""
        return True

    @on(Input.Submitted, "#question-input")
    def _add(self, event: Input.Submitted) -> None:
        if event.value.strip() and self._save_typed():
            self._reload()
            self.notify(t("questions.added"))

    def _selected(self):
        option_list = self.query_one(OptionList)
        if option_list.highlighted is None or not self._questions:
            return None
        option = option_list.get_option_at_index(option_list.highlighted)
        return next((q for q in self._questions if str(q.id) == option.id), None)

    def action_to_list(self, index: int) -> None:
        """The hint says « arrows to choose »: from the input, an arrow moves into the list (last or first question)."""
        option_list = self.query_one(OptionList)
        if not self._questions:
            return
        option_list.focus()
        option_list.highlighted = index % len(self._questions)

    def action_toggle_answered(self) -> None:
        question = self._selected()
        if question and self.app.guarded(self.app.store.questions.set_answered, question.id, not question.answered):
            self._reload()

    def action_toggle_private(self) -> None:
        question = self._selected()
        if question and self.app.guarded(self.app.store.questions.set_private, question.id, not question.private):
            self._reload()

    def action_delete(self) -> None:
        question = self._selected()
        if question and self.app.guarded(self.app.store.questions.delete, question.id):
            self._reload()

    def flush(self) -> bool:
        """Keep the question being typed when the worker leaves or quits; False if it could not be saved."""
        typed = bool(self.query_one("#question-input", Input).value.strip())
        if not self._save_typed():
            return False
        if typed:
            self.notify(t("questions.saved_on_leave"))
        return True

    def action_close(self) -> None:
        if self.flush():
            self.dismiss(None)
