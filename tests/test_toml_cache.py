"""The parsed-TOML cache never serves a stale or a hostile copy: journal.core.toml_cache."""

from __future__ import annotations

import json
import os
import tomllib

import pytest

from journal.core import toml_cache
from journal.core.catalogue import frozen, load_catalogue
from journal.core.toml_cache import MAX_CACHE_BYTES, TomlCache
from journal.i18n import frozen as frozen_messages
from journal.i18n.catalogue import message_files, messages

DEEP: list = ["trop profond"]
for _ in range(toml_cache.MAX_DEPTH + 1):
    DEEP = [DEEP]
TEXT = 'id = "un"\ntitre = { fr = "Un", en = "One" }\n[[prompts]]\nid = "q"\nkind = "text"\n'


def parse_forbidden(monkeypatch):
    """From now on, parsing TOML fails the test: what is returned comes from the cache."""

    def refuse(_source):
        raise AssertionError("parsed although the cache holds this text")

    monkeypatch.setattr(tomllib, "loads", refuse)


def test_a_text_parsed_once_is_read_back_from_the_cache(tmp_path, monkeypatch):
    first = TomlCache("essai", tmp_path)
    assert first.loads(TEXT) == tomllib.loads(TEXT)
    first.save()
    assert oct((tmp_path / "essai.json").stat().st_mode & 0o777) == oct(0o600)
    parse_forbidden(monkeypatch)
    again = TomlCache("essai", tmp_path)
    assert again.loads(TEXT) == {"id": "un", "titre": {"fr": "Un", "en": "One"}, "prompts": [{"id": "q", "kind": "text"}]}
    assert again.hits == 1


def test_a_changed_text_of_the_same_size_and_date_is_parsed_again(tmp_path):
    """Found by the text's digest, not by the file's name, size or date: an edit is never missed."""
    exercise = tmp_path / "exercice.toml"
    exercise.write_text(TEXT, encoding="utf-8")
    cache = TomlCache("essai", tmp_path)
    cache.loads(exercise.read_text(encoding="utf-8"))
    cache.save()
    stat = exercise.stat()
    exercise.write_text(TEXT.replace('"Un"', '"Dn"'), encoding="utf-8")
    os.utime(exercise, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    assert exercise.stat().st_size == stat.st_size
    again = TomlCache("essai", tmp_path)
    assert again.loads(exercise.read_text(encoding="utf-8"))["titre"]["fr"] == "Dn"
    assert again.hits == 0


def forged(tmp_path, entries, **changes):
    """A cache file written by someone else, for TEXT's digest."""
    stored = {"format": toml_cache.FORMAT, "key": toml_cache._version_key(), "entries": entries, **changes}
    (tmp_path / "essai.json").write_text(json.dumps(stored), encoding="utf-8")


@pytest.mark.parametrize(
    "entry",
    [
        None,
        [],
        "texte",
        {"id": None},
        {"id": {"fr": [1, None]}},
        {"a": {"b": DEEP}},
    ],
)
def test_an_entry_that_tomllib_could_not_have_returned_is_not_used(tmp_path, entry):
    forged(tmp_path, {toml_cache._digest(TEXT): entry})
    cache = TomlCache("essai", tmp_path)
    assert cache.loads(TEXT) == tomllib.loads(TEXT)
    assert cache.hits == 0


@pytest.mark.parametrize(
    "content",
    [
        b"\x00\xff pas du json",
        b"[1, 2, 3]",
        b'{"format": 1}',
        b"[" * 100_000 + b"]" * 100_000,
        b'{"format": 1, "key": "x", "entries": {}}',
        b"1" * 5000,
    ],
)
def test_a_damaged_or_foreign_cache_file_is_ignored(tmp_path, content):
    (tmp_path / "essai.json").write_bytes(content)
    cache = TomlCache("essai", tmp_path)
    assert cache.loads(TEXT) == tomllib.loads(TEXT)
    assert cache.hits == 0
    cache.save()
    assert TomlCache("essai", tmp_path).loads(TEXT) == tomllib.loads(TEXT)


def test_a_cache_of_another_version_or_too_large_is_ignored(tmp_path, monkeypatch):
    digest = toml_cache._digest(TEXT)
    forged(tmp_path, {digest: {"id": "autre"}}, key="bilan 0.0.1, Python 3.11.0")
    assert TomlCache("essai", tmp_path).loads(TEXT)["id"] == "un"
    forged(tmp_path, {digest: {"id": "autre", "pad": "x" * MAX_CACHE_BYTES}})
    assert TomlCache("essai", tmp_path).loads(TEXT)["id"] == "un"


def test_a_text_tomllib_refuses_is_refused_the_same_way_and_never_cached(tmp_path):
    cache = TomlCache("essai", tmp_path)
    with pytest.raises(tomllib.TOMLDecodeError):
        cache.loads("id = ")
    dated = 'quand = 2024-03-01T10:00:00+01:00\n'
    assert cache.loads(dated) == tomllib.loads(dated)  # a date has no JSON form: parsed each time
    cache.save()
    assert json.loads((tmp_path / "essai.json").read_text())["entries"] == {}


def test_an_unwritable_cache_folder_changes_nothing(tmp_path):
    blocked = tmp_path / "fichier"
    blocked.write_text("pas un dossier")
    cache = TomlCache("essai", blocked)
    assert cache.loads(TEXT) == tomllib.loads(TEXT)
    cache.save()
    assert TomlCache("essai", None).loads(TEXT) == tomllib.loads(TEXT)


def test_the_cache_keeps_only_the_texts_of_the_last_run(tmp_path):
    cache = TomlCache("essai", tmp_path)
    cache.loads(TEXT)
    cache.loads('id = "deux"\n')
    cache.save()
    cache = TomlCache("essai", tmp_path)
    cache.loads('id = "trois"\n')
    cache.save()
    assert len(json.loads((tmp_path / "essai.json").read_text())["entries"]) == 1


def files_changed_since_written(monkeypatch):
    """As in a checkout whose exercise and message files changed: the modules written from them are not theirs."""
    monkeypatch.setattr(frozen, "thaw", lambda folder: None)
    monkeypatch.setattr(frozen_messages, "thaw", lambda lang, base, files: None)


def test_the_catalogue_from_the_cache_is_the_catalogue_from_the_files(tmp_path, monkeypatch):
    monkeypatch.setenv("BILAN_CACHE_DIR", str(tmp_path))
    files_changed_since_written(monkeypatch)
    from_files = load_catalogue()
    assert (tmp_path / "exercises.json").exists()
    parse_forbidden(monkeypatch)
    assert load_catalogue() == from_files


def test_a_forged_exercise_in_the_cache_is_not_shown(tmp_path, monkeypatch):
    """A cached copy the real file would not give fails validation: the catalogue is read from the files."""
    monkeypatch.setenv("BILAN_CACHE_DIR", str(tmp_path))
    files_changed_since_written(monkeypatch)
    expected = load_catalogue()
    stored = json.loads((tmp_path / "exercises.json").read_text(encoding="utf-8"))
    for data in stored["entries"].values():
        data["phase"] = 99
    (tmp_path / "exercises.json").write_text(json.dumps(stored), encoding="utf-8")
    assert load_catalogue() == expected


def test_messages_from_the_cache_are_the_messages_of_the_files(tmp_path, monkeypatch):
    monkeypatch.setenv("BILAN_CACHE_DIR", str(tmp_path))
    files_changed_since_written(monkeypatch)
    expected = {}
    for path in message_files("en"):
        expected.update(_flat(tomllib.loads(path.read_text(encoding="utf-8"))))
    for _ in range(2):  # written by the first, read by the second
        messages.cache_clear()
        try:
            assert messages("en") == expected
        finally:
            messages.cache_clear()
    assert (tmp_path / "messages-en.json").exists()


def _flat(table, prefix=""):
    flat = {}
    for key, value in table.items():
        if isinstance(value, dict):
            flat.update(_flat(value, f"{prefix}{key}."))
        else:
            flat[f"{prefix}{key}"] = str(value)
    return flat
