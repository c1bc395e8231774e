"""The interactive ``bilan assign``: questionary prompts that fill the same request as the flags."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import questionary

from journal.cli.context import CommandFailure
from journal.cli.prompts import ask, checkbox, confirm, select
from journal.core.assignments.building import AssignRefused, AssignRequest, custom_exercise
from journal.core.assignments.dates import BadDate, parse_day, parse_moment, parse_window
from journal.core.assignments.dossiers import ConseillerDossiers
from journal.core.catalogue import Catalogue
from journal.core.text_safety import inert_line
from journal.i18n import t

NEW_DOSSIER = "\0new"


def _given(answer):
    """A prompt gives None when the conseiller presses Ctrl+C: stop, nothing written."""
    if answer is None:
        raise CommandFailure(t("assign_cli.cancelled"))
    return answer


def _asked(question):
    return _given(ask(question))


def _check(parse, allow_empty: bool = True):
    def validate(text: str):
        if not text.strip():
            return True if allow_empty else t("assign_cli.required")
        try:
            parse(text)
        except (BadDate, AssignRefused) as error:
            return str(error)
        return True

    return validate


def ask_request(catalogue: Catalogue, dossiers: ConseillerDossiers) -> tuple[AssignRequest, Path]:
    known = dossiers.all()
    usual = known[-1].conseiller if known else ""
    conseiller = _asked(questionary.text(t("assign_prompt.conseiller"), default=usual, validate=lambda v: bool(v.strip()) or t("assign_cli.required")))
    worker = _asked(questionary.text(t("assign_prompt.worker"), validate=lambda v: bool(v.strip()) or t("assign_cli.required")))
    found = dossiers.for_worker(worker, conseiller)
    dossier = None
    if found:
        choices = [questionary.Choice(t("assign_prompt.existing_dossier", dossier=d.reference, sequence=d.last_sequence), d.reference) for d in found]
        choices.append(questionary.Choice(t("assign_prompt.new_dossier"), NEW_DOSSIER))
        picked = _given(select(t("assign_prompt.dossier"), choices))
        dossier = None if picked == NEW_DOSSIER else picked
        if dossier is None:
            dossier = dossiers.new_reference(worker)
    suivi = _given(confirm(t("assign_prompt.suivi"), default=False))
    choices = [
        questionary.Choice(
            t("assign_prompt.exercise_choice", phase=t(f"phases.{e.phase.value}"), title=inert_line(str(e.title)), minutes=e.duration_minutes),
            e.id,
            checked=suivi and e.id == "point-de-suivi",
        )
        for e in catalogue.exercises
    ]
    exercises = _given(checkbox(t("assign_prompt.exercises"), choices))
    custom_files: list[Path] = []
    while True:
        answer = _asked(questionary.path(t("assign_prompt.custom"), validate=_check(lambda p: custom_exercise(Path(p).expanduser(), catalogue))))
        if not answer.strip():
            break
        custom_files.append(Path(answer.strip()).expanduser())
    due = None
    if not suivi and (exercises or custom_files):
        due = _asked(questionary.text(t("assign_prompt.due"), validate=_check(parse_day, allow_empty=False)))
    reader = parse_window if suivi else parse_moment
    question = t("assign_prompt.window") if suivi else t("assign_prompt.appointment")
    appointment = _asked(questionary.text(question, validate=_check(lambda v: parse_moment(v) if ".." not in v else reader(v))))
    message = _asked(questionary.text(t("assign_prompt.message"), multiline=True, instruction=t("assign_prompt.message_hint")))
    synthese = _asked(questionary.path(t("assign_prompt.synthese")))
    key = _asked(questionary.text(t("assign_prompt.key")))
    slug = "".join(c for c in worker.strip().lower() if c.isalnum())[:20] or "travail"
    default_output = str(Path.cwd() / f"travail-{slug}-{date.today():%Y-%m-%d}.toml")
    output = _asked(questionary.path(t("assign_prompt.output"), default=default_output))
    request = AssignRequest(
        beneficiaire=worker,
        conseiller=conseiller,
        exercises=list(exercises),
        custom_files=custom_files,
        due=due,
        appointment=appointment.strip() or None,
        message=message,
        dossier=dossier,
        synthese_file=Path(synthese.strip()).expanduser() if synthese.strip() else None,
        suivi=suivi,
        key=key.strip() or None,
    )
    return request, Path(output.strip()).expanduser()
