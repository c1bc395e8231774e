"""The co-written synthesis: the conseiller's draft, part by part, beside « Ma synthèse ».

The worker comments each part (saved as they type, like answers) and marks
the draft « version validée le … ». Their comments go in the next summary.
"""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import Screen
from textual.widgets import Button, Checkbox, Static, TextArea

from journal.tui.widgets.footer import BilanFooter
from journal.core.answer_view import answer_view, view_as_text
from journal.core.assignments.synthesis_parts import split_parts
from journal.core.export.summary import current_plan
from journal.core.export.synthese_document import SYNTHESIS_EXERCISE
from journal.core.storage import JournalError
from journal.core.text_safety import inert, inert_line
from journal.i18n import t
from journal.tui.widgets.safe_editors import SafeTextArea
from journal.tui.widgets.steady_header import SteadyHeader

SAVE_DELAY = 0.6


class SynthesisScreen(Screen):
    BINDINGS = [
        Binding("escape", "back", t("keys.back")),
        Binding("ctrl+o", "open_mine", t("synthesis_screen.key_open_mine")),
    ]

    def compose(self) -> ComposeResult:
        self._bilan, plan = current_plan(self.app.store)
        self._draft = plan.draft if plan else None
        self._parts = split_parts(self._draft.text) if self._draft else []
        self._pending: dict[str, str] = {}
        review = self._review()
        yield SteadyHeader()
        with Horizontal(id="synthesis-body"):
            with VerticalScroll(id="synthesis-draft"):
                if self._draft is None:
                    yield Static(t("synthesis_screen.no_draft"), classes="muted", markup=False)
                else:
                    yield Static(
                        inert_line(t("synthesis_screen.draft_title", conseiller=self._draft.conseiller,
                                     date=self._draft.received.strftime(t("formats.date")))),
                        classes="detail-title", markup=False,
                    )
                    for index, part in enumerate(self._parts):
                        yield Static(inert_line(part.title), classes="synthesis-part-title", markup=False)
                        yield Static(inert(part.body), markup=False)
                        area = SafeTextArea(review.comments.get(part.key, ""), id=f"comment-{index}", classes="synthesis-comment")
                        area.border_title = t("synthesis_screen.comment_label")
                        yield area
            with VerticalScroll(id="synthesis-mine"):
                yield Static(t("synthesis_screen.mine_title"), classes="detail-title", markup=False)
                yield Static(self._mine(), id="synthesis-mine-text", markup=False)
                yield Button(t("synthesis_screen.open_mine"), id="open-mine")
        if self._draft is not None:
            with Horizontal(id="synthesis-validate"):
                yield Checkbox(t("synthesis_screen.validate"), review.validated_at is not None, id="validated")
                yield Static(self._validated_text(review.validated_at), id="validated-date", markup=False)
        yield BilanFooter()

    def on_mount(self) -> None:
        self.title = t("synthesis_screen.title")
        self.sub_title = ""
        areas = self.query(TextArea)
        (areas.first() if areas else self.query_one("#open-mine", Button)).focus()

    def _review(self):
        if self._draft is None or self._bilan is None:
            return None
        return self.app.store.synthesis.review(self._bilan.id, self._draft.dossier, self._draft.sequence)

    def _mine(self) -> str:
        exercise = self.app.catalogue.get(SYNTHESIS_EXERCISE)
        entry = self.app.store.entries.latest(SYNTHESIS_EXERCISE) if exercise else None
        if exercise is None or entry is None:
            return t("synthesis_screen.mine_empty")
        parts = []
        for prompt in exercise.prompts:
            view = answer_view(prompt, entry.answer(prompt.id))
            if view is not None:
                parts.append(f"{prompt.label}\n{view_as_text(view, '  ')}")
        return inert("\n\n".join(parts)) if parts else t("synthesis_screen.mine_empty")

    @staticmethod
    def _validated_text(moment) -> str:
        return t("summary.validated", date=moment.strftime(t("formats.date"))) if moment else ""

    @on(TextArea.Changed, ".synthesis-comment")
    def _comment_changed(self, event: TextArea.Changed) -> None:
        index = int((event.text_area.id or "comment-0").split("-")[1])
        self._pending[self._parts[index].key] = event.text_area.text
        self.set_timer(SAVE_DELAY, self.flush)

    def flush(self) -> bool:
        """Save pending comments now; False if the journal refused (they stay pending)."""
        if not self._pending or self._draft is None or self._bilan is None:
            return True
        pending, self._pending = self._pending, {}
        for key, text in pending.items():
            try:
                self.app.store.synthesis.comment(self._bilan.id, self._draft.dossier, self._draft.sequence, key, text)
            except JournalError as error:
                self._pending.setdefault(key, text)
                self.notify(str(error), severity="error", timeout=12, markup=False)
                return False
        return True

    @on(Checkbox.Changed, "#validated")
    def _validated(self, event: Checkbox.Changed) -> None:
        if self._draft is None or self._bilan is None:
            return
        self.flush()
        if self.app.guarded(self.app.store.synthesis.set_validated, self._bilan.id, self._draft.dossier, self._draft.sequence, event.value):
            self.query_one("#validated-date", Static).update(self._validated_text(self._review().validated_at))

    @on(Button.Pressed, "#open-mine")
    def action_open_mine(self) -> None:
        exercise = self.app.catalogue.get(SYNTHESIS_EXERCISE)
        if exercise is not None and self.flush():
            self.app.open_exercise(exercise)

    def on_screen_resume(self) -> None:
        self.query_one("#synthesis-mine-text", Static).update(self._mine())

    def action_back(self) -> None:
        if self.flush():
            self.dismiss()
