"""The conseiller's half in the app: the whole loop with Pilot, and snapshots of the new screens."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from journal.core.assignments.model import AssignedExercise

from journal.cli.main import main
from journal.core.assignments.importing import import_assignment
from journal.core.catalogue import load_catalogue
from journal.core.export.front_matter import read_front_matter
from journal.core.store import JournalStore
from journal.tui.app import BilanApp
from journal.tui.screens.exercise import ExerciseScreen
from journal.tui.screens.questions import QuestionsScreen
from journal.tui.screens.synthesis import SynthesisScreen
from tests.assignment_files import CUSTOM_SOURCE, DRAFT, assignment, soon

FIXED = datetime(2020, 3, 2, 9, 30).astimezone()


async def test_the_whole_loop(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("BILAN_CONSEILLER_HOME", str(tmp_path / "conseiller"))
    (tmp_path / "lettre.toml").write_text(CUSTOM_SOURCE, encoding="utf-8")
    (tmp_path / "synthese.md").write_text(DRAFT, encoding="utf-8")
    work = tmp_path / "travail.toml"
    assert main([
        "assign", "--exercise", "ma-demande", "--custom", str(tmp_path / "lettre.toml"), "--due", soon().strftime("%d/%m/%Y"),
        "--appointment", f"{soon(14):%Y-%m-%d} 14:00", "--message", "Bonjour Mathilde", "--for", "Mathilde",
        "--from", "Claire Martin", "--synthese", str(tmp_path / "synthese.md"), "-o", str(work),
    ]) == 0
    data = tmp_path / "journal"
    assert main(["--data", str(data), "import", str(work)]) == 0
    assert main(["--data", str(data), "import", str(work)]) == 0
    assert "déjà importé" in capsys.readouterr().out
    store = JournalStore(data)
    app = BilanApp(store, load_catalogue())
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.pause()
        panel = str(app.screen.query_one("#assignment-panel").render())
        assert "Claire Martin" in panel and "Ma lettre à moi-même" in panel and "Bonjour Mathilde" in panel
        app.open_exercise(app.catalogue.get("ma-lettre"))
        await pilot.pause()
        assert isinstance(app.screen, ExerciseScreen)
        await pilot.press(*"Je me vois mediatrice")
        await pilot.press("escape")
        await pilot.pause()
        app.open_exercise(app.catalogue.get("ma-demande"))
        await pilot.pause()
        await pilot.press(*"Un demenagement")
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("s")
        await pilot.pause()
        assert isinstance(app.screen, SynthesisScreen)
        await pilot.press(*"Et la patience aussi")
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("f4")
        await pilot.pause()
        assert isinstance(app.screen, QuestionsScreen)
        await pilot.press(*"Combien dure une formation", "enter", "escape")
        await pilot.pause()
    store.close()
    out = tmp_path / "synthese-export.md"
    assert main(["--data", str(data), "export", "-o", str(out)]) == 0
    text = out.read_text(encoding="utf-8")
    meta = read_front_matter(text)
    assert meta["dossier"].startswith("MAT-") and meta["conseiller"] == "Claire Martin"
    assert set(meta["exercises"]) == {"ma-lettre", "ma-demande"}
    order = ["## Où j'en suis", "## Mes questions", "Combien dure une formation", "## Ce qui a changé", "## La synthèse avec",
             "Vous savez écouter.", "Et la patience aussi", "## Phase 1", "Un demenagement", "## Phase 2", "Je me vois mediatrice"]
    positions = [text.index(piece) for piece in order]
    assert positions == sorted(positions)


@pytest.fixture
def conseiller_app(tmp_path, monkeypatch):
    monkeypatch.chdir("/tmp")
    monkeypatch.setattr("journal.core.export.summary.now", lambda: FIXED)
    store = JournalStore(tmp_path / "journal")
    item = assignment(
        created_at=FIXED, appointment=None, message="Bonjour Mathilde,\nvoici deux exercices pour la prochaine fois.",
        exercises=(AssignedExercise("mes-valeurs", date(2020, 3, 20)), AssignedExercise("ma-lettre", date(2099, 1, 10))),
    )
    import_assignment(store, item)
    tables = store.transfer.tables()
    for doc in tables["bilans"].values():
        doc["started_at"] = FIXED.isoformat()
    store.transfer.restore(tables)
    store.synthesis.comment(store.bilans.current().id, item.dossier, 1, "vos forces", "Oui, et la patience.")
    yield BilanApp(store, load_catalogue())
    store.close()


@pytest.mark.parametrize("size", [(80, 24), (120, 40)])
def test_home_with_an_assignment_and_a_passed_date(conseiller_app, snap_compare, size):
    assert snap_compare(conseiller_app, terminal_size=size)


@pytest.mark.parametrize("size", [(80, 24), (120, 40)])
def test_synthesis_with_the_conseillers_draft(conseiller_app, snap_compare, size):
    assert snap_compare(conseiller_app, terminal_size=size, press=["s"])


@pytest.mark.parametrize("size", [(80, 24), (120, 40)])
def test_export_screen_with_options(conseiller_app, snap_compare, size):
    assert snap_compare(conseiller_app, terminal_size=size, press=["e", "wait:400"])
