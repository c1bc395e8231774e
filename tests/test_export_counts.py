"""The number a shared summary carries, counted in ``exports.json`` beside the journal rather than in the journal.

Numbers go 1, 2, 3… per bilan (before any bilan, per journal), as they did
when the journal kept them; a journal that kept counts goes on from them; the
file is hostile input: damaged, missing, absurd, a link, a folder or sealed
under another key, it never stops an export, and a number the journal or the
file knows was given is not given again.
"""

from __future__ import annotations

import json
import os

import pytest

from journal.cli.main import main
from journal.core.export.front_matter import read_front_matter
from journal.core.export.sharing import count_written_export, next_sequence
from journal.core.paths import EXPORTS_FILE
from journal.core.storage import crypto
from journal.core.storage import exports_file
from journal.core.storage.errors import JournalError
from journal.core.storage.sealed import is_encrypted
from journal.core.store import JournalStore

PASSPHRASE = "le chat dort sur le clavier"


@pytest.fixture(autouse=True)
def fast_kdf(monkeypatch):
    monkeypatch.setattr(crypto, "DEFAULT_KDF", crypto.KdfParams(log2_n=10))


def _numbers(store, times: int) -> list[int]:
    """The numbers ``times`` summaries carry, each counted once written (as ``bilan export`` does)."""
    numbers = []
    for _ in range(times):
        numbers.append(next_sequence(store, store.bilans.current()))
        count_written_export(store)
    return numbers


def _exported(data_dir, tmp_path, *extra: str) -> int:
    out = tmp_path / "s.md"
    assert main(["--data", str(data_dir), "export", "-o", str(out), "--force", *extra]) == 0
    return read_front_matter(out.read_text())["sequence"]


def _edit_journal(data_dir, change) -> None:
    path = data_dir / "journal.json"
    data = json.loads(path.read_text())
    change(data)
    path.write_text(json.dumps(data))


def test_numbers_go_on_per_journal_then_per_bilan_and_back(data_dir):
    with JournalStore(data_dir) as store:
        store.notes.add("Une note.")
        assert _numbers(store, 3) == [1, 2, 3]
        first = store.bilans.start("Claire", "D-1")
        assert _numbers(store, 2) == [1, 2]
        store.bilans.start("Paul", "D-2")  # ends Claire's
        assert _numbers(store, 1) == [1]
        assert store.exports.shared(first.id) == 2
    with JournalStore(data_dir) as store:
        table = store._journal.table("bilans")
        table.update({"ended_at": "2026-01-01T00:00:00+00:00"}, doc_ids=[doc.doc_id for doc in table.all()])
        assert _numbers(store, 1) == [4]  # no bilan open: the journal's count again


def test_counting_rewrites_the_small_file_and_never_the_journal(data_dir, tmp_path):
    with JournalStore(data_dir) as store:
        store.notes.add("Une note partagée.")
    journal = (data_dir / "journal.json").read_bytes()
    assert [_exported(data_dir, tmp_path) for _ in range(3)] == [1, 2, 3]
    assert (data_dir / "journal.json").read_bytes() == journal
    stored = json.loads((data_dir / EXPORTS_FILE).read_text())
    assert stored == {"kind": "bilan-exports", "format": 1, "counts": {"": 3}}


def test_a_journal_that_kept_its_counts_goes_on_from_them(data_dir, tmp_path):
    with JournalStore(data_dir) as store:
        store.notes.add("Une note.")
        bilan = store.bilans.start("Claire", "D-1")
        store.settings.set("export_sequence", 7)

    def kept(data):
        for doc in data["bilans"].values():
            doc["exports"] = 5

    _edit_journal(data_dir, kept)
    assert _exported(data_dir, tmp_path) == 6
    assert _exported(data_dir, tmp_path) == 7
    with JournalStore(data_dir) as store:
        assert store.exports.shared(bilan.id) == 7 and store.exports.shared(None) == 7
        store.bilans.start("Paul", "D-2")
        paul = store.bilans.current()
        assert store.exports.shared(paul.id) == 0


@pytest.mark.parametrize(
    "content",
    [
        b"",
        b"{",
        b"not json at all",
        b"[1, 2]",
        b'{"kind": "bilan-versions", "format": 1, "counts": {"": 50}}',
        b'{"kind": "bilan-exports", "format": 2, "counts": {"": 50}}',
        b'{"kind": "bilan-exports", "format": 1.0, "counts": {"": 50}}',
        b'{"kind": "bilan-exports", "format": true, "counts": {"": 50}}',
        b'{"kind": "bilan-exports", "format": 1, "counts": [50]}',
        b'{"kind": "bilan-exports", "format": 1, "counts": {"": "50"}}',
        b'{"kind": "bilan-exports", "format": 1, "counts": {"": true}}',
        b'{"kind": "bilan-exports", "format": 1, "counts": {"": 50.0}}',
        b'{"kind": "bilan-exports", "format": 1, "counts": {"": -50}}',
        b'{"kind": "bilan-exports", "format": 1, "counts": {"": 10000000000000000000000000}}',
        b'{"kind": "bilan-exports", "format": 1, "counts": {"": 1000000001}}',
        b'{"kind": "bilan-exports", "format": 1, "counts": {"": null}}',
        b'{"kind": "bilan-exports", "format": 1, "counts": {"": 1}, "x": "' + b"a" * 70_000 + b'"}',
        b"\x00\xff" * 10,
        b"BILANENC" + b"\x00" * 5,
    ],
)
def test_a_damaged_or_absurd_file_never_stops_an_export_and_the_journal_count_decides(data_dir, tmp_path, content):
    with JournalStore(data_dir) as store:
        store.notes.add("Une note.")
        store.settings.set("export_sequence", 3)
    (data_dir / EXPORTS_FILE).write_bytes(content)
    assert _exported(data_dir, tmp_path) == 4
    assert _exported(data_dir, tmp_path) == 5  # the file was written anew, whole
    assert json.loads((data_dir / EXPORTS_FILE).read_text())["counts"] == {"": 5}


def test_one_bad_count_leaves_the_others(data_dir):
    with JournalStore(data_dir) as store:
        store.notes.add("Une note.")
        bilan = store.bilans.start("Claire", "D-1")
        (data_dir / EXPORTS_FILE).write_text(json.dumps({"kind": "bilan-exports", "format": 1, "counts": {"": "x", bilan.id: 9}}))
        assert _numbers(store, 1) == [10]
        assert store.exports.shared(None) == 0


def test_an_absurd_count_in_the_journal_never_gives_one_number_twice(data_dir):
    with JournalStore(data_dir) as store:
        store.notes.add("Une note.")
        store.settings.set("export_sequence", exports_file.MAX_COUNT)
        assert _numbers(store, 2) == [1, 2]
        store.bilans.start("Claire", "D-1")
    _edit_journal(data_dir, lambda data: data["bilans"]["1"].update(exports=10**12))
    with JournalStore(data_dir) as store:
        assert _numbers(store, 2) == [1, 2]


@pytest.mark.parametrize("kind", ["folder", "link", "dangling link", "fifo"])
def test_something_else_than_a_file_is_not_read(data_dir, tmp_path, kind):
    with JournalStore(data_dir) as store:
        store.notes.add("Une note.")
    path = data_dir / EXPORTS_FILE
    elsewhere = tmp_path / "elsewhere.json"
    elsewhere.write_text(json.dumps({"kind": "bilan-exports", "format": 1, "counts": {"": 40}}))
    if kind == "folder":
        path.mkdir()
    elif kind == "link":
        path.symlink_to(elsewhere)
    elif kind == "dangling link":
        path.symlink_to(tmp_path / "missing.json")
    else:
        os.mkfifo(path)
    number = _exported(data_dir, tmp_path)  # a pipe is never waited on
    assert number == 1
    if kind != "folder":  # replaced by a regular file; the link's target is untouched
        assert path.is_file() and not path.is_symlink() and json.loads(path.read_text())["counts"] == {"": 1}
    assert json.loads(elsewhere.read_text())["counts"] == {"": 40}


def test_the_larger_count_wins_so_a_restored_backup_gives_no_number_twice(data_dir):
    with JournalStore(data_dir) as store:
        store.notes.add("Une note.")
        store.settings.set("export_sequence", 2)
        assert _numbers(store, 3) == [3, 4, 5]
        store._journal.snapshot("manual")
        store.settings.set("export_sequence", 1)  # as an older journal put back would say
        assert _numbers(store, 1) == [6]
        (data_dir / EXPORTS_FILE).unlink()  # the file lost: the journal's count
        assert _numbers(store, 1) == [2]


def test_a_disk_that_refuses_costs_the_next_number_never_the_summary(data_dir, tmp_path, monkeypatch):
    with JournalStore(data_dir) as store:
        store.notes.add("Une note.")
    assert _exported(data_dir, tmp_path) == 1

    def full(*_args, **_kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(exports_file, "atomic_write", full)
    assert _exported(data_dir, tmp_path) == 2
    assert "Une note." in (tmp_path / "s.md").read_text()
    monkeypatch.undo()
    assert _exported(data_dir, tmp_path) == 2


def test_a_read_only_journal_counts_nothing_and_says_nothing(data_dir):
    with JournalStore(data_dir) as store:
        store.notes.add("Une note.")
    with JournalStore(data_dir, read_only=True) as store:
        assert _numbers(store, 2) == [1, 1]
    assert not (data_dir / EXPORTS_FILE).exists()


def test_a_crash_while_counting_leaves_the_old_count_and_no_leftover(data_dir, monkeypatch):
    with JournalStore(data_dir) as store:
        store.notes.add("Une note.")
        assert _numbers(store, 2) == [1, 2]
        real_replace = os.replace

        def crash(source, target):
            if str(target).endswith(EXPORTS_FILE):
                raise KeyboardInterrupt  # the process stops between writing the new file and putting it in place
            return real_replace(source, target)

        monkeypatch.setattr(os, "replace", crash)
        with pytest.raises(KeyboardInterrupt):
            store.exports.count_one(None)
        monkeypatch.undo()
        assert store.exports.shared(None) == 2
    leftover = data_dir / f".{EXPORTS_FILE}.0123456789ab.tmp"
    leftover.write_text("half")
    with JournalStore(data_dir) as store:
        assert not leftover.exists()
        assert _numbers(store, 1) == [3]


def test_an_encrypted_journal_seals_its_counts_and_keeps_them_through_encrypting_and_decrypting(data_dir):
    with JournalStore(data_dir) as store:
        store.notes.add("Une note.")
        bilan = store.bilans.start("Claire", "D-1")
        assert _numbers(store, 2) == [1, 2]
        store.enable_encryption(PASSPHRASE)
    raw = (data_dir / EXPORTS_FILE).read_bytes()
    assert is_encrypted(raw) and bilan.id.encode() not in raw and b"bilan-exports" not in raw
    with JournalStore(data_dir, passphrase=PASSPHRASE) as store:
        assert _numbers(store, 1) == [3]
        assert is_encrypted((data_dir / EXPORTS_FILE).read_bytes())
        store.disable_encryption()
    assert json.loads((data_dir / EXPORTS_FILE).read_text())["counts"] == {bilan.id: 3}
    with JournalStore(data_dir) as store:
        assert _numbers(store, 1) == [4]


def test_a_disk_refusing_the_counts_while_encrypting_says_so_in_one_line_and_keeps_them(data_dir, monkeypatch):
    with JournalStore(data_dir) as store:
        store.notes.add("Une note.")
        assert _numbers(store, 2) == [1, 2]

        def refuse(*_args, **_kwargs):
            raise OSError(28, "No space left on device")

        monkeypatch.setattr("journal.core.store.exports.write_counts", refuse)
        with pytest.raises(JournalError) as raised:
            store.enable_encryption(PASSPHRASE)
        monkeypatch.undo()
    message = str(raised.value)
    assert "\n" not in message and EXPORTS_FILE in message
    with JournalStore(data_dir, passphrase=PASSPHRASE) as store:  # the journal is sealed, the plain counts still read
        assert _numbers(store, 1) == [3]
    assert is_encrypted((data_dir / EXPORTS_FILE).read_bytes())


def test_a_file_sealed_under_another_key_is_ignored_without_deriving_it(data_dir, monkeypatch):
    with JournalStore(data_dir) as store:
        store.notes.add("Une note.")
        store.settings.set("export_sequence", 3)
        store.enable_encryption(PASSPHRASE)
    other = crypto.Cipher("une tout autre phrase de passe")
    (data_dir / EXPORTS_FILE).write_bytes(other.seal(b'{"kind": "bilan-exports", "format": 1, "counts": {"": 90}}'))
    with JournalStore(data_dir, passphrase=PASSPHRASE) as store:
        derived = []
        real = crypto.derive_key
        monkeypatch.setattr(crypto, "derive_key", lambda *args: derived.append(args) or real(*args))
        assert _numbers(store, 1) == [4]
        assert derived == []


def test_a_sealed_file_beside_a_plain_journal_is_ignored(data_dir):
    with JournalStore(data_dir) as store:
        store.notes.add("Une note.")
    sealed = crypto.Cipher(PASSPHRASE).seal(b'{"kind": "bilan-exports", "format": 1, "counts": {"": 90}}')
    (data_dir / EXPORTS_FILE).write_bytes(sealed)
    with JournalStore(data_dir) as store:
        assert _numbers(store, 1) == [1]


def test_a_dump_carries_the_counts_to_another_computer(data_dir, tmp_path):
    with JournalStore(data_dir) as store:
        store.notes.add("Une note.")
        assert _numbers(store, 2) == [1, 2]
        bilan = store.bilans.start("Claire", "D-1")
        assert _numbers(store, 3) == [1, 2, 3]
    dump = tmp_path / "dump.json"
    assert main(["--data", str(data_dir), "dump", "-o", str(dump)]) == 0
    elsewhere = tmp_path / "ailleurs"
    assert main(["--data", str(elsewhere), "import", str(dump)]) == 0
    with JournalStore(elsewhere) as store:
        assert store.exports.shared(bilan.id) == 3 and store.exports.shared(None) == 2
        assert _numbers(store, 1) == [4]


async def test_two_files_written_from_one_export_screen_carry_two_numbers(data_dir, catalogue, tmp_path):
    """The screen builds its summary once, when it opens; each file written from it still gets its own number."""
    from journal.tui.app import BilanApp

    with JournalStore(data_dir) as store:
        store.notes.add("Une note.")
        app = BilanApp(store, catalogue)
        async with app.run_test(size=(100, 30)) as pilot:
            await pilot.pause()
            app.action_export()
            await pilot.pause()
            await app.workers.wait_for_complete()
            screen = app.screen
            for name in ("premier.md", "second.md"):
                screen.query_one("#export-path").value = str(tmp_path / name)
                screen.action_write()
                await app.workers.wait_for_complete()
                await pilot.pause()
        numbers = [read_front_matter((tmp_path / name).read_text(encoding="utf-8"))["sequence"] for name in ("premier.md", "second.md")]
        assert numbers == [1, 2] and store.exports.shared(None) == 2
