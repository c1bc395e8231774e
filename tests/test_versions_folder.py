"""One versions file per entry: what adding a version touches, hostile names and folders, the move from
``versions.json`` (crash at any point), snapshots of the folder, encryption interrupted, a full disk.

``tests/test_versions_file.py`` holds the behaviour every layout keeps (written first, migrated, sealed, dumped).
"""

from __future__ import annotations

import errno
import os

import orjson
import pytest

from journal.core.storage import JournalError, atomic, crypto
from journal.core.storage import versions_folder as folder_module
from journal.core.storage.backups import Backups
from journal.core.storage.versions_folder import VersionsFolder, file_name
from journal.core.store import JournalStore, list_backups, restore_backup
from journal.core.store.versions import EntryVersions
from tests.versions_helpers import answer_in_sessions, entry_file, fast_kdf  # noqa: F401 (fast_kdf: a fixture)

V1 = {"saved_at": "2025-01-10T10:05:00+01:00", "answers": {"q": "un"}}
V2 = {"saved_at": "2025-01-11T10:05:00+01:00", "answers": {"q": "deux"}}
V3 = {"saved_at": "2025-01-12T10:05:00+01:00", "answers": {"q": "trois"}}
PHRASE = "phrase de passe"
REPLACE = os.replace


def history(data_dir, exercise="ma-demande", passphrase=None, **options):
    with JournalStore(data_dir, passphrase=passphrase, snapshot_on_open=False, **options) as store:
        return [version.answers["q"] for version in store.entries.get(exercise).history]


def power_cut_after(monkeypatch, renames):
    """The power goes out after ``renames`` entry files were put in place (every file before is whole)."""
    done = []

    def replace(source, target):
        if "/versions/" in str(target):
            if len(done) == renames:
                raise KeyboardInterrupt("the power went out")
            done.append(target)
        REPLACE(source, target)

    monkeypatch.setattr(atomic.os, "replace", replace)


def with_single_file(data_dir, versions):
    """A journal as the last bilan left it: current answers in the journal, every version in ``versions.json``."""
    for exercise in versions:
        answer_in_sessions(data_dir, "actuelle", exercise=exercise)
    (data_dir / "versions.json").write_bytes(
        orjson.dumps({"kind": "bilan-versions", "format": 1, "versions": {e: {"1": h} for e, h in versions.items()}})
    )


# -- what adding a version costs ------------------------------------------------------


def test_a_new_version_reads_and_rewrites_only_its_own_entrys_file(data_dir, monkeypatch):
    answer_in_sessions(data_dir, "a", "b", exercise="mes-valeurs")
    answer_in_sessions(data_dir, "un", "deux")
    other = entry_file(data_dir, "mes-valeurs").stat()
    opened = []
    real_raw = VersionsFolder.raw
    monkeypatch.setattr(VersionsFolder, "raw", lambda self, name: opened.append(name) or real_raw(self, name))
    answer_in_sessions(data_dir, "trois")
    assert set(opened) == {entry_file(data_dir).name}
    assert entry_file(data_dir, "mes-valeurs").stat().st_ino == other.st_ino
    assert history(data_dir) == ["un", "deux"] and history(data_dir, "mes-valeurs") == ["a"]


def test_two_windows_adding_versions_to_two_entries_keep_both(data_dir):
    answer_in_sessions(data_dir, "a", exercise="mes-valeurs")
    answer_in_sessions(data_dir, "un")
    with JournalStore(data_dir, snapshot_on_open=False) as first, JournalStore(data_dir, snapshot_on_open=False) as second:
        first.entries.save_answer("ma-demande", "q", "deux")
        second.entries.save_answer("mes-valeurs", "q", "b")
        first.entries.save_answer("mes-valeurs", "q", "c")  # the other window's version of it is kept, and this one's
    assert history(data_dir) == ["un"] and history(data_dir, "mes-valeurs") == ["a", "b"]


# -- hostile names and folders ----------------------------------------------------------


@pytest.mark.parametrize("exercise", ["../../dehors", "a/b", "x\x00y", "é" * 5000, "..", "/", ""])
def test_no_exercise_id_becomes_a_path(data_dir, exercise):
    answer_in_sessions(data_dir, "un", "deux", exercise=exercise)
    names = os.listdir(data_dir / "versions")
    assert names == [file_name(exercise, 1)] and folder_module.NAME.match(names[0])
    assert history(data_dir, exercise) == ["un"]
    assert sorted(os.listdir(data_dir.parent)) == ["journal"]


def test_a_link_in_the_folder_is_never_followed_but_set_aside(data_dir, tmp_path):
    answer_in_sessions(data_dir, "un", "deux")
    elsewhere = tmp_path / "ailleurs.json"
    elsewhere.write_bytes(entry_file(data_dir).read_bytes())
    entry_file(data_dir).unlink()
    entry_file(data_dir).symlink_to(elsewhere)
    with JournalStore(data_dir, snapshot_on_open=False) as store:
        assert store.entries.get("ma-demande").history == () and "abîmé" in store.versions_notice
        assert "d'un exercice" in store.versions_notice and "les autres exercices gardent leurs versions" in store.versions_notice
    assert not entry_file(data_dir).exists() and elsewhere.exists()
    assert [path.is_symlink() for path in (data_dir / "versions").glob("*.damaged-*")] == [True]


def test_a_file_too_large_is_set_aside_without_being_read(data_dir, monkeypatch):
    answer_in_sessions(data_dir, "un", "deux")
    monkeypatch.setattr(folder_module, "MAX_FILE_BYTES", entry_file(data_dir).stat().st_size - 1)
    assert history(data_dir) == []
    assert len(list((data_dir / "versions").glob("*.damaged-*"))) == 1


def test_a_folder_with_too_many_files_is_one_line_and_nothing_is_removed(data_dir, monkeypatch, tmp_path):
    answer_in_sessions(data_dir, "un", "deux")
    for number in range(3):
        (data_dir / "versions" / file_name("autre", number + 1)).write_bytes(b"{}")
    (data_dir / "versions" / "pas-a-bilan.txt").write_bytes(b"x")
    monkeypatch.setattr(folder_module, "MAX_FILES", 3)
    with JournalStore(data_dir, snapshot_on_open=False) as store:
        assert [version.answers["q"] for version in store.entries.get("ma-demande").history] == ["un"]
        with pytest.raises(JournalError) as raised:
            store.transfer.restore(store.transfer.tables())
        assert "\n" not in str(raised.value) and "3" in str(raised.value)
    assert len(os.listdir(data_dir / "versions")) == 5
    with JournalStore(data_dir) as store:  # the start snapshot cannot keep them: said in one line, the journal opens
        assert "\n" not in store.backup_warning and "3" in store.backup_warning
        assert store.entries.current_of("ma-demande")[0].answers == {"q": "deux"}
    assert len(os.listdir(data_dir / "versions")) == 5


def test_foreign_names_in_the_folder_are_left_alone(data_dir):
    answer_in_sessions(data_dir, "un", "deux")
    (data_dir / "versions" / "notes.txt").write_bytes(b"a moi")
    with JournalStore(data_dir, snapshot_on_open=False) as store:
        store.transfer.restore(store.transfer.tables())
        store.enable_encryption(PHRASE)
    assert (data_dir / "versions" / "notes.txt").read_bytes() == b"a moi"
    assert history(data_dir, passphrase=PHRASE) == ["un"]


# -- the move from versions.json ----------------------------------------------------------


def test_the_single_file_is_moved_into_one_file_per_entry_and_removed(data_dir):
    with_single_file(data_dir, {"ma-demande": [V1, V2], "mes-valeurs": [V3]})
    single = (data_dir / "versions.json").read_bytes()
    with JournalStore(data_dir, read_only=True) as store:  # read-only: combined, nothing written
        assert [v.answers["q"] for v in store.entries.get("ma-demande").history] == ["un", "deux"]
    assert (data_dir / "versions.json").read_bytes() == single and not (data_dir / "versions").exists()
    assert history(data_dir) == ["un", "deux"] and history(data_dir, "mes-valeurs") == ["trois"]
    assert not (data_dir / "versions.json").exists()
    assert orjson.loads(entry_file(data_dir).read_bytes())["versions"] == [V1, V2]
    upgrade = next(backup for backup in list_backups(data_dir) if backup.kind == "upgrade")
    assert upgrade.read_versions() == single


@pytest.mark.parametrize("crash_after", [0, 1, 2])
def test_a_crash_at_any_point_of_the_move_loses_nothing_and_ends_the_same(data_dir, monkeypatch, crash_after):
    with_single_file(data_dir, {"ma-demande": [V1, V2], "mes-valeurs": [V3], "mon-parcours": [V1]})
    power_cut_after(monkeypatch, crash_after)
    with pytest.raises(KeyboardInterrupt):
        JournalStore(data_dir, snapshot_on_open=False)
    monkeypatch.setattr(atomic.os, "replace", REPLACE)
    assert (data_dir / "versions.json").exists()  # removed last
    assert history(data_dir, read_only=True) == ["un", "deux"]  # both combined, each version once
    assert history(data_dir) == ["un", "deux"] and history(data_dir, "mes-valeurs") == ["trois"]
    assert history(data_dir, "mon-parcours") == ["un"] and not (data_dir / "versions.json").exists()
    assert orjson.loads(entry_file(data_dir).read_bytes())["versions"] == [V1, V2]


def test_a_crash_before_the_single_file_is_removed_converges(data_dir, monkeypatch):
    with_single_file(data_dir, {"ma-demande": [V1, V2]})
    monkeypatch.setattr(EntryVersions, "_remove_single", lambda self: (_ for _ in ()).throw(KeyboardInterrupt()))
    with pytest.raises(KeyboardInterrupt):
        JournalStore(data_dir, snapshot_on_open=False)
    monkeypatch.undo()
    monkeypatch.setattr(crypto, "DEFAULT_KDF", crypto.KdfParams(log2_n=10))
    assert entry_file(data_dir).exists() and (data_dir / "versions.json").exists()
    assert history(data_dir, read_only=True) == ["un", "deux"]
    answer_in_sessions(data_dir, "nouvelle")
    assert history(data_dir) == ["un", "deux", "actuelle"] and not (data_dir / "versions.json").exists()


def test_a_single_file_written_again_by_an_older_bilan_is_combined_and_moved(data_dir):
    answer_in_sessions(data_dir, "un", "deux")
    mine = orjson.loads(entry_file(data_dir).read_bytes())["versions"]
    (data_dir / "versions.json").write_bytes(
        orjson.dumps({"kind": "bilan-versions", "format": 1, "versions": {"ma-demande": {"1": [*mine, V3]}}})
    )
    assert history(data_dir) == ["trois", "un"]  # oldest first: V3 was saved in 2025
    assert not (data_dir / "versions.json").exists() and orjson.loads(entry_file(data_dir).read_bytes())["versions"] == [V3, *mine]


@pytest.mark.parametrize("keys", [("1", "01"), ("01", "1")])
def test_two_keys_of_the_single_file_naming_the_same_instance_are_both_moved(data_dir, keys):
    answer_in_sessions(data_dir, "actuelle")
    (data_dir / "versions.json").write_bytes(
        orjson.dumps({"kind": "bilan-versions", "format": 1, "versions": {"ma-demande": {keys[0]: [V1], keys[1]: [V2]}}})
    )
    with JournalStore(data_dir, snapshot_on_open=False):
        pass
    assert not (data_dir / "versions.json").exists()
    assert orjson.loads(entry_file(data_dir).read_bytes())["versions"] == [V1, V2]


def test_a_damaged_single_file_is_set_aside_and_the_journal_opens(data_dir):
    answer_in_sessions(data_dir, "un", "deux")
    (data_dir / "versions.json").write_bytes(b"{abime")
    with JournalStore(data_dir, snapshot_on_open=False) as store:
        assert "abîmé" in store.versions_notice
        assert [v.answers["q"] for v in store.entries.get("ma-demande").history] == ["un"]
    assert [path.read_bytes() for path in data_dir.glob("versions.damaged-*.json")] == [b"{abime"]


def test_a_sealed_single_file_is_moved_into_sealed_entry_files(data_dir):
    answer_in_sessions(data_dir, "un", "deux")
    with JournalStore(data_dir, snapshot_on_open=False) as store:
        store.enable_encryption(PHRASE)
    cipher = crypto.Cipher(PHRASE)
    single = {"kind": "bilan-versions", "format": 1, "versions": {"ma-demande": {"1": [V3]}}}
    (data_dir / "versions.json").write_bytes(cipher.seal(orjson.dumps(single)))
    assert history(data_dir, passphrase=PHRASE) == ["trois", "un"]
    assert crypto.is_encrypted(entry_file(data_dir).read_bytes()) and not (data_dir / "versions.json").exists()


# -- snapshots ------------------------------------------------------------------------------


def test_restoring_a_snapshot_puts_back_exactly_its_entry_files(data_dir):
    answer_in_sessions(data_dir, "un", "deux")
    with JournalStore(data_dir):
        pass
    backup = list_backups(data_dir)[0]
    answer_in_sessions(data_dir, "trois")
    answer_in_sessions(data_dir, "a", "b", exercise="mes-valeurs")  # an entry the snapshot does not have
    restore_backup(data_dir, backup.id)
    assert sorted(os.listdir(data_dir / "versions")) == [entry_file(data_dir).name]
    assert history(data_dir, read_only=True) == ["un"]
    kept = next(b for b in list_backups(data_dir) if b.kind == "restore")
    assert sorted(kept.version_files()) == sorted([entry_file(data_dir).name, entry_file(data_dir, "mes-valeurs").name])


def test_a_snapshot_with_the_single_file_restores_and_is_moved_again(data_dir):
    with_single_file(data_dir, {"ma-demande": [V1, V2]})
    answer_in_sessions(data_dir, "nouvelle")  # moves the single file; the upgrade snapshot keeps it
    answer_in_sessions(data_dir, "a", "b", exercise="mes-valeurs")
    upgrade = next(b for b in list_backups(data_dir) if b.kind == "upgrade")
    assert upgrade.read_versions() is not None and upgrade.version_files() == []
    restore_backup(data_dir, upgrade.id)
    assert (data_dir / "versions.json").exists() and os.listdir(data_dir / "versions") == []
    assert history(data_dir) == ["un", "deux"] and not (data_dir / "versions.json").exists()


def test_a_snapshot_copies_where_the_disk_refuses_links(data_dir, monkeypatch):
    answer_in_sessions(data_dir, "un", "deux")

    def refuse(*_args, **_options):
        raise OSError(errno.EXDEV, "Invalid cross-device link")

    monkeypatch.setattr(os, "link", refuse)
    backup = Backups(data_dir).take("start")
    kept = backup.versions_folder / entry_file(data_dir).name
    assert kept.read_bytes() == entry_file(data_dir).read_bytes() and kept.stat().st_ino != entry_file(data_dir).stat().st_ino
    answer_in_sessions(data_dir, "trois")
    restore_backup(data_dir, backup.id)
    assert history(data_dir, read_only=True) == ["un"]


def test_rewriting_a_snapshot_never_changes_the_live_file_it_shares(data_dir):
    answer_in_sessions(data_dir, "un", "deux")
    backups = Backups(data_dir)
    backup = backups.take("start")
    live = entry_file(data_dir).read_bytes()
    assert (backup.versions_folder / entry_file(data_dir).name).stat().st_ino == entry_file(data_dir).stat().st_ino
    backups.rewrite(lambda raw: crypto.Cipher(PHRASE).seal(raw))
    assert entry_file(data_dir).read_bytes() == live
    assert crypto.is_encrypted((backup.versions_folder / entry_file(data_dir).name).read_bytes())


def test_pruning_removes_a_snapshots_folder(data_dir, monkeypatch):
    from journal.core.storage import backups as backups_module

    monkeypatch.setitem(backups_module.KEEP, "start", 1)
    answer_in_sessions(data_dir, "un", "deux")
    backups = Backups(data_dir)
    first = backups.take("start")
    second = backups.take("start")
    assert not first.versions_folder.exists() and second.versions_folder.is_dir()


# -- encryption interrupted, a full disk -----------------------------------------------------


@pytest.mark.parametrize("turning", ["on", "off"])
def test_a_crash_while_resealing_leaves_every_version_readable_and_sealed_at_the_next_opening(data_dir, monkeypatch, turning):
    answer_in_sessions(data_dir, "a", "b", exercise="mes-valeurs")
    answer_in_sessions(data_dir, "un", "deux")
    if turning == "off":
        with JournalStore(data_dir, snapshot_on_open=False) as store:
            store.enable_encryption(PHRASE)
    power_cut_after(monkeypatch, 1)
    with JournalStore(data_dir, passphrase=PHRASE if turning == "off" else None, snapshot_on_open=False) as store:
        with pytest.raises(KeyboardInterrupt):
            store.enable_encryption(PHRASE) if turning == "on" else store.disable_encryption()
    monkeypatch.setattr(atomic.os, "replace", REPLACE)
    files = [entry_file(data_dir), entry_file(data_dir, "mes-valeurs")]
    assert sorted(crypto.is_encrypted(path.read_bytes()) for path in files) == [False, True]  # one of two rewritten
    assert crypto.is_encrypted((data_dir / "journal.json").read_bytes())  # sealed first on, opened last off
    assert history(data_dir, passphrase=PHRASE) == ["un"] and history(data_dir, "mes-valeurs", passphrase=PHRASE) == ["a"]
    assert all(crypto.is_encrypted(path.read_bytes()) for path in files)


def test_a_full_disk_for_an_entry_file_is_one_line_and_the_journal_is_unchanged(data_dir, monkeypatch):
    from journal.core.storage import versions_folder

    answer_in_sessions(data_dir, "un", "deux")
    journal = (data_dir / "journal.json").read_bytes()
    real = versions_folder.atomic_write_many

    def full(items):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(versions_folder, "atomic_write_many", full)
    with JournalStore(data_dir, snapshot_on_open=False) as store:
        with pytest.raises(JournalError) as raised:
            store.entries.save_answer("ma-demande", "q", "trois")
        assert "\n" not in str(raised.value) and entry_file(data_dir).name in str(raised.value)
        assert (data_dir / "journal.json").read_bytes() == journal
        monkeypatch.setattr(versions_folder, "atomic_write_many", real)
        store.entries.save_answer("ma-demande", "q", "trois")
    assert history(data_dir) == ["un", "deux"]


def test_a_restore_into_an_empty_journal_removes_versions_files_left_from_before(data_dir, tmp_path):
    answer_in_sessions(data_dir, "un", "deux")
    with JournalStore(data_dir, read_only=True) as store:
        tables = store.transfer.tables()
    other = tmp_path / "autre"
    answer_in_sessions(other, "x", "y", exercise="mes-valeurs")
    stale = entry_file(other, "mes-valeurs")
    with JournalStore(other, snapshot_on_open=False) as store:
        store.transfer.restore(tables)
        assert store.transfer.tables() == tables
    assert not stale.exists() and os.listdir(other / "versions") == [entry_file(data_dir).name]


def test_a_full_disk_while_moving_the_single_file_opens_the_journal_and_moves_it_later(data_dir, monkeypatch):
    from journal.core.storage import versions_folder

    with_single_file(data_dir, {"ma-demande": [V1, V2], "mes-valeurs": [V3]})
    real = versions_folder.atomic_write_many

    def full(items):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(versions_folder, "atomic_write_many", full)
    with JournalStore(data_dir, snapshot_on_open=False) as store:
        assert "\n" not in store.versions_notice and "versions" in store.versions_notice
        assert [v.answers["q"] for v in store.entries.get("ma-demande").history] == ["un", "deux"]
        assert store.entries.current_of("ma-demande")[0].answers == {"q": "actuelle"}
    assert (data_dir / "versions.json").exists()
    monkeypatch.setattr(versions_folder, "atomic_write_many", real)
    assert history(data_dir) == ["un", "deux"] and history(data_dir, "mes-valeurs") == ["trois"]
    assert not (data_dir / "versions.json").exists()


def test_files_sealed_by_many_threads_derive_the_key_once(monkeypatch):
    from concurrent.futures import ThreadPoolExecutor

    derived = []
    real = crypto.derive_key
    monkeypatch.setattr(crypto, "derive_key", lambda *args: derived.append(args) or real(*args))
    cipher = crypto.Cipher(PHRASE)
    with ThreadPoolExecutor(16) as pool:
        sealed = list(pool.map(cipher.seal, [b"{}"] * 64))
    assert len(derived) == 1 and all(cipher.open(raw) == b"{}" for raw in sealed)


def test_the_versions_of_a_snapshot_cut_short_are_removed_by_the_next_one(data_dir, monkeypatch):
    from journal.core.storage import backups as backups_module

    answer_in_sessions(data_dir, "un", "deux")
    real = backups_module.atomic_write

    def cut(path, payload, **options):
        if path.suffix == ".json" and path.parent.name == "backups":
            raise KeyboardInterrupt("the power went out")
        return real(path, payload, **options)

    monkeypatch.setattr(backups_module, "atomic_write", cut)
    with pytest.raises(KeyboardInterrupt):
        Backups(data_dir).take("start")
    monkeypatch.setattr(backups_module, "atomic_write", real)
    orphans = list((data_dir / "backups").glob("*-start.versions"))
    assert len(orphans) == 1 and [b for b in list_backups(data_dir) if b.kind == "start"] == []
    backup = Backups(data_dir).take("restore")
    assert not orphans[0].exists() and backup.version_files() == [entry_file(data_dir).name]
    assert history(data_dir, read_only=True) == ["un"]


# -- files that are not files ---------------------------------------------------------------


def _finishes(action):
    """Whether ``action`` returns instead of waiting for ever (a FIFO opened for reading waits for a writer)."""
    import threading

    done = []
    worker = threading.Thread(target=lambda: done.append(action()), daemon=True)
    worker.start()
    worker.join(60)
    return bool(done)


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")
@pytest.mark.parametrize("passphrase", [None, PHRASE])
def test_a_fifo_under_an_entry_files_name_never_blocks_the_opening_or_a_snapshot(data_dir, passphrase):
    answer_in_sessions(data_dir, "un", "deux", exercise="mes-valeurs", passphrase=passphrase)
    answer_in_sessions(data_dir, "x", passphrase=passphrase)
    os.mkfifo(entry_file(data_dir))

    def read_its_versions():
        try:
            return history(data_dir, passphrase=passphrase)
        except JournalError as error:  # one line saying what is wrong, as for a folder under that name
            return str(error)

    try:
        assert _finishes(lambda: history(data_dir, "mes-valeurs", passphrase=passphrase)) is True
        assert _finishes(lambda: Backups(data_dir).take("start")) is True
        assert _finishes(read_its_versions) is True
    finally:
        with open(os.open(entry_file(data_dir), os.O_RDWR | os.O_NONBLOCK), "rb"):  # frees any reader still waiting
            pass


@pytest.mark.parametrize("cut_short", [False, True])
def test_a_snapshots_versions_folder_that_is_a_link_is_never_emptied_through_it(data_dir, monkeypatch, cut_short):
    from journal.core.storage import backups as backups_module

    monkeypatch.setitem(backups_module.KEEP, "start", 1)
    answer_in_sessions(data_dir, "un", "deux")
    backups = Backups(data_dir)
    first = backups.take("start")
    for name in os.listdir(first.versions_folder):
        (first.versions_folder / name).unlink()
    first.versions_folder.rmdir()
    first.versions_folder.symlink_to(data_dir / "versions")  # pruning it must not remove the live files
    if cut_short:  # no journal copy: an orphan for the next snapshot
        first.path.unlink()
    backups.take("start")
    assert history(data_dir) == ["un"]


def _a_link_to_a_file_outside(folder, tmp_path):
    """A link under an entry file's name in ``folder``, leading to a file that is not bilan's; returns that file's bytes."""
    outside = tmp_path / "secret.txt"
    outside.write_bytes(b"pas a bilan")
    (folder / file_name("lien", 1)).symlink_to(outside)
    return outside.read_bytes()


def test_a_snapshot_that_must_copy_never_reads_through_a_link_in_the_versions_folder(data_dir, monkeypatch, tmp_path):
    answer_in_sessions(data_dir, "un", "deux")
    secret = _a_link_to_a_file_outside(data_dir / "versions", tmp_path)

    def refuse(*_args, **_options):
        raise OSError(errno.EXDEV, "Invalid cross-device link")

    monkeypatch.setattr(os, "link", refuse)
    backup = Backups(data_dir).take("start")
    kept = {name: (backup.versions_folder / name).read_bytes() for name in os.listdir(backup.versions_folder)}
    assert kept == {entry_file(data_dir).name: entry_file(data_dir).read_bytes()} and secret not in kept.values()


def test_sealing_snapshots_never_reads_through_a_link_in_their_versions_folder(data_dir, tmp_path):
    answer_in_sessions(data_dir, "un", "deux")
    backups = Backups(data_dir)
    backup = backups.take("start")
    _a_link_to_a_file_outside(backup.versions_folder, tmp_path)
    backups.rewrite(lambda raw: crypto.Cipher(PHRASE).seal(raw))
    assert (backup.versions_folder / file_name("lien", 1)).is_symlink()
    assert crypto.is_encrypted((backup.versions_folder / entry_file(data_dir).name).read_bytes())


def test_a_full_disk_while_moving_a_sealed_single_file_still_opens_the_encrypted_journal(data_dir, monkeypatch):
    from journal.core.storage import versions_folder

    answer_in_sessions(data_dir, "un", "deux")
    with JournalStore(data_dir, snapshot_on_open=False) as store:
        store.enable_encryption(PHRASE)
    single = {"kind": "bilan-versions", "format": 1, "versions": {"ma-demande": {"1": [V3]}}}
    (data_dir / "versions.json").write_bytes(crypto.Cipher(PHRASE).seal(orjson.dumps(single)))
    real = versions_folder.atomic_write_many

    def full(items):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(versions_folder, "atomic_write_many", full)
    with JournalStore(data_dir, passphrase=PHRASE, snapshot_on_open=False) as store:
        assert "\n" not in store.versions_notice
        assert [v.answers["q"] for v in store.entries.get("ma-demande").history] == ["trois", "un"]
    monkeypatch.setattr(versions_folder, "atomic_write_many", real)
    assert history(data_dir, passphrase=PHRASE) == ["trois", "un"] and not (data_dir / "versions.json").exists()


def test_sealing_the_snapshots_at_an_encrypted_opening_reads_only_the_first_bytes_of_sealed_versions_files(data_dir, monkeypatch):
    answer_in_sessions(data_dir, "un", "deux")
    answer_in_sessions(data_dir, "a", "b", exercise="mes-valeurs")
    with JournalStore(data_dir, snapshot_on_open=False) as store:
        store.enable_encryption(PHRASE)
    with JournalStore(data_dir, passphrase=PHRASE, snapshot_on_open=False) as store:
        store._journal.backups.take("start")
        read_in_full = []
        real_raw = VersionsFolder.raw
        monkeypatch.setattr(VersionsFolder, "raw", lambda self, name: read_in_full.append(name) or real_raw(self, name))
        store._journal.seal_backups()
        assert read_in_full == []
        (store._journal.backups.all()[0].versions_folder / entry_file(data_dir).name).unlink()
        (store._journal.backups.all()[0].versions_folder / entry_file(data_dir).name).write_bytes(b"{}")  # left plain by a crash
        store._journal.seal_backups()
        assert read_in_full == [entry_file(data_dir).name]


def test_file_names_are_the_sha256_of_the_exercise_id_as_written_so_far():
    """The name of an entry's versions file never changes between versions of bilan (older folders stay readable)."""
    import hashlib

    for exercise_id in ("mes-valeurs", "é", "\udcff", "x" * 300):
        expected = hashlib.sha256(exercise_id.encode("utf-8", "surrogatepass")).hexdigest()[:32]
        assert file_name(exercise_id, 7) == f"{expected}-7.json"
