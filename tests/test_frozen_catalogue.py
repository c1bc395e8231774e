"""The built-in exercises written as Python (``builtin_exercises.py``) are the checked files, and only while they are."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from journal.core.catalogue import catalogue as catalogue_module
from journal import refreeze
from journal.core.catalogue import frozen, load_catalogue
from journal.core.catalogue.catalogue import load_checked
from journal.core.models.exercise import Exercise
from journal.resources import exercises_dir

STALE = "builtin_exercises.py is not the exercise files' own: run python -m journal.refreeze"


def test_the_written_exercises_are_the_files_checked():
    thawed = frozen.thaw(exercises_dir())
    assert thawed is not None, STALE
    checked = load_checked(exercises_dir()).exercises
    assert thawed == checked
    assert repr(thawed) == repr(checked)  # every field, the source files (left out of ==) included
    assert [exercise.source_file for exercise in thawed] == [exercise.source_file for exercise in checked]


def test_the_module_is_exactly_what_refreeze_writes():
    """Never edited by hand: an edit would be used as long as the files' digest is unchanged."""
    assert refreeze.EXERCISES_FILE.read_text(encoding="utf-8") == refreeze.exercises_source(), STALE


def test_the_catalogue_uses_the_written_exercises_without_checking_a_file(monkeypatch):
    from journal.core.catalogue import validation

    checked = load_checked(exercises_dir()).exercises
    monkeypatch.setattr(validation, "validate_file", lambda *_a, **_k: pytest.fail("a file was checked"))
    assert load_catalogue().exercises == checked


@pytest.fixture
def copied(tmp_path, monkeypatch) -> Path:
    """A copy of the exercise files, used as the built-in folder."""
    folder = tmp_path / "exercises"
    shutil.copytree(exercises_dir(), folder)
    monkeypatch.setattr(catalogue_module, "exercises_dir", lambda: folder)
    monkeypatch.setenv("BILAN_CACHE_DIR", "")
    return folder


def first_file(folder: Path) -> Path:
    return sorted(folder.glob("*.toml"))[0]


def test_a_copy_of_the_same_files_uses_the_written_exercises(copied):
    assert frozen.thaw(copied) is not None
    assert load_catalogue().exercises[0].source_file.parent == copied


def test_an_edited_file_is_read_and_checked_again(copied):
    edited = first_file(copied)
    text = edited.read_text(encoding="utf-8")
    title = load_checked(copied).get(edited.stem)
    assert title is not None
    edited.write_text(text.replace(title.title.fr, "Titre changé à la main", 1), encoding="utf-8")
    assert frozen.thaw(copied) is None
    assert load_catalogue().get(edited.stem).title.fr == "Titre changé à la main"


def test_a_removed_or_added_file_is_another_set_of_files(copied):
    removed = first_file(copied)
    kept = removed.read_bytes()
    removed.unlink()
    assert frozen.thaw(copied) is None
    removed.write_bytes(kept)
    assert frozen.thaw(copied) is not None
    (copied / "zz-ajout.toml").write_bytes(kept)
    assert frozen.thaw(copied) is None


def test_a_file_whose_suffix_is_in_capitals_changes_the_digest(copied):
    """Where the files' reading ignores case (Windows), it reads ``X.TOML``: the digest must not ignore it."""
    (copied / "zz-AJOUT.TOML").write_bytes(first_file(copied).read_bytes())
    assert frozen.thaw(copied) is None


def test_a_renamed_file_is_another_set_of_files(copied):
    source = first_file(copied)
    source.rename(source.with_name("0-" + source.name))
    assert frozen.thaw(copied) is None


def test_a_missing_module_means_reading_the_files(monkeypatch):
    monkeypatch.setattr(frozen, "MODULE", "journal.core.catalogue.absent_module")
    assert frozen.thaw(exercises_dir()) is None
    assert load_catalogue().exercises == load_checked(exercises_dir()).exercises


def test_an_unreadable_folder_means_reading_the_files(tmp_path):
    assert frozen.thaw(tmp_path / "absent") is None


def test_only_what_the_models_hold_can_be_written():
    exercise = load_checked(exercises_dir()).exercises[0]
    odd = Exercise(*[1.5 if name == "order" else getattr(exercise, name) for name in Exercise.__slots__])
    with pytest.raises(TypeError, match="float"):
        frozen.freeze((odd,), exercises_dir())


@pytest.fixture
def targets(tmp_path, monkeypatch) -> list[Path]:
    """Where refreeze writes, in a temporary folder."""
    exercises, messages = tmp_path / "builtin_exercises.py", {"fr": tmp_path / "fr.py", "en": tmp_path / "en.py"}
    monkeypatch.setattr(refreeze, "EXERCISES_FILE", exercises)
    monkeypatch.setattr(refreeze, "MESSAGES_FILES", messages)
    return [exercises, messages["fr"], messages["en"]]


def test_refreeze_writes_every_module(targets, capsys):
    assert refreeze.main() == 0
    real = ("core/catalogue/builtin_exercises.py", "i18n/builtin_messages_fr.py", "i18n/builtin_messages_en.py")
    for written, name in zip(targets, real):
        assert written.read_text(encoding="utf-8") == (Path(refreeze.__file__).parent / name).read_text(encoding="utf-8")
    assert "written" in capsys.readouterr().out


def test_refreeze_refuses_exercise_files_with_problems_in_one_line(copied, targets, monkeypatch, capsys):
    monkeypatch.setattr(refreeze, "exercises_dir", lambda: copied)
    first_file(copied).write_text('format = "\x1b[31mrouge"\n', encoding="utf-8")
    assert refreeze.main() == 1
    assert not any(path.exists() for path in targets)
    error = capsys.readouterr().err
    assert error.count("\n") == 1 and "nothing written" in error and "\x1b" not in error
