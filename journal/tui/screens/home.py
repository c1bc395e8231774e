"""The home screen (tableau de bord): « Par où commencer ? », then the four phases, their exercises and progress.

The right-hand column (``#home-side``) holds the detail of what is highlighted;
other panels (assignments…) are mounted in that column above it.
"""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from journal.tui.widgets.footer import BilanFooter
from journal.core.models import Entry, EntryStatus, Exercise, Phase
from journal.core.progress import assigned_exercises, bar, next_step, progress
from journal.core.progress_text import next_step_reason, next_step_title, progress_lines
from journal.core.storage import JournalError
from journal.core.text_safety import inert_line
from journal.i18n import t
from journal.tui.safe_text import plain, plain_line, text
from journal.tui.widgets.assignment_panel import AssignmentPanel
from journal.tui.widgets.steady_header import SteadyHeader

STATUS_MARKS = {EntryStatus.NOT_STARTED: "○", EntryStatus.STARTED: "◐", EntryStatus.DONE: "●"}
UNKNOWN = "…"  # a state or a count not known yet: the journal is being read (never a guess)


class HomeScreen(Screen):
    OPENS_ON_ENTER = True  # Enter opens an exercise: keys typed meanwhile are held for it (see BilanApp.on_event)
    _just_built = False
    _statuses: dict = {}  # read with the list (refresh_list), for the detail pane; never changed in place
    _current: dict = {}

    BINDINGS = [
        Binding("enter", "open_exercise", t("keys.open"), show=True, priority=False),
        Binding("n", "app.notes", t("keys.notes")),
        Binding("e", "app.export", t("keys.export")),
        Binding("i", "app.import_file", t("panel.key_import")),
        Binding("s", "app.synthesis", t("panel.key_synthesis")),
    ]

    def compose(self) -> ComposeResult:
        yield SteadyHeader()
        if self.app.demo:
            yield Static(t("worker.demo.banner"), id="demo-banner")
        yield AssignmentPanel(id="assignment-panel")
        with Horizontal(id="home-body"):
            yield OptionList(id="exercise-list")
            with Vertical(id="home-side"):
                yield from self.compose_side_panels()
                with VerticalScroll(id="exercise-detail"):
                    yield Static(id="detail", markup=False)
        yield BilanFooter()

    def on_mount(self) -> None:
        self.title = t("app.name")
        self.sub_title = t("home.subtitle")
        self.refresh_list()
        self._just_built = True
        self.query_one(OptionList).focus()

    def on_screen_resume(self) -> None:
        if self._just_built:
            # The resume that follows the first mount: the list was built a moment ago, from the journal just read.
            self._just_built = False
            return
        try:
            changed = self.app.store.refresh()
        except JournalError as error:
            self.notify(plain(error), severity="error", timeout=12, markup=False)
            return
        if changed:
            self.notify(t("home.changed_elsewhere"))
        self.refresh_list()

    def help_section(self) -> str:
        return t("worker.help.home")

    def compose_side_panels(self) -> ComposeResult:
        """Panels shown above the detail in the right-hand column (none yet on their own)."""
        yield from ()

    def refresh_list(self) -> None:
        """Rebuild the list from the journal (picks up changes made in another window)."""
        option_list = self.query_one(OptionList)
        highlighted = option_list.highlighted
        option_list.clear_options()
        catalogue, store = self.app.catalogue, self.app.store
        if store is None:
            self.query_one(AssignmentPanel).display = False  # whether there is a bilan is in the journal
            options = self._options_while_reading(catalogue)
        else:
            self.query_one(AssignmentPanel).refresh_panel()
            self.next_step = next_step(catalogue, store, assigned_exercises(store))
            self.progress = progress(catalogue, store)
            # Kept for the detail pane: moving through the list must not read the whole journal on every arrow key.
            self._statuses = store.entries.statuses()
            self._current = store.entries.current()
            options = self._options(catalogue)
        option_list.add_options(options)  # in one go: the list lays its lines out once, not once per option
        if highlighted is not None and highlighted < option_list.option_count:
            option_list.highlighted = highlighted
        else:
            option_list.highlighted = 1  # the suggested next step
        self._show_detail()

    def _options(self, catalogue) -> list[Option]:
        statuses, current = self._statuses, self._current
        options = [
            Option(Content.from_markup("[b]$title[/b]", title=t("worker.home.start_here")), disabled=True),
            Option(Content.assemble((next_step_title(self.next_step), "bold")), id="next"),
        ]
        for phase_progress in self.progress.phases:
            phase = phase_progress.phase
            heading = _phase_heading(phase, bar(phase_progress.done, phase_progress.total, 6), f"{phase_progress.done}/{phase_progress.total}")
            options.append(Option(heading, id=f"phase:{phase.value}", disabled=True))
            for exercise in catalogue.in_phase(phase):
                status = statuses.get(exercise.id, EntryStatus.NOT_STARTED)
                line = Content.assemble(
                    f"  {STATUS_MARKS[status]} ",
                    (plain_line(exercise.title), "bold" if status != EntryStatus.DONE else ""),
                    *_after_title(exercise),
                    (_privacy_mark(current.get(exercise.id, [])), "italic"),
                    ("" if exercise.essential else "  +", "dim"),
                )
                options.append(Option(line, id=f"exercise:{exercise.id}"))
        return options

    def _options_while_reading(self, catalogue) -> list[Option]:
        """The list before the journal is read: the same lines and places, every state and count « … »."""
        options = [
            Option(Content.from_markup("[b]$title[/b]", title=t("worker.home.start_here")), disabled=True),
            Option(Content.assemble((UNKNOWN, "dim")), id="next"),
        ]
        for phase in Phase:
            options.append(Option(_phase_heading(phase, UNKNOWN, ""), id=f"phase:{phase.value}", disabled=True))
            for exercise in catalogue.in_phase(phase):
                line = Content.assemble(
                    f"  {UNKNOWN} ",
                    plain_line(exercise.title),
                    *_after_title(exercise),
                    ("" if exercise.essential else "  +", "dim"),
                )
                options.append(Option(line, id=f"exercise:{exercise.id}"))
        return options

    def _selected_exercise(self) -> Exercise | None:
        option_list = self.query_one(OptionList)
        if option_list.highlighted is None:
            return None
        option_id = option_list.get_option_at_index(option_list.highlighted).id or ""
        kind, _, identifier = option_id.partition(":")
        return self.app.catalogue.get(identifier) if kind == "exercise" else None

    def _on_next_step(self) -> bool:
        option_list = self.query_one(OptionList)
        return option_list.highlighted is not None and option_list.get_option_at_index(option_list.highlighted).id == "next"

    @on(OptionList.OptionHighlighted)
    def _show_detail(self) -> None:
        detail = self.query_one("#detail", Static)
        if self.app.store is None:
            detail.update(t("first_screen.reading"))
            return
        if self._on_next_step():
            lines = [t("worker.home.start_here"), "", next_step_title(self.next_step), next_step_reason(self.next_step)]
            if self.next_step is not None:
                lines.append(t("worker.home.open_hint"))
            detail.update("\n".join([*lines, "", *progress_lines(self.progress)]))
            return
        exercise = self._selected_exercise()
        if exercise is None:
            detail.update(t("home.pick_one"))
            return
        entries = self._current.get(exercise.id, [])
        lines = [
            str(exercise.title),
            t("home.detail_phase", name=t(f"phases.{exercise.phase.value}"), minutes=exercise.duration_minutes, depth=t(f"depth.{exercise.depth.value}")),
            "",
            str(exercise.summary),
            "",
            t("home.detail_status", status=t(f"status.{self._statuses.get(exercise.id, EntryStatus.NOT_STARTED).value}")),
        ]
        if entries:
            last = max(entry.updated_at for entry in entries)
            lines.append(t("home.detail_updated", date=last.strftime(t("formats.datetime"))))
        if exercise.repeatable:
            lines.append(t("home.detail_repeatable", count=len(entries)))
        if any(entry.drafts for entry in entries):
            lines.append(t("worker.synthesis.home_draft"))
        if any(entry.private for entry in entries):
            lines.append(t("home.detail_private"))
        lines += ["", t("home.legend"), "", t("home.detail_open")]
        detail.update(text("\n".join(lines)))

    @on(OptionList.OptionSelected)
    def _selected(self) -> None:
        self.action_open_exercise()

    def action_open_exercise(self) -> None:
        if self.app.store is None:
            return  # nothing to open before the journal is read (keys wait for it; see BilanApp.on_journal_read)
        if self._on_next_step() and self.next_step is not None:
            self.app.open_exercise_instance(self.next_step.exercise, self.next_step.instance)
            return
        exercise = None if self._on_next_step() else self._selected_exercise()
        if exercise is not None:
            self.app.open_exercise(exercise)
        else:
            self.app.release_keys(force=True)  # nothing opens: keys typed after Enter stay here


def _phase_heading(phase: Phase, progress_bar: str, count: str) -> Content:
    return Content.from_markup(
        "[b]$title[/b]  $bar [b]$count[/b]",
        title=t("home.phase_heading", number=phase.number, name=t(f"phases.{phase.value}")),
        bar=progress_bar,
        count=count,
    )


def _after_title(exercise: Exercise) -> tuple:
    """Who proposed the exercise, after its title (parts of ``Content.assemble``)."""
    return ((f"  {t('panel.proposed_by', conseiller=inert_line(exercise.proposed_by))}" if exercise.proposed_by else "", "dim"),)


def _privacy_mark(entries: list[Entry]) -> str:
    """« ⊘ privé » when every instance of the exercise is private, « en partie » when some are."""
    private = [entry.private for entry in entries]
    if private and all(private):
        return "  " + t("hardening.home_private")
    return "  " + t("hardening.home_partly_private") if any(private) else ""
