"""``bilan status``: the same progress and next step as the home screen, in the terminal and as JSON."""

from __future__ import annotations

import json

from journal.cli.main import main
from journal.core.models import EntryStatus, Phase
from journal.core.progress import bar
from journal.core.profile import Profile, save_profile
from journal.core.store import JournalStore
from datetime import datetime


def test_status_prints_progress_next_step_appointment_and_warnings(data_dir, catalogue, capsys):
    with JournalStore(data_dir) as store:
        store.entries.set_status("ma-demande", EntryStatus.DONE)
        store.entries.save_answer("mes-valeurs", catalogue.get("mes-valeurs").prompts[0].id, ["x"])
        store.notes.add("secret", private=True)
        save_profile(store, Profile("Léa", "Mme Durand", datetime(2030, 3, 14, 10, 0)))
    assert main(["--data", str(data_dir), "status"]) == 0
    out = capsys.readouterr().out
    assert "1 exercice terminé sur" in out
    first_phase = len(catalogue.in_phase(Phase.PRELIMINAIRE))
    assert f"Préliminaire\u00a0: 1/{first_phase}" in out and bar(1, first_phase) in out
    assert "Prochaine étape\u00a0: Mes valeurs" in out
    assert "14/03/2030 à 10:00, avec Mme Durand" in out
    assert "1 élément marqué privé" in out

    assert main(["--data", str(data_dir), "--lang", "en", "status", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["done"] == 1 and data["phases"][0] == {
        "phase": "preliminaire",
        "done": 1,
        "total": first_phase,
        "minutes_total": data["phases"][0]["minutes_total"],
        "minutes_left": sum(e.duration_minutes for e in catalogue.in_phase(Phase.PRELIMINAIRE)[1:]),
        "essential_minutes_left": sum(e.duration_minutes for e in catalogue.in_phase(Phase.PRELIMINAIRE)[1:] if e.essential),
    }
    assert data["next_step"]["exercise"] == "mes-valeurs" and data["next_step"]["reason"] == "started"
    assert data["next_appointment"] == "2030-03-14T10:00"
    assert any("private" in warning for warning in data["warnings"])


def test_status_without_a_journal_says_how_to_start(tmp_path, capsys):
    assert main(["--data", str(tmp_path / "none"), "status"]) == 1
    assert "Lancez « bilan »" in capsys.readouterr().err


def test_status_names_the_conseiller_and_appointment_of_the_imported_assignment(data_dir, capsys):
    from journal.core.assignments.importing import import_assignment
    from tests.assignment_files import assignment

    given = assignment(conseiller="Claire Martin")
    with JournalStore(data_dir) as store:
        save_profile(store, Profile("Léa", "Mme Durand", None))
        import_assignment(store, given)
    assert main(["--data", str(data_dir), "status"]) == 0
    out = capsys.readouterr().out
    assert given.appointment.strftime("%d/%m/%Y à %H:%M") + ", avec Claire Martin" in out
    assert main(["--data", str(data_dir), "status", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["conseiller"] == "Claire Martin"
    with JournalStore(data_dir) as store:
        from journal.core.catalogue import load_catalogue

        assert data["total"] == len(load_catalogue().exercises) + len(store.custom_exercises.all())  # « Ma lettre » counts


def test_status_gives_the_appointment_in_local_time_and_names_the_other_zone(data_dir, capsys, monkeypatch):
    import time as clock
    from datetime import timedelta, timezone

    from journal.core.assignments.importing import import_assignment
    from tests.assignment_files import assignment, soon

    monkeypatch.setenv("TZ", "America/Montreal")
    clock.tzset()
    try:
        paris = timezone(timedelta(hours=1))
        moment = datetime.combine(soon(14), datetime.min.time()).replace(hour=10, tzinfo=paris)
        with JournalStore(data_dir) as store:
            import_assignment(store, assignment(appointment=moment))
        assert main(["--data", str(data_dir), "status"]) == 0
        out = capsys.readouterr().out
        local = moment.astimezone().strftime("%d/%m/%Y à %H:%M")
        assert f"{local}, heure d'ici (10:00 à l'heure de votre conseiller, UTC+0100)" in out
    finally:
        monkeypatch.delenv("TZ")
        clock.tzset()
