"""Crash-safety soak: a writer that saves without pause, killed with SIGKILL at random moments.

After each kill the journal must open, and every save the writer had
acknowledged (printed after the store method returned) must be in it: notes
by their text, answers at least at their last acknowledged value. Every backup
must be usable too. Kills land while opening (upgrade, snapshots), while
saving, and between saves.

    python -m tests.crash_writer --kills 300            # the long run (from the repository root)
    python -m tests.crash_writer --kills 300 --encrypted

The writer side (``--child``) is also used by the concurrency test, with
``--limit`` to stop after a number of notes.
"""

from __future__ import annotations

import argparse
import random
import signal
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from journal.core.storage import codec, crypto  # noqa: E402
from journal.core.storage.backups import Backups  # noqa: E402
from journal.core.store import JournalStore  # noqa: E402

PASSPHRASE = "phrase de passe du test"
TEST_KDF = crypto.KdfParams(log2_n=10)  # fast, for tests only; the file records it
EXERCISE = "crash-test"


def write_forever(data_dir: Path, run: int, *, encrypted: bool, limit: int | None = None, tag: str = "", start_at: float = 0) -> None:
    """The writer: open the journal, then save notes and answers, acknowledging each one on stdout."""
    crypto.DEFAULT_KDF = TEST_KDF
    store = JournalStore(data_dir, passphrase=PASSPHRASE if encrypted else None)
    if encrypted and not store.encrypted:
        store.enable_encryption(PASSPHRASE)
    time.sleep(max(0.0, start_at - time.time()))
    count = 0
    while limit is None or count < limit:
        if limit is None and count % 3 == 2:
            store.entries.save_answer(EXERCISE, "value", count, instance=run + 1)
            print(f"answer {run} {count}", flush=True)
        else:
            store.notes.add(f"note {tag}{run} {count}")
            print(f"note {run} {count}", flush=True)
        count += 1
    store.close()


@dataclass
class Report:
    kills: int = 0
    before_first_save: int = 0  # kills that landed while starting or opening the journal
    acknowledged: int = 0
    failures: list[str] = field(default_factory=list)
    seconds: float = 0.0

    def line(self) -> str:
        verdict = "OK" if not self.failures else f"{len(self.failures)} FAILURE(S)"
        return (
            f"{self.kills} kills ({self.before_first_save} while starting or opening), "
            f"{self.acknowledged} acknowledged saves checked, {self.seconds:.0f} s: {verdict}"
        )


def writer_command(data_dir: Path, run: int, *, encrypted: bool, limit: int | None = None, tag: str = "", start_at: float = 0) -> list[str]:
    command = [sys.executable, "-m", "tests.crash_writer", "--child", str(data_dir), "--run", str(run)]
    if encrypted:
        command.append("--encrypted")
    if limit is not None:
        command += ["--limit", str(limit), "--tag", tag, "--start-at", str(start_at)]
    return command


def soak(kills: int, data_dir: Path, *, seed: int, encrypted: bool = False, longest: float = 0.6) -> Report:
    """Start, kill and check the writer ``kills`` times; collect what went wrong."""
    rng = random.Random(seed)
    report = Report()
    notes: set[str] = set()
    answers: dict[int, int] = {}
    started = time.monotonic()
    for run in range(kills):
        child = subprocess.Popen(writer_command(data_dir, run, encrypted=encrypted), cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        first = b""
        if run % 2:  # every other run, kill only once saving has begun (startup time varies with load)
            first = child.stdout.readline()
        time.sleep(rng.uniform(0.0, longest))
        child.send_signal(signal.SIGKILL)
        output, errors = child.communicate()
        output = first + output
        report.kills += 1
        report.before_first_save += not output
        if child.returncode != -signal.SIGKILL:
            report.failures.append(f"run {run}: writer ended by itself ({child.returncode}): {errors.decode()[-300:]}")
            continue
        for line in output.decode().splitlines(keepends=True):
            if not line.endswith("\n"):
                continue  # cut by the kill: not acknowledged
            kind, run_text, count = line.split()
            if kind == "note":
                notes.add(f"note {run_text} {count}")
            else:
                answers[int(run_text) + 1] = int(count)
        report.acknowledged = len(notes) + len(answers)
        report.failures += [f"run {run}: {problem}" for problem in check(data_dir, notes, answers, encrypted)]
        if len(report.failures) > 5:
            break
    report.seconds = time.monotonic() - started
    return report


def check(data_dir: Path, notes: set[str], answers: dict[int, int], encrypted: bool) -> list[str]:
    """What is wrong with the journal after a kill (empty when all is well)."""
    if not (data_dir / "journal.json").exists():
        return [] if not notes and not answers else ["the journal is gone"]
    try:
        store = JournalStore(data_dir, read_only=True, passphrase=PASSPHRASE if encrypted else None)
    except Exception as error:  # the point of the test: any failure to open is reported
        return [f"the journal does not open: {error}"]
    try:
        problems = []
        present = {note.text for note in store.notes.all()}
        missing = notes - present
        if missing:
            problems.append(f"{len(missing)} acknowledged note(s) lost, e.g. {sorted(missing)[:3]}")
        for instance, value in answers.items():
            entry = store.entries.get(EXERCISE, instance)
            if entry is None or entry.answers.get("value", -1) < value:
                problems.append(f"answer of instance {instance} older than acknowledged {value}")
    finally:
        store.close()
    cipher = crypto.Cipher(PASSPHRASE) if encrypted else None
    for backup in Backups(data_dir).all():
        try:
            codec.decode(backup.read(), cipher)
        except Exception as error:  # noqa: BLE001 - any failure is a finding
            problems.append(f"backup {backup.id} unusable: {type(error).__name__}")
    return problems


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--kills", type=int, default=300)
    parser.add_argument("--seed", type=int, default=int(time.time()))
    parser.add_argument("--data", type=Path, help="journal folder (default: a new temporary one)")
    parser.add_argument("--encrypted", action="store_true")
    parser.add_argument("--child", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--run", type=int, default=0, help=argparse.SUPPRESS)
    parser.add_argument("--limit", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--tag", default="", help=argparse.SUPPRESS)
    parser.add_argument("--start-at", type=float, default=0, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        write_forever(args.child, args.run, encrypted=args.encrypted, limit=args.limit, tag=args.tag, start_at=args.start_at)
        return 0
    with tempfile.TemporaryDirectory(prefix="bilan-crash-") as folder:
        data_dir = args.data or Path(folder) / "journal"
        print(f"seed {args.seed}, journal {data_dir}{', encrypted' if args.encrypted else ''}", flush=True)
        report = soak(args.kills, data_dir, seed=args.seed, encrypted=args.encrypted)
        print(report.line())
        for failure in report.failures:
            print("  " + failure)
    return 0 if not report.failures else 1


if __name__ == "__main__":
    raise SystemExit(main())
