"""The home screen (tableau de bord): the four phases, their exercises and progress."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Footer, Header, OptionList, Static
from textual.widgets.option_list import Option

from journal.core.models import EntryStatus, Exercise, Phase
from journal.core.storage import JournalError
from journal.core.text_safety import inert_line
from journal.i18n import t
from journal.tui.safe_text import plain, plain_line, text
from journal.tui.widgets.assignment_panel import AssignmentPanel

STATUS_MARKS = {EntryStatus.NOT_STARTED: "○", EntryStatus.STARTED: "◐", EntryStatus.DONE: "●"}


class HomeScreen(Screen):
    BINDINGS = [
        Binding("enter", "open_exercise", t("keys.open"), show=True, priority=False),
        Binding("n", "app.notes", t("keys.notes")),
        Binding("e", "app.export", t("keys.export")),
        Binding("i", "app.import_file", t("panel.key_import")),
        Binding("s", "app.synthesis", t("panel.key_synthesis")),
        Binding("question_mark,f1", "app.help", t("keys.help")),
    ]

    def compose(self) -> ComposeResult:
        yield Header()
        yield AssignmentPanel(id="assignment-panel")
        with Horizontal(id="home-body"):
            yield OptionList(id="exercise-list")
            with VerticalScroll(id="exercise-detail"):
                yield Static(id="detail", markup=False)
        yield Footer()

    def on_mount(self) -> None:
        self.title = t("app.name")
        self.sub_title = t("home.subtitle")
        self.refresh_list()
        self.query_one(OptionList).focus()

    def on_screen_resume(self) -> None:
        try:
            changed = self.app.store.refresh()
        except JournalError as error:
            self.notify(plain(error), severity="error", timeout=12, markup=False)
            return
        if changed:
            self.notify(t("home.changed_elsewhere"))
        self.refresh_list()

    def refresh_list(self) -> None:
        """Rebuild the list from the journal (picks up changes made in another window)."""
        self.query_one(AssignmentPanel).refresh_panel()
        option_list = self.query_one(OptionList)
        highlighted = option_list.highlighted
        option_list.clear_options()
        catalogue, store = self.app.catalogue, self.app.store
        for phase in Phase:
            exercises = catalogue.in_phase(phase)
            statuses = [store.entries.status(exercise.id) for exercise in exercises]
            done = sum(1 for status in statuses if status == EntryStatus.DONE)
            heading = Content.from_markup(
                "[b]$title[/b]  [dim]$progress[/dim]",
                title=t("home.phase_heading", number=phase.number, name=t(f"phases.{phase.value}")),
                progress=t("home.phase_progress", done=done, total=len(exercises)),
            )
            option_list.add_option(Option(heading, id=f"phase:{phase.value}", disabled=True))
            for exercise, status in zip(exercises, statuses):
                line = Content.assemble(
                    f"  {STATUS_MARKS[status]} ",
                    (plain_line(exercise.title), "bold" if status != EntryStatus.DONE else ""),
                    (f"  {t('panel.proposed_by', conseiller=inert_line(exercise.proposed_by))}" if exercise.proposed_by else "", "dim"),
                    (self._privacy_mark(exercise), "italic"),
                )
                option_list.add_option(Option(line, id=f"exercise:{exercise.id}"))
        if highlighted is not None and highlighted < option_list.option_count:
            option_list.highlighted = highlighted
        else:
            option_list.action_first()
        self._show_detail()

    def _privacy_mark(self, exercise: Exercise) -> str:
        """« ⊘ privé » when every instance of the exercise is private, « en partie » when some are."""
        private = [entry.private for entry in self.app.store.entries.for_exercise(exercise.id)]
        if private and all(private):
            return "  " + t("hardening.home_private")
        return "  " + t("hardening.home_partly_private") if any(private) else ""

    def _selected_exercise(self) -> Exercise | None:
        option_list = self.query_one(OptionList)
        if option_list.highlighted is None:
            return None
        option_id = option_list.get_option_at_index(option_list.highlighted).id or ""
        kind, _, identifier = option_id.partition(":")
        return self.app.catalogue.get(identifier) if kind == "exercise" else None

    @on(OptionList.OptionHighlighted)
    def _show_detail(self) -> None:
        exercise = self._selected_exercise()
        detail = self.query_one("#detail", Static)
        if exercise is None:
            detail.update(t("home.pick_one"))
            return
        store = self.app.store
        entries = store.entries.for_exercise(exercise.id)
        lines = [
            str(exercise.title),
            t("home.detail_phase", name=t(f"phases.{exercise.phase.value}"), minutes=exercise.duration_minutes),
            "",
            str(exercise.summary),
            "",
            t("home.detail_status", status=t(f"status.{store.entries.status(exercise.id).value}")),
        ]
        if entries:
            last = max(entry.updated_at for entry in entries)
            lines.append(t("home.detail_updated", date=last.strftime(t("formats.datetime"))))
        if exercise.repeatable:
            lines.append(t("home.detail_repeatable", count=len(entries)))
        if any(entry.private for entry in entries):
            lines.append(t("home.detail_private"))
        lines += ["", t("home.legend"), "", t("home.detail_open")]
        detail.update(text("\n".join(lines)))

    @on(OptionList.OptionSelected)
    def _selected(self) -> None:
        self.action_open_exercise()

    def action_open_exercise(self) -> None:
        exercise = self._selected_exercise()
        if exercise is not None:
            self.app.open_exercise(exercise)
