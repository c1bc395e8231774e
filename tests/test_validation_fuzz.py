"""``bilan exercises validate`` on any file: a list of problems, never an exception (property-based).

400 hostile variants of the shipped exercise files by default; set
``BILAN_HYPOTHESIS_EXAMPLES`` for more (see README).
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import HealthCheck, example, given, settings

from journal.core.catalogue import Problem, validate_file
from journal.resources import exercises_dir
from tests.hostile_toml import examples, hostile_files, load_documents, to_toml

SHIPPED = sorted(exercises_dir().glob("*.toml"))
DOCUMENTS = load_documents(SHIPPED)
_FOLDER = Path(tempfile.mkdtemp(prefix="bilan-fuzz-"))
TARGET = _FOLDER / "exercice.toml"


def test_the_writer_round_trips_every_shipped_file(tmp_path):
    for path, document in zip(SHIPPED, DOCUMENTS):
        copy = tmp_path / path.name
        copy.write_text(to_toml(document), "utf-8")
        exercise, problems = validate_file(copy)
        assert problems == [] and exercise is not None


@settings(
    max_examples=examples(400),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.large_base_example],
    database=None,
)
@given(hostile_files(DOCUMENTS))
@example(b"a = " + b"[" * 3000 + b"]" * 3000)
@example(b"order = " + b"9" * 5000)
@example(b"format = 1\nid = \xff\xfe")
@example(b"x" * (2 << 20))
def test_validation_never_raises_on_hostile_exercise_files(content: bytes):
    TARGET.write_bytes(content)
    exercise, problems = validate_file(TARGET)
    assert isinstance(problems, list)
    assert all(isinstance(problem, Problem) for problem in problems)
    assert (exercise is None) == bool(problems)
    for problem in problems:
        line = str(problem)
        assert "\n" not in line and len(line) < 2000


def _validate(tmp_path, text: str | bytes):
    path = tmp_path / "exercice.toml"
    path.write_bytes(text if isinstance(text, bytes) else text.encode("utf-8"))
    return validate_file(path)


def test_a_list_where_a_dimension_name_is_expected_is_a_problem(tmp_path):
    document = load_documents([exercises_dir() / "mes-interets.toml"])[0]
    questionnaire = next(prompt for prompt in document["prompts"] if prompt["kind"] == "questionnaire")
    questionnaire["items"][0]["dimension"] = ["r", "i"]
    exercise, problems = _validate(tmp_path, to_toml(document))
    assert exercise is None
    assert any("items[0].dimension" in problem.where and "une liste" in problem.message for problem in problems)


def test_huge_values_are_shown_short(tmp_path):
    document = dict(DOCUMENTS[0], order=int("9" * 3000), id="X" * 5000)
    _, problems = _validate(tmp_path, to_toml(document))
    shown = " ".join(str(problem) for problem in problems)
    assert "un nombre de 3000 chiffres" in shown
    assert "X" * 61 not in shown and "X" * 60 + "…" in shown


def test_keys_from_the_file_stay_on_one_line(tmp_path):
    document = dict(DOCUMENTS[0], **{"clé\n\x1b[2Jpiège": 1})
    _, problems = _validate(tmp_path, to_toml(document))
    assert problems and all("\n" not in str(p) and "\x1b" not in str(p) for p in problems)


def test_file_limits_each_have_their_own_line(tmp_path):
    cases = {
        b"a = " + b"[" * 3000 + b"]" * 3000: "imbriquées trop profondément",
        b"order = " + b"9" * 5000: "TOML",
        b"format = 1\nid = \"\xff\"": "UTF-8",
        b"#" * (2 << 20): "trop gros",
    }
    for content, words in cases.items():
        exercise, problems = _validate(tmp_path, content)
        assert exercise is None and len(problems) == 1 and words in str(problems[0]), str(problems)


def test_a_device_or_a_folder_is_not_read(tmp_path):
    for path in (Path("/dev/zero"), tmp_path):
        exercise, problems = validate_file(path)
        assert exercise is None and len(problems) == 1
