"""The messages written as Python (``builtin_messages.py``) are the merged message files, and only while they are."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from journal import refreeze
from journal.i18n import catalogue, frozen
from journal.i18n.catalogue import LANGUAGES, message_files, messages, read_messages

STALE = "builtin_messages_<lang>.py is not the message files' own: run python -m journal.refreeze"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_written_messages_are_the_files_merged(lang):
    written = frozen.thaw(lang, catalogue.LOCALES, message_files(lang))
    assert written is not None, STALE
    merged = read_messages(lang, message_files(lang))
    assert written == merged
    assert list(written) == list(merged)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_module_is_exactly_what_refreeze_writes(lang):
    assert refreeze.MESSAGES_FILES[lang].read_text(encoding="utf-8") == refreeze.messages_source(lang), STALE


@pytest.fixture
def copied(tmp_path, monkeypatch) -> Path:
    """A copy of the message files, used as bilan's own."""
    folder = tmp_path / "locales"
    shutil.copytree(catalogue.LOCALES, folder)
    monkeypatch.setattr(catalogue, "LOCALES", folder)
    monkeypatch.setenv("BILAN_CACHE_DIR", "")
    messages.cache_clear()
    yield folder
    messages.cache_clear()


def test_a_copy_of_the_same_files_uses_the_written_messages(copied, monkeypatch):
    monkeypatch.setattr(catalogue, "read_messages", lambda *_a: pytest.fail("the files were read"))
    assert messages("fr")["phases.suivi"] == "Suivi"


def test_an_edited_file_is_read_again(copied):
    main = copied / "fr.toml"
    main.write_text(main.read_text(encoding="utf-8").replace('suivi = "Suivi"', 'suivi = "Suivi changé"', 1), encoding="utf-8")
    assert frozen.thaw("fr", copied, message_files("fr")) is None
    assert messages("fr")["phases.suivi"] == "Suivi changé"
    assert frozen.thaw("en", copied, message_files("en")) is not None  # the other language's files are unchanged


def test_an_added_or_removed_file_is_another_set_of_files(copied):
    area = sorted((copied / "en").glob("*.toml"))[0]
    kept = area.read_bytes()
    area.unlink()
    assert frozen.thaw("en", copied, message_files("en")) is None
    area.write_bytes(kept)
    assert frozen.thaw("en", copied, message_files("en")) is not None
    (copied / "en" / "zz-more.toml").write_text('[zz]\nmore = "More"\n', encoding="utf-8")
    assert frozen.thaw("en", copied, message_files("en")) is None
    assert messages("en")["zz.more"] == "More"


def test_a_language_the_module_does_not_hold_is_read_from_its_files(copied):
    (copied / "de.toml").write_text('[a]\none = "eins"\n', encoding="utf-8")
    assert frozen.thaw("de", copied, message_files("de")) is None


def test_a_missing_module_means_reading_the_files(monkeypatch):
    monkeypatch.setattr(frozen, "MODULE", "journal.i18n.absent_module")
    assert frozen.thaw("fr", catalogue.LOCALES, message_files("fr")) is None


def test_refreeze_refuses_a_key_defined_twice_in_one_line(copied, tmp_path, monkeypatch, capsys):
    monkeypatch.setattr(refreeze, "EXERCISES_FILE", tmp_path / "builtin_exercises.py")
    monkeypatch.setattr(refreeze, "MESSAGES_FILES", {lang: tmp_path / f"builtin_messages_{lang}.py" for lang in LANGUAGES})
    (copied / "fr" / "zz-again.toml").write_text('[phases]\nsuivi = "encore"\n', encoding="utf-8")
    assert refreeze.main() == 1
    assert not list(tmp_path.glob("builtin_*.py"))
    error = capsys.readouterr().err
    assert error.count("\n") == 1 and "zz-again.toml" in error
