"""Two writers at once: nobody loses work, an open store sees the others' changes, the lock and presence."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from journal.core.storage import JournalError, JournalReadOnly
from journal.core.storage.lock import JournalLock, fcntl
from journal.core.store import JournalStore, programs_open
from tests.crash_writer import ROOT, writer_command


def test_two_processes_adding_100_notes_each_end_with_200(tmp_path):
    data = tmp_path / "j"
    JournalStore(data).close()
    start_at = time.time() + 1.0  # both start writing at the same moment
    writers = [
        subprocess.Popen(
            writer_command(data, 0, encrypted=False, limit=100, tag=tag, start_at=start_at),
            cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
        )
        for tag in ("a", "b")
    ]
    for writer in writers:
        _, errors = writer.communicate(timeout=120)
        assert writer.returncode == 0, errors.decode()
    with JournalStore(data, read_only=True) as store:
        texts = [note.text for note in store.notes.all()]
        ids = [note.id for note in store.notes.all()]
    assert len(texts) == 200 and len(set(texts)) == 200
    assert len(set(ids)) == 200
    switches = sum(1 for before, after in zip(texts, texts[1:], strict=False) if before.split()[1][0] != after.split()[1][0])
    print(f"writers took turns {switches} times")
    assert switches >= 10  # they really wrote at the same time, taking turns


def test_two_stores_in_two_threads_do_not_overwrite_each_other(tmp_path):
    data = tmp_path / "j"
    JournalStore(data).close()

    def write(tag: str) -> None:
        with JournalStore(data, snapshot_on_open=False) as store:
            for number in range(50):
                store.notes.add(f"{tag} {number}")
                store.entries.save_answer("shared", f"{tag}-prompt", number)

    threads = [threading.Thread(target=write, args=(tag,)) for tag in ("x", "y")]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    with JournalStore(data, read_only=True) as store:
        assert len(store.notes.all()) == 100
        entries = store.entries.for_exercise("shared")
    assert len(entries) == 1  # both threads wrote into the same entry: no duplicate, no lost prompt
    assert entries[0].answers == {"x-prompt": 49, "y-prompt": 49}


def test_one_store_shared_by_a_saving_thread_and_a_reading_thread(tmp_path):
    """The app saves from one thread while a worker reads (an export): saves edit the tables in place."""
    store = JournalStore(tmp_path / "j")
    problems = []

    def read() -> None:
        try:
            while not done.is_set():
                store.notes.all()
                store.entries.all()
        except Exception as error:  # noqa: BLE001 - any error is the finding
            problems.append(error)

    done = threading.Event()
    reader = threading.Thread(target=read)
    interval = sys.getswitchinterval()
    sys.setswitchinterval(1e-6)  # switch threads as often as possible
    try:
        reader.start()
        for number in range(150):
            store.notes.add(f"n{number}")
            store.entries.save_answer(f"ex{number % 7}", "q", number)
    finally:
        done.set()
        reader.join()
        sys.setswitchinterval(interval)
    assert problems == []
    assert len(store.notes.all()) == 150
    store.close()


def test_an_open_store_picks_up_another_programs_note_and_keeps_both(tmp_path):
    data = tmp_path / "j"
    app = JournalStore(data)
    app.notes.add("from the app")
    assert app.refresh() is False
    done = subprocess.run(
        [sys.executable, "-m", "journal", "--data", str(data), "note", "from the terminal"],
        cwd=ROOT, capture_output=True, text=True, timeout=60,
    )
    assert done.returncode == 0, done.stderr
    assert app.refresh() is True
    assert app.refresh() is False
    app.notes.add("from the app again")
    app.close()
    with JournalStore(data, read_only=True) as store:
        assert [note.text for note in store.notes.all()] == ["from the app", "from the terminal", "from the app again"]
        assert len({note.id for note in store.notes.all()}) == 3


def test_new_instance_numbers_stay_unique_across_stores(tmp_path):
    data = tmp_path / "j"
    first, second = JournalStore(data), JournalStore(data)
    numbers = [first.entries.new_instance("lead"), second.entries.new_instance("lead"), first.entries.new_instance("lead")]
    assert numbers == [1, 2, 3]
    first.close()
    second.close()


def test_a_read_only_store_refuses_changes_and_writes_nothing(tmp_path):
    data = tmp_path / "j"
    JournalStore(data).close()
    before = (data / "journal.json").read_bytes()
    with JournalStore(data, read_only=True) as store:
        with pytest.raises(JournalReadOnly):
            store.notes.add("no")
    assert (data / "journal.json").read_bytes() == before


@pytest.mark.skipif(fcntl is None, reason="needs fcntl")
def test_a_busy_lock_gives_one_clear_error_after_waiting(tmp_path):
    data = tmp_path / "j"
    data.mkdir()
    holder = os.open(data / "journal.lock", os.O_RDWR | os.O_CREAT, 0o600)
    fcntl.flock(holder, fcntl.LOCK_EX)
    try:
        with pytest.raises(JournalError, match=str(data)):
            with JournalLock(data, wait=0.2):
                pass
    finally:
        os.close(holder)
    with JournalLock(data, wait=0.2) as lock:  # free again
        with lock:  # re-entrant
            assert lock.held


@pytest.mark.skipif(fcntl is None, reason="needs fcntl")
def test_presence_counts_other_open_stores_and_forgets_dead_ones(tmp_path):
    data = tmp_path / "j"
    first = JournalStore(data)
    assert first.open_elsewhere() == 0
    second = JournalStore(data)
    assert first.open_elsewhere() == 1 and second.open_elsewhere() == 1
    second.close()
    assert first.open_elsewhere() == 0
    stale = data / "sessions" / "999999-dead.session"
    stale.write_text("{}")  # left by a program that died: nobody holds its lock
    assert first.open_elsewhere() == 0 and not stale.exists()
    assert programs_open(data) == 1  # seen from outside: the first store
    first.close()
    assert programs_open(Path(data)) == 0
