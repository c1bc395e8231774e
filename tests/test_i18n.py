"""The translation catalogue: French and English say the same things."""

from __future__ import annotations

import re
import string

from journal.i18n import set_language, t
from journal.i18n.catalogue import messages


def fields(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def test_same_keys_in_both_languages():
    assert set(messages("fr")) == set(messages("en"))


def test_same_placeholders_in_both_languages():
    french, english = messages("fr"), messages("en")
    for key, text in french.items():
        if key.startswith("argparse."):
            assert set(re.findall(r"%\((\w+)\)", text)) == set(re.findall(r"%\((\w+)\)", english[key])), key
            continue
        assert fields(text) == fields(english[key]), key


def test_no_empty_message():
    for lang in ("fr", "en"):
        assert all(text.strip() for text in messages(lang).values())


def test_switching_language():
    set_language("en")
    assert t("phases.suivi") == "Follow-up"
    set_language("fr")
    assert t("phases.suivi") == "Suivi"
    set_language("de")
    assert t("phases.suivi") == "Suivi"


def test_area_files_are_merged_and_share_keys(tmp_path, monkeypatch):
    from journal.i18n import catalogue

    for lang in ("fr", "en"):
        (tmp_path / lang).mkdir()
        (tmp_path / f"{lang}.toml").write_text('[a]\none = "1"\n', encoding="utf-8")
        (tmp_path / lang / "zone.toml").write_text('[zone]\ntwo = "2"\n', encoding="utf-8")
    monkeypatch.setattr(catalogue, "LOCALES", tmp_path)
    catalogue.messages.cache_clear()
    try:
        assert catalogue.messages("fr") == {"a.one": "1", "zone.two": "2"}
        (tmp_path / "fr" / "again.toml").write_text('[a]\none = "again"\n', encoding="utf-8")
        catalogue.messages.cache_clear()
        import pytest

        with pytest.raises(ValueError, match="again.toml"):
            catalogue.messages("fr")
    finally:
        catalogue.messages.cache_clear()


def test_plural_forms_follow_the_count_and_the_language():
    from journal.i18n.catalogue import _choose_plurals

    text = "{count} [[count:exercice|exercices]]"
    assert _choose_plurals(text, {"count": 0}, "fr") == "{count} exercice"
    assert _choose_plurals(text, {"count": 1}, "fr") == "{count} exercice"
    assert _choose_plurals(text, {"count": 2}, "fr") == "{count} exercices"
    assert _choose_plurals(text, {"count": 0}, "en") == "{count} exercices"
    assert _choose_plurals(text, {"count": 1}, "en") == "{count} exercice"
    set_language("fr")
    assert t("panel.appointment", when="lundi", days=1).endswith("(dans 1 jour)")
    assert t("panel.appointment", when="lundi", days=2).endswith("(dans 2 jours)")
    set_language("en")
    assert t("panel.appointment", when="Monday", days=1).endswith("(in 1 day)")


def test_large_whole_numbers_are_grouped_as_each_language_writes_them():
    try:
        set_language("fr")
        message = t("versions_file.too_many", path="/dossier", limit=200_000)
        assert "plus de 200\u202f000 fichiers" in message, "French: a narrow no-break space between groups"
        assert t("versions_file.too_many", path="/dossier", limit=9_999).count("9999") == 1, "four digits: as written"
        assert t("panel.appointment", when="lundi", days=20_000).endswith("(dans 20\u202f000 jours)"), "plural from the number"
        assert "2026" in t("panel.appointment", when="2026", days=2026), "a year stays a year"
        assert "True" in t("versions_file.too_many", path="/dossier", limit=True), "not a number"
        set_language("en")
        assert "more than 200,000 files" in t("versions_file.too_many", path="/folder", limit=200_000)
        assert "-12,345" in t("versions_file.too_many", path="/folder", limit=-12_345)
    finally:
        set_language("fr")


def test_no_count_written_with_a_parenthesised_plural():
    for lang in ("fr", "en"):
        for key, text in messages(lang).items():
            if key.startswith("argparse."):
                continue
            assert "(s)" not in text, (lang, key, text)
            for name in re.findall(r"\[\[(\w+):", text):
                assert name in fields(text), (lang, key, name)
