"""The summary written for the conversation, --synthese, the dump: order, privacy, one bilan at a time."""

from __future__ import annotations

import json
import os
import time

import pytest
import yaml

from journal.cli.main import main
from journal.core.assignments.importing import import_assignment
from journal.core.catalogue.custom import with_custom
from journal.core.dump import DumpError, dump_document, parse_dump
from journal.core.export import build_summary, render
from journal.core.export.front_matter import read_front_matter
from journal.core.export.options import ExportOptions
from journal.core.export.synthese_document import NoValidatedSynthesis, build_synthese, synthese_html, synthese_markdown
from journal.core.prefill import prefill_value
from journal.core.store import JournalStore
from journal.core.text_safety import is_inert
from tests.assignment_files import assignment

SECRETS = ("zanzibarique", "quetzalcoatlesque", "brouhahatesque", "xylophonique")


def fill(store, catalogue):
    bilan = import_assignment(store, assignment()).bilan
    full, _ = with_custom(catalogue, store.custom_exercises.all())
    store.entries.save_answer("ma-lettre", "lettre", "Je me vois médiatrice.")
    store.entries.save_answer("ma-demande", "pourquoi-maintenant", "Un déménagement.")
    store.entries.save_answer("mes-reussites", "reussites", [{"titre": "zanzibarique"}])
    store.entries.set_private("mes-reussites", True)
    store.notes.add("quetzalcoatlesque", private=True)
    store.notes.add("Une note partagée.")
    store.questions.add("brouhahatesque", bilan.id, private=True)
    store.questions.add("Combien dure une formation ?", bilan.id)
    store.questions.add("Une question déjà traitée", bilan.id)
    store.questions.set_answered(store.questions.for_bilan(bilan.id)[-1].id, True)
    store.synthesis.comment(bilan.id, "MAT-2025-K7QF", 1, "vos forces", "Oui, et aussi la patience.")
    return bilan, full


def test_sections_in_order_with_front_matter(store, catalogue):
    _, full = fill(store, catalogue)
    markdown = render(build_summary(store, full), "markdown")
    meta = read_front_matter(markdown)
    assert meta["bilan_summary"] == 1 and meta["dossier"] == "MAT-2025-K7QF" and meta["conseiller"] == "Claire Martin"
    assert meta["alias"] == "Mathilde" and meta["sequence"] == 1 and set(meta["period"]) == {"from", "to"}
    assert set(meta["exercises"]) == {"ma-lettre", "ma-demande"}
    assert list(meta) == ["bilan_summary", "exported_at", "alias", "conseiller", "dossier", "sequence", "period", "exercises"]
    sections = [line[3:] for line in markdown.splitlines() if line.startswith("## ")]
    expected = ["Où j'en suis", "Mes questions pour le prochain entretien", "Ce qui a changé", "La synthèse avec Claire Martin",
                "Phase 1", "Phase 2", "Notes libres"]
    assert len(sections) == len(expected)
    assert all(section.startswith(start) for section, start in zip(sections, expected))
    assert "Mes valeurs : non partagé" in markdown
    assert markdown.index("Le projet de synthèse") < markdown.index("Oui, et aussi la patience.")
    assert "Pas encore répondu" in markdown and "Une question déjà traitée" not in markdown
    assert "Ma lettre à moi-même (proposé par Claire Martin)" in markdown


def test_private_words_are_in_no_format(store, catalogue):
    _, full = fill(store, catalogue)
    summary = build_summary(store, full)
    for fmt in ("markdown", "html", "json"):
        text = render(summary, fmt)
        assert not any(secret in text for secret in SECRETS), fmt
        assert "privé" not in text.lower() or fmt == "markdown" and "privé" not in text.split("---", 2)[2].lower()


def test_prefill_never_copies_a_private_answer(store, catalogue):
    store.entries.save_answer("mes-pistes", "pistes", [{"piste": "zanzibarique"}])
    store.entries.set_private("mes-pistes", True)
    for exercise in catalogue.exercises:
        for prompt in exercise.prompts:
            assert "zanzibarique" not in json.dumps(prefill_value(prompt, catalogue, store), ensure_ascii=False)


def test_options_since_exercise_and_notes(store, catalogue):
    _, full = fill(store, catalogue)
    only = build_summary(store, full, ExportOptions(exercises=("ma-lettre",), notes=False))
    assert only.exercise_ids == ["ma-lettre"] and only.notes == ()
    later = build_summary(store, full, ExportOptions(since=only.created_at.date().replace(year=only.created_at.year + 1)))
    assert later.phases == () and later.notes == ()


def test_a_second_bilan_holds_nothing_of_the_first(store, catalogue):
    first, full = fill(store, catalogue)
    store.synthesis.set_validated(first.id, "MAT-2025-K7QF", 1, True)
    # Time passes: the second bilan starts later than every record of the first.
    raw = store.transfer.tables()
    for name in ("entries", "notes", "questions", "bilans"):
        for doc in raw[name].values():
            for key in ("created_at", "updated_at", "started_at"):
                if key in doc:
                    doc[key] = "2020-01-01T10:00:00+01:00"
    other = JournalStore(store.data_dir.parent / "second")
    other.transfer.restore(raw)
    import_assignment(other, assignment(1, dossier="PAU-2026-AAAA", conseiller="Paul Durand", custom=(), synthese="", message="Bienvenue"), same_bilan=False)
    full, _ = with_custom(catalogue, other.custom_exercises.all())
    for fmt in ("markdown", "html", "json"):
        text = render(build_summary(other, full), fmt)
        for word in ("Claire", "MAT-2025", "médiatrice", "déménagement", "formation ?", "patience", "note partagée", "Mathilde de"):
            assert word not in text, (fmt, word)
    assert "Paul Durand" in render(build_summary(other, full), "markdown")
    other.close()


def test_a_second_bilan_started_the_same_day_holds_nothing_of_the_first(store, catalogue):
    from datetime import date

    import_assignment(store, assignment())
    store.notes.add("Une note pour Claire.")
    store.entries.save_answer("ma-demande", "pourquoi-maintenant", "Pour Claire.")
    time.sleep(1.1)  # the journal keeps times to the second
    second = assignment(1, dossier="PAU-2026-AAAA", conseiller="Paul Durand", custom=(), synthese="", message="Bienvenue")
    import_assignment(store, second, same_bilan=False)
    store.notes.add("Une note pour Paul.")
    full, _ = with_custom(catalogue, store.custom_exercises.all())
    for options in (ExportOptions(), ExportOptions(since=date(2020, 1, 1))):
        text = render(build_summary(store, full, options), "markdown")
        assert "Une note pour Paul." in text
        assert "Une note pour Claire." not in text and "Pour Claire." not in text, options


def test_synthese_document_only_validated_synthesis_and_plan(store, catalogue):
    bilan, full = fill(store, catalogue)
    store.entries.save_answer("mon-plan-action", "projet", "Appeler le centre de formation")
    with pytest.raises(NoValidatedSynthesis):
        build_synthese(store, full)
    store.synthesis.set_validated(bilan.id, "MAT-2025-K7QF", 1, True)
    document = build_synthese(store, full)
    markdown, html = synthese_markdown(document), synthese_html(document)
    assert not markdown.startswith("---") and "Vous savez écouter." in markdown and "Appeler le centre" in markdown
    assert "Combien dure" not in markdown and "Une note partagée" not in markdown and "patience" not in markdown
    assert "size: A4" in html and "Version validée le" in markdown


def test_the_workers_own_synthesis_goes_out_only_once_reviewed_and_done(store, catalogue):
    from journal.core.models import EntryStatus
    from journal.core.storage.errors import JournalError

    prompt = catalogue.get("ma-synthese").prompts[0].id
    store.entries.save_answer("ma-synthese", prompt, "Brouillon pré-rempli.")
    store.entries.mark_drafts("ma-synthese", [prompt])
    for status in (EntryStatus.STARTED, EntryStatus.DONE):
        store.entries.set_status("ma-synthese", status)
        with pytest.raises(JournalError, match="pas encore relue"):
            build_synthese(store, catalogue)
    store.entries.save_answer("ma-synthese", prompt, "Ma synthèse relue.")
    assert store.entries.latest("ma-synthese").drafts == ()
    markdown = synthese_markdown(build_synthese(store, catalogue))
    assert "Ma synthèse relue." in markdown


def test_export_flags_and_overwrite(tmp_path, catalogue, capsys):
    data = tmp_path / "j"
    with JournalStore(data) as store:
        fill(store, catalogue)
    out = tmp_path / "s.md"
    assert main(["--data", str(data), "export", "-o", str(out), "--exercise", "ma-lettre", "--no-notes"]) == 0
    first = out.read_text()
    assert "Je me vois médiatrice" in first and "Un déménagement" not in first and "Une note partagée" not in first
    assert main(["--data", str(data), "export", "-o", str(out)]) == 1
    assert "--force" in capsys.readouterr().err and out.read_text() == first
    assert main(["--data", str(data), "export", "-o", str(out), "--force"]) == 0
    assert read_front_matter(out.read_text())["sequence"] == 2
    assert main(["--data", str(data), "export", "--since", "hier"]) == 2
    assert main(["--data", str(data), "export", "--exercise", "nope"]) == 2
    assert main(["--data", str(data), "export", "--synthese", "-o", str(tmp_path / "x.md")]) == 1


def test_dump_round_trip_and_merge_without_duplicates(tmp_path, catalogue, capsys):
    data = tmp_path / "j"
    with JournalStore(data) as store:
        fill(store, catalogue)
        store.entries.save_answer("ma-lettre", "lettre", "Deuxième version")
    dump = tmp_path / "copie.json"
    assert main(["--data", str(data), "dump", "-o", str(dump)]) == 0
    assert os.stat(dump).st_mode & 0o777 == 0o600
    assert "privés" in capsys.readouterr().out
    assert "quetzalcoatlesque" in dump.read_text()
    fresh = tmp_path / "fresh"
    assert main(["--data", str(fresh), "import", str(dump)]) == 0
    with JournalStore(data) as a, JournalStore(fresh) as b:
        assert dump_document(a)["tables"] == dump_document(b)["tables"]
    assert main(["--data", str(fresh), "import", str(dump)]) == 1
    for _ in range(2):
        assert main(["--data", str(fresh), "import", str(dump), "--yes"]) == 0
    with JournalStore(data) as a, JournalStore(fresh) as b:
        assert dump_document(a)["tables"] == dump_document(b)["tables"]
    other = tmp_path / "other"
    with JournalStore(other) as store:
        store.notes.add("Une note d'ailleurs")
        store.entries.save_answer("ma-lettre", "lettre", "Version de l'autre ordinateur")
    assert main(["--data", str(other), "import", str(dump), "--yes"]) == 0
    assert main(["--data", str(other), "import", str(dump), "--yes"]) == 0
    with JournalStore(other) as store:
        texts = [note.text for note in store.notes.all()]
        assert sorted(texts) == sorted(["Une note d'ailleurs", "quetzalcoatlesque", "Une note partagée."])
        entry = store.entries.get("ma-lettre")
        versions = [version.answers.get("lettre") for version in entry.history]
        assert {entry.answer("lettre"), *versions} >= {"Version de l'autre ordinateur", "Deuxième version"}
        assert len(store.assignments.for_bilan(store.bilans.current().id)) == 1


def test_dump_to_standard_output_writes_no_file(tmp_path, catalogue, capsys, monkeypatch):
    data = tmp_path / "j"
    with JournalStore(data) as store:
        fill(store, catalogue)
    here = tmp_path / "here"
    here.mkdir()
    monkeypatch.chdir(here)
    for _ in range(2):  # a file named « - » made the second one fail
        assert main(["--data", str(data), "dump", "-o", "-"]) == 0
        printed = capsys.readouterr().out
        assert list(here.iterdir()) == []
        assert parse_dump(printed.encode(), here / "-") is not None and "quetzalcoatlesque" in printed
        with JournalStore(data) as store:
            assert json.loads(printed)["tables"] == dump_document(store)["tables"]


def test_dump_to_standard_output_holds_nothing_a_terminal_obeys(tmp_path, capsys):
    # « bilan dump -o - » in a terminal: JSON escapes C0 controls itself, but wrote C1 controls (U+009B is
    # CSI) and bidi overrides raw. They are written as \\uXXXX: the copy is inert, and still exact.
    data = tmp_path / "j"
    hostile = "mot \x1b[2J \u009b2J \u202egnp.exe \u2028fin\x07"
    with JournalStore(data) as store:
        store.notes.add(hostile, private=True)
    assert main(["--data", str(data), "dump", "-o", "-"]) == 0
    printed = capsys.readouterr().out
    assert is_inert(printed)
    assert [note["text"] for note in json.loads(printed)["tables"]["notes"].values()] == [hostile]


@pytest.mark.parametrize(
    "text",
    ['{"kind": "bilan-export"}', '{"kind": "bilan-dump", "format": 1, "schema": 1, "tables": {"entries": {"1": {"exercise_id": 3}}}}',
     '{"kind": "bilan-dump", "format": 1, "schema": 9, "tables": {}}', '{"kind": "bilan-dump", "format": 1, "schema": 1, "tables": {"pirate": {}}}',
     '{"kind": "bilan-dump", "format": 1, "schema": 1, "tables": {"assignments": {"1": {"bilan": "x", "imported_at": "2025-01-01T00:00:00", "assignment": {}}}}}',
     "[" * 100000, '{"kind": "bilan-dump", "format": "1"}'],
)
def test_hostile_dumps_are_refused(tmp_path, text):
    with pytest.raises(DumpError):
        parse_dump(text.encode(), tmp_path / "d.json")


def test_front_matter_is_yaml_that_survives_hostile_names(store, catalogue):
    import_assignment(store, assignment(beneficiaire="Ma: thilde # --- 'x' \"y\"", custom=()))
    markdown = render(build_summary(store, catalogue), "markdown")
    assert read_front_matter(markdown)["alias"] == "Ma: thilde # --- 'x' \"y\""
    assert yaml.safe_load(markdown.split("---\n")[1])["bilan_summary"] == 1


def test_a_notes_mood_goes_out_only_when_ticked(data_dir, catalogue, capsys):
    with JournalStore(data_dir) as store:
        store.notes.add("Journée difficile.", mood="fatigue")
        for fmt in ("markdown", "html", "json"):
            text = render(build_summary(store, catalogue), fmt)
            assert "Journée difficile." in text and "fatigué" not in text and '"mood": "fatigue"' not in text, fmt
        with_moods = render(build_summary(store, catalogue, ExportOptions(moods=True)), "markdown")
        assert "humeur\u00a0: fatigué·e" in with_moods
        assert '"mood": "fatigue"' in render(build_summary(store, catalogue, ExportOptions(moods=True)), "json")
    assert main(["--data", str(data_dir), "export", "-o", "-", "--moods"]) == 0
    assert "humeur\u00a0: fatigué·e" in capsys.readouterr().out
    assert main(["--data", str(data_dir), "export", "-o", "-"]) == 0
    assert "fatigué" not in capsys.readouterr().out


def test_the_conseiller_named_at_first_start_is_in_the_export_until_an_assignment_names_one(data_dir, catalogue, capsys):
    from journal.core.profile import Profile, save_profile

    with JournalStore(data_dir) as store:
        save_profile(store, Profile("Léa", "Claire Martin", None))
        store.notes.add("Une note partagée.")
    assert main(["--data", str(data_dir), "export", "-o", "-"]) == 0
    markdown = capsys.readouterr().out
    assert read_front_matter(markdown)["conseiller"] == "Claire Martin" and read_front_matter(markdown)["dossier"] == ""
    assert "*Pour Claire Martin*" in markdown and "dossier" not in markdown.split("---\n", 2)[2]
    with JournalStore(data_dir) as store:
        import_assignment(store, assignment(conseiller="Paul Durand", custom=(), exercises=()))
        json_summary = json.loads(render(build_summary(store, catalogue), "json"))["summary"]
    assert json_summary["conseiller"] == "Paul Durand" and json_summary["dossier"] == "MAT-2025-K7QF"
