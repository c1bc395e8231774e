"""The words of « Par où commencer ? » and of the progress block, shared by the home screen and ``bilan status``."""

from __future__ import annotations

from datetime import datetime

from journal.core.progress import NextStep, PhaseProgress, Progress, bar, duration_text
from journal.core.text_safety import inert_line
from journal.i18n import t


def phase_name(phase_progress: PhaseProgress) -> str:
    return t(f"phases.{phase_progress.phase.value}")


def time_text(minutes: int) -> str:
    return duration_text(minutes, t("worker.home.hour"))


def next_step_title(step: NextStep | None) -> str:
    if step is None:
        return t("worker.home.all_done_line")
    return t("worker.home.next_line", title=inert_line(str(step.exercise.title)))


def next_step_reason(step: NextStep | None) -> str:
    if step is None:
        return t("worker.home.all_done")
    if step.reason == "assigned":
        if step.proposed is None:
            return t("worker.home.reason_assigned_undated")
        return t("worker.home.reason_assigned", date=step.proposed.strftime(t("formats.date")))
    if step.reason == "started" and step.since is not None:
        return t("worker.home.reason_started", date=step.since.strftime(t("formats.date")))
    return t("worker.home.reason_next", phase=t(f"phases.{step.exercise.phase.value}"))


def progress_lines(summary: Progress) -> list[str]:
    """Overall progress, then one bar per phase with its numbers and the time it still asks."""
    lines = [t("worker.home.progress_title"), t("worker.home.progress_total", done=summary.done, total=summary.total), ""]
    for phase in summary.phases:
        lines.append(t("worker.home.phase_line", done=phase.done, total=phase.total, name=phase_name(phase)))
        drawn = bar(phase.done, phase.total)
        if phase.finished:
            lines.append(t("worker.home.phase_finished", bar=drawn))
        else:
            lines.append(t("worker.home.phase_left", bar=drawn, time=time_text(phase.minutes_left)))
    if summary.done < summary.total:
        lines += ["", t("worker.home.short_path", time=time_text(summary.essential_minutes_left))]
        if summary.essential_minutes_left != summary.minutes_left:
            lines.append(t("worker.home.everything", time=time_text(summary.minutes_left)))
    return lines


def moment_text(moment: datetime) -> str:
    """An appointment in local time; when the conseiller's zone differs, their time and zone too."""
    if moment.tzinfo is None:  # written by the worker: already local
        return moment.strftime(t("formats.datetime"))
    when = moment.astimezone().strftime(t("formats.datetime"))
    if moment.utcoffset() != moment.astimezone().utcoffset():
        when = t("panel.other_zone", when=when, theirs=moment.strftime("%H:%M"), offset=moment.strftime("%z"))
    return when
