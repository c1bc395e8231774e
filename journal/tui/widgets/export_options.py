"""The export screen's choices: phases, exercises, period, notes. Posts ``Changed`` whenever one changes."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.message import Message
from textual.widgets import Checkbox, Input, SelectionList, Static

from journal.core.assignments.dates import BadDate, parse_day
from journal.core.export.options import ExportOptions
from journal.core.models import Phase
from journal.core.text_safety import inert_line
from journal.i18n import t
from journal.tui.widgets.safe_editors import SafeInput

# An exercise id no exercise has: the worker unticked every phase or every exercise.
NOTHING = ("\0none",)


class ExportOptionsPanel(VerticalScroll):
    DEFAULT_CSS = """
    ExportOptionsPanel { width: 34; border-right: solid $primary-darken-2; padding: 0 1; }
    ExportOptionsPanel SelectionList { height: auto; max-height: 8; border: none; padding: 0; }
    ExportOptionsPanel Input { width: 100%; }
    """

    class Changed(Message):
        pass

    def compose(self) -> ComposeResult:
        yield Static(t("export_screen_options.phases"), classes="muted", markup=False)
        yield SelectionList[str](
            *[(t("export.phase_heading", number=p.number, name=t(f"phases.{p.value}")), p.value, True) for p in Phase],
            id="export-phases",
        )
        yield Static(t("export_screen_options.exercises"), classes="muted", markup=False)
        found = self.app.store.entries.statuses()
        started = [e for e in self.app.catalogue.exercises if e.id in found]
        yield SelectionList[str](*[(inert_line(str(e.title)), e.id, True) for e in started], id="export-exercises")
        yield Static(t("export_screen_options.since"), classes="muted", markup=False)
        yield SafeInput(placeholder=t("export_screen_options.since_placeholder"), id="export-since")
        yield Checkbox(t("export_screen_options.notes"), True, id="export-notes")
        yield Checkbox(t("export.moods_option"), False, id="export-moods")

    def options(self) -> ExportOptions:
        phases = tuple(Phase(value) for value in self.query_one("#export-phases", SelectionList).selected)
        exercises_list = self.query_one("#export-exercises", SelectionList)
        chosen = tuple(exercises_list.selected)
        if not phases or (exercises_list.option_count and not chosen):
            exercises = NOTHING
        else:
            exercises = () if len(chosen) == exercises_list.option_count else chosen
        raw = self.query_one("#export-since", Input).value.strip()
        try:
            since = parse_day(raw) if raw else None
        except BadDate:
            since = None
        notes = self.query_one("#export-notes", Checkbox).value
        moods = notes and self.query_one("#export-moods", Checkbox).value
        return ExportOptions(since=since, exercises=exercises, phases=phases, notes=notes, moods=moods)

    @on(SelectionList.SelectedChanged)
    @on(Checkbox.Changed)
    def _changed(self) -> None:
        self.post_message(self.Changed())

    @on(Input.Changed, "#export-since")
    def _since(self, event: Input.Changed) -> None:
        raw = event.value.strip()
        if not raw:
            self.post_message(self.Changed())
            return
        try:
            parse_day(raw)
        except BadDate:
            return
        self.post_message(self.Changed())
