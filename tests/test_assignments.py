"""Assignments: reading and writing files, sequence order, one bilan at a time, keys, hostile files."""

from __future__ import annotations

import os
from datetime import timedelta
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from journal.core.assignments.building import AssignRefused, AssignRequest, build_assignment, custom_exercise
from journal.core.assignments.dossiers import ConseillerDossiers
from journal.core.assignments.importing import BilanChoiceNeeded, import_assignment
from journal.core.assignments.model import AssignedExercise
from journal.core.assignments.plan import build_plan
from journal.core.assignments.reader import AssignmentError, parse_assignment, read_assignment
from journal.core.assignments.writer import assignment_toml
from journal.core.catalogue.custom import with_custom
from journal.core.catalogue.validation import validate_source
from journal.core.store.custom_exercises import CustomExerciseConflict
from tests.assignment_files import CUSTOM_SOURCE, assignment, soon, write

EXAMPLES = int(os.environ.get("BILAN_HYPOTHESIS_EXAMPLES", "300"))
KEY_A = "age1" + "q" * 58
KEY_B = "age1" + "p" * 58


def test_round_trip_through_the_file(tmp_path, catalogue):
    item = assignment(key=KEY_A)
    assert read_assignment(write(tmp_path, item), catalogue) == item


def test_import_twice_changes_nothing(store, catalogue):
    first = import_assignment(store, assignment())
    second = import_assignment(store, assignment())
    assert first.added and first.new_bilan and not second.added
    assert len(store.assignments.for_bilan(first.bilan.id)) == 1
    assert len(store.custom_exercises.all()) == 1


def test_an_older_file_imported_late_changes_nothing(store):
    newer = assignment(2, message="Nouveau message", exercises=(AssignedExercise("mes-interets", soon(20)),), synthese="")
    older = assignment(1)
    bilan = import_assignment(store, newer).bilan
    plan_before = build_plan(store.assignments.for_bilan(bilan.id))
    result = import_assignment(store, older)
    assert result.added and result.superseded
    plan = build_plan(store.assignments.for_bilan(bilan.id))
    assert plan.message == "Nouveau message"
    assert plan.next_appointment(older.created_at) == plan_before.next_appointment(older.created_at)
    assert {item.id for item in plan.exercises} == {"mes-valeurs", "ma-lettre", "mes-interets"}


def test_a_newer_file_moves_the_appointment_and_withdraws_an_exercise(store):
    first = assignment(1)
    bilan = import_assignment(store, first).bilan
    store.entries.save_answer("mes-valeurs", "valeurs-cartes", {"piles": {}, "top": []})
    store.entries.save_answer("ma-lettre", "lettre", "Chère Mathilde de l'an prochain")
    moved = first.appointment + timedelta(days=2)
    import_assignment(store, assignment(2, appointment=moved, exercises=(), withdrawn=("ma-lettre",), custom=(), synthese=""))
    plan = build_plan(store.assignments.for_bilan(bilan.id))
    assert [item.id for item in plan.exercises] == ["mes-valeurs"]
    assert plan.next_appointment(first.created_at).at == moved
    assert [item.moved for item in plan.appointments] == [True, False]
    assert store.entries.get("ma-lettre").answer("lettre") == "Chère Mathilde de l'an prochain"
    assert store.custom_exercises.get("ma-lettre") is not None


def test_same_dossier_and_number_with_other_content_is_refused(store):
    import_assignment(store, assignment())
    with pytest.raises(Exception, match="déjà été importé"):
        import_assignment(store, assignment(message="Autre chose"))


def test_an_unknown_conseiller_asks_same_or_new_bilan(store):
    first = import_assignment(store, assignment()).bilan
    other = assignment(1, dossier="MAT-2026-ZZZZ", conseiller="Paul Durand", custom=(), exercises=())
    with pytest.raises(BilanChoiceNeeded):
        import_assignment(store, other)
    assert len(store.assignments.for_bilan(first.id)) == 1
    same = import_assignment(store, other, same_bilan=True)
    assert same.bilan.id == first.id and "MAT-2026-ZZZZ" in store.bilans.current().dossiers
    third = assignment(1, dossier="MAT-2027-NEW1", conseiller="Jeanne Roy", custom=(), exercises=())
    new = import_assignment(store, third, same_bilan=False)
    assert new.new_bilan and store.bilans.current().id == new.bilan.id
    assert store.bilans.get(first.id).ended_at is not None


def test_a_custom_exercise_id_of_another_bilan_is_refused_before_anything_is_written(store):
    import_assignment(store, assignment())
    other = assignment(1, dossier="PAU-2026-AAAA", conseiller="Paul Durand")
    with pytest.raises(CustomExerciseConflict):
        import_assignment(store, other, same_bilan=False)
    assert len(store.bilans.all()) == 1


def test_a_changed_key_waits_for_confirmation(store):
    bilan = import_assignment(store, assignment(1, key=KEY_A)).bilan
    assert bilan.key == KEY_A and not bilan.key_confirmed and bilan.key_to_confirm == KEY_A
    assert store.bilans.confirm_key(bilan.id, KEY_A)
    import_assignment(store, assignment(2, key=KEY_B, custom=()))
    current = store.bilans.current()
    assert current.confirmed_key == KEY_A and current.pending_key == KEY_B and current.key_to_confirm == KEY_B
    assert not store.bilans.confirm_key(bilan.id, "age1" + "z" * 58)
    assert store.bilans.confirm_key(bilan.id, KEY_B)
    assert store.bilans.current().confirmed_key == KEY_B and store.bilans.current().pending_key is None


def test_a_new_conseiller_in_the_same_bilan_never_inherits_the_former_ones_key(store):
    bilan = import_assignment(store, assignment(1, key=KEY_A)).bilan
    store.bilans.confirm_key(bilan.id, KEY_A)
    other = assignment(1, dossier="PAU-2026-AAAA", conseiller="Paul Durand", custom=(), exercises=())
    import_assignment(store, other, same_bilan=True)
    current = store.bilans.current()
    assert current.id == bilan.id and current.conseiller == "Paul Durand"
    assert current.confirmed_key is None and current.key_to_confirm is None
    with_key = assignment(2, dossier="PAU-2026-AAAA", conseiller="Paul Durand", custom=(), exercises=(), key=KEY_B)
    import_assignment(store, with_key)
    assert store.bilans.current().key_to_confirm == KEY_B and store.bilans.current().confirmed_key is None


def test_an_old_file_never_brings_back_an_old_key(store):
    import_assignment(store, assignment(2, key=KEY_B, custom=()))
    bilan = store.bilans.current()
    store.bilans.confirm_key(bilan.id, KEY_B)
    import_assignment(store, assignment(1, key=KEY_A))
    assert store.bilans.current().confirmed_key == KEY_B and store.bilans.current().pending_key is None


def test_custom_exercises_open_from_the_journal_in_either_language(tmp_path, store, catalogue):
    path = write(tmp_path, assignment())
    import_assignment(store, read_assignment(path, catalogue))
    path.unlink()
    full, problems = with_custom(catalogue, store.custom_exercises.all())
    exercise = full.get("ma-lettre")
    assert problems == [] and exercise.proposed_by == "Claire Martin"
    assert exercise.title.in_language("en") == exercise.title.in_language("fr") == "Ma lettre à moi-même"
    assert exercise in full.in_phase(exercise.phase)


def test_one_language_custom_exercise_but_bilingual_builtins(tmp_path):
    _, problems = validate_source(CUSTOM_SOURCE, tmp_path / "x.toml")
    assert problems == []
    _, problems = validate_source(CUSTOM_SOURCE, tmp_path / "x.toml", bilingual=True)
    assert problems and "en" in problems[0].where
    mixed = CUSTOM_SOURCE.replace('title = { fr = "Ma lettre à moi-même" }', 'title = { fr = "Ma lettre", en = "" }')
    _, problems = validate_source(mixed, tmp_path / "x.toml")
    assert problems and problems[0].where == "title.en"


# -- building (bilan assign) ------------------------------------------------------


def request(tmp_path, **changes) -> AssignRequest:
    custom = tmp_path / "lettre.toml"
    custom.write_text(CUSTOM_SOURCE, encoding="utf-8")
    values = dict(beneficiaire="Mathilde", conseiller="Claire Martin", exercises=["mes-valeurs"], custom_files=[custom], due=soon().strftime("%d/%m/%Y"))
    values.update(changes)
    return AssignRequest(**values)


def test_dossier_reference_is_made_once_per_worker_and_sequences_grow(tmp_path, catalogue):
    dossiers = ConseillerDossiers(tmp_path / "cons")
    first = build_assignment(request(tmp_path), catalogue, dossiers)
    dossiers.record(first.dossier, first.beneficiaire, first.conseiller, first.sequence)
    second = build_assignment(request(tmp_path, beneficiaire="mathilde"), catalogue, dossiers)
    assert second.dossier == first.dossier and (first.sequence, second.sequence) == (1, 2)
    other = build_assignment(request(tmp_path, beneficiaire="Karim"), catalogue, dossiers)
    assert other.dossier != first.dossier and other.dossier.startswith("KAR-")


@pytest.mark.parametrize(
    ("changes", "words"),
    [
        ({"exercises": ["inconnu"]}, "n'existe pas"),
        ({"due": "2001-01-01"}, "déjà passée"),
        ({"due": "31/02/2031"}, "n'existe pas"),
        ({"due": "demain"}, "n'est pas une date"),
        ({"appointment": "2001-01-01 10:00"}, "déjà passée"),
        ({"appointment": "2031-01-01"}, "date et une heure"),
        ({"appointment": "2031-01-01..2031-02-01"}, "suivi"),
        ({"beneficiaire": "Ma\x1b[31mthilde"}, "caractères de contrôle"),
        ({"conseiller": "[b]Claire[/b]"}, "mise en forme"),
        ({"key": "age1pasunecle"}, "clé publique age"),
        ({"dossier": "../../etc"}, "référence de dossier"),
        ({"due": None}, "--due"),
        ({"suivi": True}, "--due"),
    ],
)
def test_assign_refuses_with_one_line(tmp_path, catalogue, changes, words):
    with pytest.raises(AssignRefused) as refused:
        build_assignment(request(tmp_path, **changes), catalogue, ConseillerDossiers(tmp_path / "cons"))
    assert words in str(refused.value) and "\n" not in str(refused.value)


def test_follow_up_has_point_de_suivi_and_a_window(tmp_path, catalogue):
    window = f"{soon(60):%Y-%m-%d}..{soon(75):%Y-%m-%d}"
    item = build_assignment(
        request(tmp_path, exercises=[], custom_files=[], due=None, suivi=True, appointment=window),
        catalogue, ConseillerDossiers(tmp_path / "cons"),
    )
    assert [e.id for e in item.exercises] == ["point-de-suivi"] and item.exercises[0].due is None
    assert item.window == (soon(60), soon(75)) and item.suivi


def test_invalid_custom_file_is_refused_naming_it(tmp_path, catalogue):
    bad = tmp_path / "casse.toml"
    bad.write_text(CUSTOM_SOURCE.replace('kind = "long_text"', 'kind = "roman"'), encoding="utf-8")
    with pytest.raises(AssignRefused, match="casse.toml"):
        custom_exercise(bad, catalogue)


# -- hostile and malformed files ------------------------------------------------------

VALID = assignment_toml(assignment())
MALFORMED = {
    "empty": "",
    "not toml": "ceci n'est pas du TOML [[[",
    "json": '{"kind": "bilan-assignment"}',
    "wrong kind": VALID.replace('kind = "bilan-assignment"', 'kind = "bilan-exercise"'),
    "format 2": VALID.replace("format = 1", "format = 2"),
    "format bool": VALID.replace("format = 1", "format = true"),
    "no dossier": VALID.replace('dossier = "MAT-2025-K7QF"\n', ""),
    "dossier path": VALID.replace('dossier = "MAT-2025-K7QF"', 'dossier = "../../x"'),
    "sequence zero": VALID.replace("sequence = 1", "sequence = 0"),
    "sequence text": VALID.replace("sequence = 1", 'sequence = "1"'),
    "sequence huge": VALID.replace("sequence = 1", "sequence = 99999999999999"),
    "created local": VALID.replace("created_at = ", "created_at = 2025-01-01T10:00:00\nignored = ").split("\nignored")[0] + "\n",
    "conseiller escape": VALID.replace('conseiller = "Claire Martin"', 'conseiller = "Claire\\u001b]52;c;SGk=\\u0007"'),
    "conseiller bidi": VALID.replace('conseiller = "Claire Martin"', 'conseiller = "Claire \\u202eniraM"'),
    "conseiller markup": VALID.replace('conseiller = "Claire Martin"', 'conseiller = "[link=file:///etc]Claire[/link]"'),
    "conseiller huge": VALID.replace('conseiller = "Claire Martin"', 'conseiller = "' + "C" * 5000 + '"'),
    "conseiller list": VALID.replace('conseiller = "Claire Martin"', 'conseiller = ["Claire"]'),
    "message nul": VALID.replace("Bonjour Mathilde,", "Bonjour\\u0000Mathilde,"),
    "unknown key": VALID.replace("format = 1", "format = 1\npirate = true"),
    "unknown exercise": VALID.replace('id = "mes-valeurs"', 'id = "n-existe-pas"'),
    "exercise id path": VALID.replace('id = "mes-valeurs"', 'id = "../etc/passwd"'),
    "due text": VALID.replace("due = " + str(soon()), 'due = "bientôt"'),
    "appointment local": VALID.replace("\nat = ", "\nat = 2031-01-01T10:00:00\nx = "),
    "appointment string": VALID.replace("\nat = ", '\nat = "demain"\nx = '),
    "key bad": VALID.replace("format = 1", 'format = 1\nkey = "age1nope"'),
    "custom broken": VALID.replace('kind = \\"long_text\\"', 'kind = \\"roman\\"'),
    "custom builtin id": VALID.replace('id = \\"ma-lettre\\"', 'id = \\"mes-valeurs\\"'),
    "custom not toml": VALID.replace("format = 1\nid = \\\"ma-lettre\\\"", "[[[["),
    "synthese not table": VALID.replace("[synthese]\ntext = ", "synthese = "),
    "exercises not list": VALID.replace("exercises = [", 'exercises = "mes-valeurs"\nold = ['),
    "deep nesting": "format = 1\nx = " + "[" * 3000 + "]" * 3000 + "\n",
    "suivi text": VALID.replace("format = 1", 'format = 1\nsuivi = "oui"'),
    "withdrawn ints": VALID.replace("format = 1", "format = 1\nwithdrawn = [1, 2]"),
}


def test_the_malformed_cases_really_differ_from_the_valid_file():
    assert len(MALFORMED) >= 20
    assert all(text != VALID for text in MALFORMED.values())


@pytest.mark.parametrize("name", sorted(MALFORMED))
def test_malformed_assignment_is_refused_in_one_line(name, tmp_path, store, catalogue):
    path = tmp_path / "travail.toml"
    path.write_text(MALFORMED[name], encoding="utf-8")
    with pytest.raises(AssignmentError) as error:
        read_assignment(path, catalogue)
    message = str(error.value)
    assert str(path) in message and "\n" not in message and "\x1b" not in message
    assert store.transfer.is_empty()


def test_not_utf8_and_oversized_files_are_refused(tmp_path, catalogue):
    path = tmp_path / "travail.toml"
    path.write_bytes(b"format = 1\nmessage = \"\xff\xfe\"\n")
    with pytest.raises(AssignmentError, match="UTF-8"):
        read_assignment(path, catalogue)
    path.write_bytes(b"# " + b"x" * 1_100_000)
    with pytest.raises(AssignmentError, match="trop gros"):
        read_assignment(path, catalogue)


HOSTILE_PIECES = ["\x1b[2J", "\u202e", "[b]", "<script>", "\x00", '"', "'''", '"""', "\\", "{", "}", "[[", "]]", "=", "\n", "1e999", "-", "é", "😀", "\r"]


def mutations():
    text = st.sampled_from([VALID, CUSTOM_SOURCE])
    edit = st.tuples(st.integers(min_value=0, max_value=10**6), st.integers(min_value=0, max_value=40), st.one_of(st.sampled_from(HOSTILE_PIECES), st.text(max_size=8)))
    return st.tuples(text, st.lists(edit, min_size=1, max_size=4))


def mutate(text: str, edits) -> str:
    for position, length, piece in edits:
        at = position % (len(text) + 1)
        text = text[:at] + piece + text[at + length:]
    return text


@settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(mutations())
def test_no_generated_file_raises_anything_but_a_clear_error(tmp_path_factory, catalogue, case):
    text = mutate(*case)
    folder = tmp_path_factory.mktemp("fuzz")
    path = folder / "f.toml"
    path.write_text(text, encoding="utf-8", errors="surrogatepass")
    try:
        parse_assignment(path.read_bytes(), path, catalogue)
    except AssignmentError as error:
        assert "\n" not in str(error)
    try:
        custom_exercise(path, catalogue)
    except AssignRefused as refused:
        assert str(path) in str(refused)
    from journal.core.catalogue import validate_file

    validate_file(path, bilingual=False)
