"""The top of the home screen: the next appointment, the conseiller's message, the exercises proposed.

A proposed date that has passed says so in words (« date proposée passée »),
with no count of days late and no judgement. Everything from the assignment
file is shown inert (no markup, no control characters).
"""

from __future__ import annotations

from datetime import date, datetime

from rich.text import Text
from textual.widgets import Static

from journal.core.assignments.plan import Appointment, current_plan
from journal.core.progress_text import moment_text
from journal.core.text_safety import inert, inert_line
from journal.i18n import t

MESSAGE_LINES = 4


def appointment_text(appointment: Appointment, today: date) -> str:
    if appointment.at is not None:
        local = appointment.at.astimezone()
        when = moment_text(appointment.at)
        days = (local.date() - today).days
    else:
        start, end = appointment.window
        when = t("panel.window", start=start.strftime(t("formats.date")), end=end.strftime(t("formats.date")))
        days = (start - today).days
    if days <= 0:
        return t("panel.appointment_today", when=when)
    return t("panel.appointment", when=when, days=days)


class AssignmentPanel(Static):
    """Shown only when the journal has a bilan with a conseiller."""

    DEFAULT_CSS = """
    AssignmentPanel { height: auto; max-height: 12; padding: 0 1; border-bottom: solid $primary-darken-2; }
    """

    def refresh_panel(self) -> None:
        store, catalogue = self.app.store, self.app.catalogue
        bilan, plan = current_plan(store)
        if bilan is None or plan is None:
            self.display = False
            return
        self.display = True
        now = datetime.now().astimezone()
        text = Text()
        text.append(inert_line(t("panel.with", conseiller=bilan.conseiller)), style="bold")
        coming = plan.next_appointment(now)
        text.append("  ·  ")
        text.append(inert_line(appointment_text(coming, now.date()) if coming else t("panel.no_appointment")))
        if plan.message:
            lines = inert(plan.message).strip().splitlines()
            shown = lines[:MESSAGE_LINES] + (["…"] if len(lines) > MESSAGE_LINES else [])
            text.append("\n" + "\n".join(f"  « {line} »" if i == 0 else f"    {line}" for i, line in enumerate(shown)), style="italic")
        for item in plan.exercises:
            exercise = catalogue.get(item.id)
            if exercise is None:
                continue
            status = store.entries.status(item.id)
            line = t("panel.exercise", title=inert_line(str(exercise.title)), status=t(f"status.{status.value}"))
            if item.due and status.value != "done":
                key = "panel.due_passed" if item.due < now.date() else "panel.due"
                line = t(key, line=line, date=item.due.strftime(t("formats.date")))
            text.append("\n  • " + line)
        if plan.draft:
            text.append("\n  " + t("panel.draft", conseiller=inert_line(plan.draft.conseiller)), style="bold")
        if plan.suivi:
            text.append("\n  " + t("panel.suivi"))
        self.update(text)
