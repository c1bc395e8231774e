"""Schema versions: every journal says its schema; older ones are upgraded on open, after a backup.

One fixture per past schema, as that version wrote it. Schema 0 is the
pre-release layout (no ``meta`` record); schema 1 is the current one.
"""

from __future__ import annotations

import orjson
import pytest

from journal.core.storage.migrations import MIGRATIONS, upgrade
from journal.core.storage.validation import SCHEMA_VERSION, schema_of
from journal.core.store import JournalStore, list_backups

FIXTURES = {
    0: b"""{"entries": {"1": {"exercise_id": "mes-valeurs", "answers": {"tri": ["autonomie", "sens"]},
                     "status": "done", "created_at": "2024-11-02T18:00:00+01:00", "updated_at": "2024-11-03T09:30:00+01:00"},
              "2": {"exercise_id": "ma-demande", "answers": {"pourquoi": "Changer de m\\u00e9tier"},
                     "updated_at": "2024-11-04T20:00:00+01:00"}},
 "notes": {"1": {"text": "Premi\\u00e8re note", "created_at": "2024-11-01T08:00:00+01:00"}},
 "settings": {"1": {"key": "theme", "value": "sombre"}}}""",
    1: b"""{"meta": {"1": {"kind": "bilan-journal", "schema": 1, "created_at": "2025-01-10T10:00:00+01:00"}},
 "entries": {"1": {"exercise_id": "mes-valeurs", "instance": 1, "answers": {"tri": ["sens"]}, "status": "started",
                   "created_at": "2025-01-10T10:05:00+01:00", "updated_at": "2025-01-10T10:06:00+01:00",
                   "private": true, "session": "abc", "history": [{"saved_at": "2025-01-10T10:05:00+01:00", "answers": {"tri": []}}]}},
 "notes": {"1": {"text": "Une note", "created_at": "2025-01-10T10:07:00+01:00", "private": false}},
 "settings": {}}""",
}


def journal_from(tmp_path, version: int):
    data = tmp_path / "journal"
    data.mkdir()
    (data / "journal.json").write_bytes(FIXTURES[version])
    return data


def test_there_is_a_fixture_and_a_migration_for_every_past_schema():
    assert len(MIGRATIONS) == SCHEMA_VERSION
    assert set(FIXTURES) == set(range(SCHEMA_VERSION + 1))


@pytest.mark.parametrize("version", range(SCHEMA_VERSION))
def test_each_migration_goes_up_exactly_one_version(version):
    data = orjson.loads(FIXTURES[version])
    assert schema_of(data) == version
    assert schema_of(MIGRATIONS[version](data)) == version + 1


@pytest.mark.parametrize("version", range(SCHEMA_VERSION + 1))
def test_every_past_journal_opens_with_its_content(tmp_path, version):
    data = journal_from(tmp_path, version)
    with JournalStore(data) as store:
        assert store.notes.all()[0].text in ("Première note", "Une note")
        assert store.entries.get("mes-valeurs", 1) is not None
        store.notes.add("écrite après l'ouverture")
    on_disk = orjson.loads((data / "journal.json").read_bytes())
    assert on_disk["meta"]["1"]["schema"] == SCHEMA_VERSION
    assert on_disk["meta"]["1"]["kind"] == "bilan-journal"


def test_schema_0_is_upgraded_after_a_backup_of_the_original(tmp_path):
    data = journal_from(tmp_path, 0)
    with JournalStore(data, snapshot_on_open=False) as store:
        values = store.entries.get("mes-valeurs", 1)
        demande = store.entries.get("ma-demande", 1)
        assert values.answers == {"tri": ["autonomie", "sens"]} and values.history == () and not values.private
        assert demande.created_at == demande.updated_at
        assert store.settings.get("theme") == "sombre"
    upgrades = [backup for backup in list_backups(data) if backup.kind == "upgrade"]
    assert len(upgrades) == 1 and upgrades[0].read() == FIXTURES[0]
    meta = orjson.loads((data / "journal.json").read_bytes())["meta"]["1"]
    assert meta["created_at"] == "2024-11-01T08:00:00+01:00" and meta["upgraded_from"] == 0


def test_a_current_journal_is_not_rewritten_on_open(tmp_path):
    data = journal_from(tmp_path, SCHEMA_VERSION)
    JournalStore(data, snapshot_on_open=False).close()  # moves the versions to their own file (tests/test_versions_file.py)
    files = ["journal.json", *(f"versions/{path.name}" for path in (data / "versions").iterdir())]
    assert len(files) > 1
    before = {name: (data / name).read_bytes() for name in files}
    upgrades = [backup for backup in list_backups(data) if backup.kind == "upgrade"]
    JournalStore(data, snapshot_on_open=False).close()
    assert {name: (data / name).read_bytes() for name in before} == before
    assert sorted(path.name for path in (data / "versions").iterdir()) == sorted(name[9:] for name in files[1:])
    assert [backup for backup in list_backups(data) if backup.kind == "upgrade"] == upgrades


def test_read_only_upgrades_in_memory_and_writes_nothing(tmp_path):
    data = journal_from(tmp_path, 0)
    with JournalStore(data, read_only=True) as store:
        assert store.entries.get("mes-valeurs", 1).answers["tri"] == ["autonomie", "sens"]
    assert (data / "journal.json").read_bytes() == FIXTURES[0]
    assert list_backups(data) == []


def test_upgrade_reports_the_version_it_found():
    data, found = upgrade(orjson.loads(FIXTURES[0]))
    assert found == 0 and schema_of(data) == SCHEMA_VERSION
