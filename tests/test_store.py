"""The journal store: answers, statuses, notes and versions survive a reopen."""

from __future__ import annotations

import json

from journal.core.models import EntryStatus
from journal.core.store import SCHEMA_VERSION, JournalStore


def test_round_trip_of_answers_and_notes(data_dir):
    with JournalStore(data_dir) as store:
        store.entries.save_answer("ma-demande", "pourquoi", "Je m'ennuie au travail")
        store.entries.save_answer("ma-demande", "questions", ["changer", "former"])
        store.entries.set_status("ma-demande", EntryStatus.DONE)
        store.notes.add("J'ai parlé avec ma cheffe")
        store.notes.add("Secret", private=True)
    with JournalStore(data_dir) as store:
        entry = store.entries.get("ma-demande")
        assert entry.answers == {"pourquoi": "Je m'ennuie au travail", "questions": ["changer", "former"]}
        assert entry.status is EntryStatus.DONE
        assert [(n.text, n.private) for n in store.notes.all()] == [("J'ai parlé avec ma cheffe", False), ("Secret", True)]


def test_file_carries_schema_version(data_dir):
    JournalStore(data_dir).close()
    document = json.loads((data_dir / "journal.json").read_text())
    assert list(document["meta"].values())[0]["schema"] == SCHEMA_VERSION


def test_status_follows_answers(store):
    assert store.entries.status("mes-valeurs") is EntryStatus.NOT_STARTED
    store.entries.save_answer("mes-valeurs", "tri", {"piles": {"autonomie": "essentiel"}})
    assert store.entries.status("mes-valeurs") is EntryStatus.STARTED


def test_empty_first_answer_creates_nothing(store):
    store.entries.save_answer("ma-demande", "pourquoi", "")
    assert store.entries.all() == []


def test_coming_back_keeps_the_earlier_version(data_dir):
    with JournalStore(data_dir) as first_session:
        first_session.entries.save_answer("ma-demande", "pourquoi", "Première idée")
        first_session.entries.save_answer("ma-demande", "pourquoi", "Première idée, complétée")
    with JournalStore(data_dir) as second_session:
        second_session.entries.save_answer("ma-demande", "pourquoi", "Autre chose")
        second_session.entries.save_answer("ma-demande", "pourquoi", "Autre chose encore")
        entry = second_session.entries.get("ma-demande")
    assert entry.answers["pourquoi"] == "Autre chose encore"
    assert [version.answers["pourquoi"] for version in entry.history] == ["Première idée, complétée"]


def test_repeatable_instances_are_separate(store):
    first = store.entries.new_instance("point-de-suivi")
    second = store.entries.new_instance("point-de-suivi")
    store.entries.save_answer("point-de-suivi", "appris", "Un", first)
    store.entries.save_answer("point-de-suivi", "appris", "Deux", second)
    assert [e.answers["appris"] for e in store.entries.for_exercise("point-de-suivi")] == ["Un", "Deux"]


def test_returned_answers_are_copies(store):
    store.entries.save_answer("mon-parcours", "etapes", [{"periode": "2010"}])
    entry = store.entries.get("mon-parcours")
    entry.answers["etapes"][0]["periode"] = "changé"
    assert store.entries.get("mon-parcours").answers["etapes"][0]["periode"] == "2010"


def test_settings(store):
    assert store.settings.get("theme", "x") == "x"
    store.settings.set("theme", "bilan-sombre")
    assert store.settings.get("theme") == "bilan-sombre"
