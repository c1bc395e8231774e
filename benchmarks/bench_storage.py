"""Benchmark of journal saves at 5,000 entries, against baselines measured in the same run.

Run: ``python -m benchmarks storage [--entries 5000] [--repeat 41] [--folder DIR]``
(or ``python benchmarks/bench_storage.py …``)

It prints the median time of one save through ``JournalStore`` (an answer
changed, a note added, the same with encryption), and two baselines on the
same data, in the same folder, in the same run:

- the floor: ``orjson.dumps`` of the whole journal + write to a temporary file
  + fsync + ``os.replace`` (what any crash-safe save must at least do);
- TinyDB's default ``JSONStorage`` doing the same change (re-parses the file
  and rewrites it in place on every operation, without fsync).

Targets (issue: storage): bilan ≤ 1.5 × the floor, and ≥ 5 × faster than
TinyDB's default storage. The script is informative; it is not a timed test.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

import orjson
from tinydb import TinyDB
from tinydb.storages import JSONStorage

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from journal.core.storage import crypto  # noqa: E402
from journal.core.store import JournalStore  # noqa: E402

WORDS = "valeurs métier équipe autonomie reconnaissance apprendre transmettre terrain projet sens".split()


def sample_journal(entries: int) -> dict:
    stamp = "2025-03-14T09:15:02+01:00"
    text = " ".join(WORDS * 2)
    docs = {}
    for number in range(1, entries + 1):
        answers = {f"q{k}": f"{text} {number}-{k}" for k in range(3)}
        docs[str(number)] = {
            "exercise_id": f"exercice-{number % 40}",
            "instance": number // 40 + 1,
            "answers": answers,
            "status": "started",
            "created_at": stamp,
            "updated_at": stamp,
            "private": False,
            "session": "bench",
            "history": [{"saved_at": stamp, "answers": dict(answers)}],
        }
    notes = {str(n): {"text": f"{text} note {n}", "created_at": stamp, "private": False} for n in range(1, 201)}
    meta = {"1": {"kind": "bilan-journal", "schema": 1, "created_at": stamp}}
    return {"meta": meta, "entries": docs, "notes": notes, "settings": {}}


def median_ms(samples: list[float]) -> float:
    return statistics.median(samples) * 1000


def timed(action, repeat: int) -> list[float]:
    samples = []
    for index in range(repeat):
        start = time.perf_counter()
        action(index)
        samples.append(time.perf_counter() - start)
    return samples


def floor_save(folder: Path, data: dict, repeat: int, *, fsync_folder: bool, cipher=None) -> list[float]:
    target = folder / "floor.json"

    def save(_: int) -> None:
        payload = orjson.dumps(data)
        parts = cipher.seal_parts(payload) if cipher is not None else (payload,)
        handle, temporary = tempfile.mkstemp(dir=folder)
        for part in parts:
            os.write(handle, part)
        os.fsync(handle)
        os.close(handle)
        os.replace(temporary, target)
        if fsync_folder:
            descriptor = os.open(folder, os.O_RDONLY)
            os.fsync(descriptor)
            os.close(descriptor)

    return timed(save, repeat)


def bilan_saves(folder: Path, data: dict, repeat: int, passphrase: str | None = None) -> dict[str, list[float]]:
    data_dir = folder / ("bilan-encrypted" if passphrase else "bilan")
    data_dir.mkdir()
    (data_dir / "journal.json").write_bytes(orjson.dumps(data))
    store = JournalStore(data_dir, snapshot_on_open=False)
    if passphrase:
        store.enable_encryption(passphrase)
    answer = timed(lambda i: store.entries.save_answer(f"exercice-{i % 40}", "q0", f"nouvelle réponse {i}", instance=7), repeat)
    note = timed(lambda i: store.notes.add(f"note du banc d'essai {i}"), repeat)
    store.close()
    return {"answer": answer, "note": note}


def tinydb_default(folder: Path, data: dict, repeat: int) -> list[float]:
    path = folder / "tinydb-default.json"
    path.write_bytes(orjson.dumps(data))
    db = TinyDB(path, storage=JSONStorage)
    table = db.table("entries")

    def save(i: int) -> None:
        table.update({"answers": {"q0": f"nouvelle réponse {i}"}}, doc_ids=[1 + (i % 40)])

    samples = timed(save, repeat)
    db.close()
    return samples


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--entries", type=int, default=5000)
    parser.add_argument("--repeat", type=int, default=41)
    parser.add_argument("--folder", help="where to write (default: a temporary folder next to the system's)")
    args = parser.parse_args(argv)
    crypto.DEFAULT_KDF = crypto.KdfParams(log2_n=12)  # key derivation is once per opening, not per save
    data = sample_journal(args.entries)
    with tempfile.TemporaryDirectory(prefix="bilan-bench-", dir=args.folder) as name:
        folder = Path(name)
        size = len(orjson.dumps(data))
        floor = floor_save(folder, data, args.repeat, fsync_folder=False)
        floor_dir = floor_save(folder, data, args.repeat, fsync_folder=True)
        floor_sealed = floor_save(folder, data, args.repeat, fsync_folder=False, cipher=crypto.Cipher("banc d'essai"))
        plain = bilan_saves(folder, data, args.repeat)
        sealed = bilan_saves(folder, data, args.repeat, passphrase="banc d'essai")
        default = tinydb_default(folder, data, max(5, args.repeat // 4))
        dump = timed(lambda _: orjson.dumps(data), args.repeat)
    floor_ms, default_ms = median_ms(floor), median_ms(default)
    print(f"journal: {args.entries} entries, {size / 1e6:.1f} MB of JSON; median of {args.repeat} saves; folder {args.folder or tempfile.gettempdir()}")
    print(f"  orjson.dumps alone                              {median_ms(dump):8.2f} ms")
    print(f"  floor: dumps + write + fsync + replace          {floor_ms:8.2f} ms")
    print(f"  floor + folder fsync                            {median_ms(floor_dir):8.2f} ms")
    print(f"  floor with AES-GCM sealing (encrypted floor)    {median_ms(floor_sealed):8.2f} ms")
    print(f"  TinyDB default JSONStorage (update)             {default_ms:8.2f} ms")
    verdicts = [
        _row("bilan save_answer", plain["answer"], floor_ms, default_ms),
        _row("bilan add_note", plain["note"], floor_ms, default_ms),
    ]
    print("targets for plain saves (≤ 1.5 × floor, ≥ 5 × faster than TinyDB default):", "met" if all(verdicts) else "NOT met")
    print("encrypted journal, against the encrypted floor:")
    _row("bilan save_answer, encrypted", sealed["answer"], median_ms(floor_sealed), default_ms)
    _row("bilan add_note, encrypted", sealed["note"], median_ms(floor_sealed), default_ms)
    return 0


def _row(label: str, samples: list[float], floor_ms: float, default_ms: float) -> bool:
    ms = median_ms(samples)
    versus_floor, versus_default = ms / floor_ms, default_ms / ms
    print(f"  {label:<46}{ms:8.2f} ms   {versus_floor:4.2f} × floor   {versus_default:5.1f} × faster than TinyDB default")
    return versus_floor <= 1.5 and versus_default >= 5


if __name__ == "__main__":
    raise SystemExit(main())
