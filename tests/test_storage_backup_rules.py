"""Snapshots at their limits: how many of each kind are kept, names, order, what is usable or unchanged."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from journal.core.storage import backups as backups_module
from journal.core.storage import crypto
from journal.core.storage.backups import KEEP, Backups
from journal.core.store import JournalStore


@pytest.fixture
def folder(data_dir):
    with JournalStore(data_dir, snapshot_on_open=False) as store:
        store.notes.add("une note")
    return data_dir


def test_how_many_of_each_kind_are_kept():
    assert KEEP == {"start": 10, "daily": 14, "restore": 10, "upgrade": 5}


@pytest.mark.parametrize("kind", sorted(KEEP))
def test_pruning_keeps_exactly_the_newest_of_a_kind(folder, kind):
    backups = Backups(folder)
    before = [b for b in backups.all() if b.kind != kind]
    taken = [backups.take(kind).id for _ in range(KEEP[kind] + 2)]
    kept = [b.id for b in backups.all() if b.kind == kind]
    assert kept == list(reversed(taken))[: KEEP[kind]]
    assert [b for b in backups.all() if b.kind != kind] == before


def test_an_unknown_kind_keeps_ten(folder):
    backups = Backups(folder)
    for _ in range(12):
        backups.take("autre")
    assert len([b for b in backups.all() if b.kind == "autre"]) == 10


def test_names_and_sequence(folder):
    backups = Backups(folder)
    first, second, third = (backups.take("restore") for _ in range(3))
    stamp = first.id.removesuffix("-restore")
    assert second.id in (f"{stamp}-restore-2", f"{second.taken_at:%Y%m%d-%H%M%S}-restore")
    if second.id.endswith("-2"):
        assert second.sequence == 2 and first.sequence == 0
    assert backups.get(f" {third.id}.json ").id == third.id
    assert backups.get("20200101-000000-start") is None
    assert first.path.name == f"{first.id}.json" and first.size == len((folder / "journal.json").read_bytes())


def test_files_that_are_not_snapshots_are_ignored(folder):
    backups = Backups(folder)
    taken = backups.take("start")
    for name in ("notes.txt", "20250101-120000-start.txt", "2025-01-01-start.json", "20251301-120000-start.json", ".20250101-120000-start.json.x.tmp"):
        (backups.folder / name).write_text("x")
    assert [b.id for b in backups.all()] == [taken.id, *[b.id for b in backups.all()[1:]]]
    assert all(b.path.suffix == ".json" and b.kind in KEEP for b in backups.all())
    assert len(backups.all()) == 2  # the daily one and this one


def test_unchanged_journal_is_not_copied_again(folder):
    backups = Backups(folder)
    first = backups.take("start", unless_unchanged=True)
    assert first is not None
    assert backups.take("start", unless_unchanged=True) is None
    assert backups.take("start") is not None  # without the condition, always
    same_size = (folder / "journal.json").read_bytes().replace(b"une note", b"UNE NOTE")
    (folder / "journal.json").write_bytes(same_size)
    assert backups.take("start", unless_unchanged=True) is not None


def test_no_journal_no_snapshot(tmp_path):
    assert Backups(tmp_path).take("start") is None
    assert Backups(tmp_path).all() == []


def test_daily_due_once_per_day(folder):
    backups = Backups(folder)
    today = date.today()
    assert backups.daily_due(today) is False  # the first change of the day took one
    assert backups.daily_due(date(today.year + 1, 1, 1)) is True


def test_newest_accepted(folder):
    backups = Backups(folder)
    older = backups.take("start")
    newer = backups.take("start")
    assert backups.newest().id == newer.id
    assert backups.newest(accept=lambda raw: True).id == newer.id
    assert backups.newest(accept=lambda raw: False) is None
    newer.path.write_bytes(b"abime")
    assert backups.newest(accept=lambda raw: raw != b"abime").id in (older.id, backups.all()[-1].id)


def test_encrypted_mark_and_rewrite_count(folder, monkeypatch):
    monkeypatch.setattr(crypto, "DEFAULT_KDF", crypto.KdfParams(log2_n=10))
    backups = Backups(folder)
    taken = backups.take("start")
    assert taken.encrypted is False
    cipher = crypto.Cipher("une phrase assez longue")
    count = len(backups.all())
    assert backups.rewrite(lambda raw: None if crypto.is_encrypted(raw) else cipher.seal(raw)) == count
    assert all(b.encrypted for b in backups.all())
    assert backups.rewrite(lambda raw: None if crypto.is_encrypted(raw) else cipher.seal(raw)) == 0
    taken.path.unlink()
    assert taken.encrypted is False


def test_sorted_newest_first_by_time_then_sequence(folder):
    backups = Backups(folder)
    for name in ("20250101-120000-start", "20250101-120000-start-3", "20250101-120000-start-2", "20240101-120000-daily"):
        (backups.folder / f"{name}.json").write_text("{}")
    ids = [b.id for b in backups.all() if b.taken_at.year < 2026]
    assert ids == ["20250101-120000-start-3", "20250101-120000-start-2", "20250101-120000-start", "20240101-120000-daily"]
    assert backups.get("20250101-120000-start-3").taken_at == datetime(2025, 1, 1, 12, 0, 0)


def test_restorable_tells_good_from_damaged(folder):
    backups = Backups(folder)
    good = backups.take("start")
    assert good.restorable() is True
    good.path.write_bytes(b"{abime")
    assert good.restorable() is False
    good.path.unlink()
    assert good.restorable() is False
