"""The exercise screen: why and how, then every prompt with its editor, saved as typed."""

from __future__ import annotations

import time
from datetime import datetime
from functools import partial

from textual import on, work
from textual.reactive import Reactive
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.screen import Screen
from textual.widgets import Button, Collapsible, Input, Markdown, Static, TextArea

from journal.tui.widgets.footer import BilanFooter
from journal.core.answer_view import is_empty
from journal.core.completion import missing_required
from journal.core.decision import LEADS_PROMPT, is_decision_exercise
from journal.core.help_pages import page_key
from journal.core.last_place import Place, save_place
from journal.core.models import EntryStatus, Exercise
from journal.core.prefill import prefill_value
from journal.i18n import t
from journal.tui.autosave import Autosave
from journal.tui.external_editor import EditorProblem, edit_text
from journal.tui.safe_text import line, plain, plain_line, text
from journal.tui.screens.history import HistoryScreen
from journal.tui.screens.laid_out_once import LaidOutOnce
from journal.tui.screens.missing_answers import MissingAnswersScreen
from journal.tui.widgets.decision_table import DecisionTableView
from journal.tui.widgets.lazy_collapsible import LazyCollapsible
from journal.tui.widgets.editors import AnswerChanged, editor_for
from journal.core.export.markdown_escape import escape_block, escape_inline
from journal.core.text_safety import inert, inert_line
from journal.tui.widgets.privacy_marker import PrivacyMarker
from journal.tui.widgets.prompt_block import PromptBlock
from journal.tui.widgets.steady_header import SteadyHeader

SAVE_DELAY = 0.4
# After a failed save (disk full, read-only disk), try again this often until it works.
RETRY_SECONDS = 5.0


def markdown_of(source: str) -> list[Markdown]:
    """The contents of a folded page: its Markdown, built when it is opened."""
    return [Markdown(source)]


def place_cursor(field, cursor: tuple[int, int]) -> None:
    """Put the cursor of a text field back at ``cursor`` (clamped to the text as it is now)."""
    if isinstance(field, TextArea):
        row = min(cursor[0], field.document.line_count - 1)
        column = min(cursor[1], len(field.document.get_line(row)))
        field.move_cursor((row, column))
    elif isinstance(field, Input):
        field.cursor_position = min(cursor[1], len(field.value))


class ExerciseScreen(LaidOutOnce, Screen):
    AUTO_FOCUS = ".prompt *"
    # The subtitle carries the save state, which changes on the first key of every burst of typing. Only the
    # header shows it, and the header repaints itself when it changes: the whole screen need not be repainted.
    sub_title: Reactive[str | None] = Reactive(None, compute=False, repaint=False)
    BINDINGS = [
        Binding("escape", "back", t("keys.back")),
        # Also the app's (which works even in a text field): named here so that the footer shows it early, before
        # it is cut at 80 columns.
        Binding("f1", "app.help", t("keys.help"), key_display="F1"),
        Binding("ctrl+t", "toggle_done", t("keys.done")),
        Binding("ctrl+r", "toggle_private", t("keys.private")),
        Binding("f3", "toggle_prompt_private", t("hardening.key_prompt_private")),
        Binding("f2", "history", t("keys.history")),
        Binding("ctrl+e", "external_editor", t("worker.editor.key"), show=False, priority=True),
    ]

    def __init__(self, exercise: Exercise, instance: int = 1, place: Place | None = None):
        """``place``: the question and cursor to go back to (resume, search result)."""
        super().__init__()
        self.exercise = exercise
        self.instance = instance
        self.place = place
        self._new_drafts: dict = {}
        self._draft_notices: dict[str, Static] = {}  # « brouillon à relire », by question, until the worker changes it
        self.autosave = Autosave(self.app.store, exercise.id, instance, self._saved_from_thread)
        self._timer = None
        self._changed_at = 0.0  # when the worker last changed an answer (time.monotonic)
        self._state_text = ""
        self._answers: dict = {}
        self._decision_view: DecisionTableView | None = None
        self._failing = False  # the last save failed: the warning stays up and saves are retried

    # -- layout -----------------------------------------------------------------

    def compose(self) -> ComposeResult:
        exercise = self.exercise
        store = self.app.store
        entry = store.entries.latest(exercise.id, self.instance)
        answers = entry.answers if entry else {}
        self._answers = dict(answers)
        yield SteadyHeader()
        with VerticalScroll(id="exercise-body"):
            yield Static(text(exercise.summary), classes="exercise-summary")
            with Collapsible(title=t("exercise.why"), collapsed=entry is not None):
                yield Static(text(exercise.why))
            with Collapsible(title=t("exercise.how", minutes=exercise.duration_minutes), collapsed=entry is not None):
                yield Static(text(exercise.how))
            for resource in exercise.resources:
                yield LazyCollapsible(partial(markdown_of, plain(resource.body)), title=line(resource.title))
            for page in exercise.pages:
                yield LazyCollapsible(
                    partial(markdown_of, t(page_key(page, "body"))), title=t(page_key(page, "title")), id=f"page-{page}"
                )
            for number, prompt in enumerate(exercise.prompts, start=1):
                value = answers.get(prompt.id)
                drafted = entry is not None and prompt.id in entry.drafts
                if is_empty(value):
                    drafted_value = prefill_value(prompt, self.app.catalogue, store)
                    if drafted_value is not None:
                        # A draft from earlier answers: saved at once, so it is there next time.
                        value, drafted = drafted_value, True
                        self._new_drafts[prompt.id] = drafted_value
                        self._answers[prompt.id] = drafted_value
                    elif prompt.default:
                        value = str(prompt.default)
                        self.autosave.carry(prompt.id, value)
                        self._answers[prompt.id] = value
                with PromptBlock(classes="prompt", name=prompt.id):
                    optional = f" {t('exercise.optional')}" if prompt.optional else ""
                    yield Static(line(f"{number}. {prompt.label}{optional}"), classes="prompt-label")
                    if prompt.help:
                        yield Static(text(prompt.help), classes="prompt-help")
                    if drafted:
                        notice = self._draft_notices[prompt.id] = Static(t("worker.synthesis.draft"), classes="prompt-prefilled")
                        yield notice
                    yield PrivacyMarker(prompt.id, entry.is_private(prompt) if entry else prompt.private)
                    yield editor_for(prompt, value, id=f"prompt-{prompt.id}")
                if prompt.id == LEADS_PROMPT and is_decision_exercise(exercise):
                    self._decision_view = DecisionTableView(exercise, self._answers, id="decision-table")
                    yield self._decision_view
            with Collapsible(title=t("exercise.bring"), collapsed=False, id="bring"):
                yield Static(text(exercise.bring))
            with Horizontal(id="exercise-actions"):
                yield Button(t("exercise.mark_done"), id="toggle-done", variant="primary")
                yield Button(t("exercise.mark_private"), id="toggle-private")
                yield Button(t("exercise.history"), id="history")
                yield Button(t("exercise.back"), id="back")
        yield BilanFooter()

    def on_mount(self) -> None:
        title = str(self.exercise.title)
        if self.exercise.repeatable:
            entry = self.app.store.entries.latest(self.exercise.id, self.instance)
            if entry:
                title += " · " + entry.created_at.strftime(t("formats.date"))
        self.title = plain_line(title)
        self._save_new_drafts()
        self._refresh_state()
        # AUTO_FOCUS has put the focus in the first question as soon as the screen was
        # composed, so keys typed at once land there; bring it into view (the why and how
        # stay just above it).
        if self.place is not None and self.place.prompt_id:
            self.call_after_refresh(self._go_to, self.place)
        self.call_after_refresh(self._show_focused)

    def on_screen_resume(self) -> None:
        # Keys typed while the screen was being built were held: once it is shown, the focus is in place.
        self.call_after_refresh(self.app.release_keys)

    def _save_new_drafts(self) -> None:
        """Save the pre-filled drafts now and mark them « brouillon à relire » until the worker changes them."""
        if not self._new_drafts:
            return
        for prompt_id, value in self._new_drafts.items():
            self.autosave.change(prompt_id, value)
        error = self.autosave.flush()
        if error is None:
            self.app.guarded(self.app.store.entries.mark_drafts, self.exercise.id, list(self._new_drafts), self.instance)
        else:
            self.notify(str(error), severity="error", timeout=10, markup=False)

    def _show_focused(self) -> None:
        if self.focused is not None:
            self.focused.scroll_visible(animate=False)

    def _go_to(self, place: Place) -> None:
        """Focus the question of ``place`` and put the cursor back where it was."""
        editors = self.query(f"#prompt-{place.prompt_id}")
        if not editors:
            return
        for field in editors.first().query("TextArea, Input"):
            field.focus()
            if place.cursor is not None:
                place_cursor(field, place.cursor)
            return
        editors.first().focus()

    def current_place(self) -> Place:
        """The question the focus is in, and the cursor in it."""
        prompt_id, cursor = None, None
        node = self.focused
        if isinstance(node, TextArea):
            cursor = tuple(node.cursor_location)
        elif isinstance(node, Input):
            cursor = (0, node.cursor_position)
        while node is not None and node is not self:
            if (node.id or "").startswith("prompt-"):
                prompt_id = node.id.removeprefix("prompt-")
                break
            node = node.parent
        return Place(self.exercise.id, self.instance, prompt_id, cursor)

    def remember_place(self) -> None:
        self.app.guarded(save_place, self.app.store, self.current_place())

    def help_section(self) -> str:
        """What this exercise asks and how to go about it, for the help screen."""
        exercise = self.exercise
        return t(
            "worker.help.exercise",
            title=escape_inline(inert_line(str(exercise.title))),
            summary="\n".join(escape_block(inert(str(exercise.summary)))),
            how="\n".join(escape_block(inert(str(exercise.how)))),
        )

    # -- saving -----------------------------------------------------------------

    @on(AnswerChanged)
    def _answer_changed(self, event: AnswerChanged) -> None:
        # This runs on every key typed: nothing here may walk the screen's widgets or the journal.
        event.stop()
        self.autosave.change(event.prompt_id, event.value)
        self._answers[event.prompt_id] = event.value
        if self._draft_notices and event.prompt_id in self._draft_notices:
            self._draft_notices.pop(event.prompt_id).remove()  # the answer is the worker's now (the journal agrees)
        if self._decision_view is not None:
            self._decision_view.show(self._answers)
        self._show_state(t("exercise.saving"))
        self._changed_at = time.monotonic()
        if self._failing and self._timer is not None:
            # Saving failed and waits to retry: a change is worth trying again sooner.
            self._timer.stop()
            self._timer = None
        if self._timer is None:
            self._timer = self.set_timer(SAVE_DELAY, self._save_when_quiet)

    def _save_when_quiet(self) -> None:
        """Save once the worker has not typed for SAVE_DELAY (one timer per pause, not one per key)."""
        waited = time.monotonic() - self._changed_at
        if waited < SAVE_DELAY:
            self._timer = self.set_timer(SAVE_DELAY - waited, self._save_when_quiet)
            return
        self._timer = None
        self._save_in_background()

    @work(thread=True, exclusive=False, group="autosave")
    def _save_in_background(self) -> None:
        self.autosave.flush()

    def _saved_from_thread(self, error: Exception | None) -> None:
        try:
            self.app.call_from_thread(self._saved, error)
        except RuntimeError:
            self._saved(error)

    def _saved(self, error: Exception | None) -> None:
        if getattr(self, "_unmounting", False) or not self.is_attached or not self.query("#toggle-done"):
            return  # a save that finished as or after the worker left the screen: nothing left to show it on
        if error is not None:
            if not self._failing:
                self.notify(plain(error), severity="error", timeout=30, markup=False)
            self._failing = True
            self._show_state(t("exercise.save_failed"))
            if self._timer is not None:
                self._timer.stop()
            self._timer = self.set_timer(RETRY_SECONDS, self._save_when_quiet)
            return
        if self._failing:
            self._failing = False
            self.app.clear_notifications()  # the failure it announced is over
            self.notify(t("storage_errors.saved_again"))
        self._refresh_state(saved_at=datetime.now())

    def flush(self) -> bool:
        """Save what is pending right now, on the calling thread; False if it could not be saved."""
        self.remember_place()
        if self._timer is not None:
            self._timer.stop()
            self._timer = None
        error = self.autosave.flush()
        if error is not None:
            self.notify(plain(error), severity="error", timeout=10, markup=False)
            return False
        return True

    def _refresh_state(self, saved_at: datetime | None = None) -> None:
        entry = self.app.store.entries.latest(self.exercise.id, self.instance)
        status = entry.status if entry else EntryStatus.NOT_STARTED
        private = bool(entry and entry.private)
        parts = [t(f"status.{status.value}")]
        if private:
            parts.append(t("exercise.state_private"))
        if saved_at is not None:
            parts.append(t("exercise.saved_at", time=saved_at.strftime("%H:%M")))
        elif entry is not None:
            parts.append(t("exercise.saved_on", date=entry.updated_at.strftime(t("formats.date"))))
        self._show_state(" · ".join(parts))
        self.query_one("#toggle-done", Button).label = t("exercise.mark_started") if status == EntryStatus.DONE else t("exercise.mark_done")
        self.query_one("#toggle-private", Button).label = t("exercise.mark_shared") if private else t("exercise.mark_private")

    def _show_state(self, text: str) -> None:
        if text == self._state_text:
            return
        self._state_text = text
        phase = t(f"phases.{self.exercise.phase.value}")
        self.sub_title = f"{t('exercise.subtitle', number=self.exercise.phase.number, phase=phase)} · {text}"

    # -- actions ----------------------------------------------------------------

    @on(Button.Pressed, "#toggle-done")
    def action_toggle_done(self) -> None:
        self.flush()
        entry = self.app.store.entries.latest(self.exercise.id, self.instance)
        done = entry is not None and entry.status == EntryStatus.DONE
        missing = [] if done else missing_required(self.exercise, entry.answers if entry else {})
        if missing:
            self.app.push_screen(MissingAnswersScreen(self.exercise, missing), self._confirmed_done)
            return
        self._set_done(not done)

    def _confirmed_done(self, confirmed: bool | None) -> None:
        if confirmed:
            self._set_done(True)

    def _set_done(self, done: bool) -> None:
        new_status = EntryStatus.DONE if done else EntryStatus.STARTED
        if not self.app.guarded(self.app.store.entries.set_status, self.exercise.id, new_status, self.instance):
            return
        self.notify(t("exercise.now_done") if done else t("exercise.now_started"))
        self._refresh_state()

    @on(Button.Pressed, "#toggle-private")
    def action_toggle_private(self) -> None:
        self.flush()
        entry = self.app.store.entries.latest(self.exercise.id, self.instance)
        private = not (entry is not None and entry.private)
        if not self.app.guarded(self.app.store.entries.set_private, self.exercise.id, private, self.instance):
            return
        self.notify(t("exercise.now_private") if private else t("exercise.now_shared"))
        self._refresh_state()

    def action_external_editor(self) -> None:
        """Open the focused text answer in the worker's editor; the result is saved like typing."""
        field = self.focused
        if not isinstance(field, (TextArea, Input)) or not self.current_place().prompt_id:
            self.notify(t("worker.editor.pick_text"), severity="warning")
            return
        text = field.text if isinstance(field, TextArea) else field.value
        try:
            edited = edit_text(self.app, text)
        except EditorProblem as problem:
            key = "worker.editor.none" if str(problem) == "no-editor" else "worker.editor.failed"
            self.notify(t(key, problem=str(problem)), severity="error", timeout=10, markup=False)
            return
        finally:
            self.app.refresh()
        if edited is None:
            return
        if isinstance(field, TextArea):
            field.text = edited
            field.move_cursor(field.document.end)
        else:
            field.value = " ".join(edited.split())
        self.notify(t("worker.editor.back"))
    def action_toggle_prompt_private(self, prompt_id: str | None = None) -> None:
        """Make the answer to the question holding the focus private, or share it again."""
        prompt_id = prompt_id or self._focused_question()
        if prompt_id is None:
            self.notify(t("hardening.pick_a_question"), severity="warning")
            return
        prompt = next(p for p in self.exercise.prompts if p.id == prompt_id)
        self.flush()
        entry = self.app.store.entries.latest(self.exercise.id, self.instance)
        private = not (entry.is_private(prompt) if entry else prompt.private)
        if not self.app.guarded(self.app.store.entries.set_prompt_private, self.exercise.id, prompt_id, private, self.instance):
            return
        for marker in self.query(PrivacyMarker):
            if marker.prompt_id == prompt_id:
                marker.show(private)
        self.notify(t("hardening.now_answer_private") if private else t("hardening.now_answer_shared"))

    def _focused_question(self) -> str | None:
        """The id of the question that holds the focus, if any."""
        node = self.focused
        while node is not None and not node.has_class("prompt"):
            node = node.parent
        return node.name if node is not None else None

    @on(PrivacyMarker.Toggled)
    def _marker_clicked(self, event: PrivacyMarker.Toggled) -> None:
        event.stop()
        self.action_toggle_prompt_private(event.prompt_id)

    @on(Button.Pressed, "#history")
    def action_history(self) -> None:
        self.flush()
        entry = self.app.store.entries.get(self.exercise.id, self.instance)
        if self.app.store.versions_notice:  # the file of earlier versions was damaged and set aside
            self.notify(plain(self.app.store.versions_notice), severity="warning", timeout=15, markup=False)

        def closed(restored: bool | None) -> None:
            if restored:
                # The editors show the restored answers: the screen is built again from the journal.
                place = self.current_place()
                self.dismiss()
                self.app.push_screen(ExerciseScreen(self.exercise, self.instance, place=place))

        self.app.push_screen(HistoryScreen(self.exercise, entry), closed)

    @on(Button.Pressed, "#back")
    def action_back(self) -> None:
        if self.flush():
            self.dismiss()

    def on_unmount(self) -> None:
        self._unmounting = True
        self.autosave.flush()
