"""Typing in a long answer: key → frame, collector pauses and lost keys, against a bare TextArea.

Run: ``python -m benchmarks typing [--sizes 100,20000,stress] [--repeat 3] [--keys 150]``
(also part of the full ``python -m benchmarks``).

Each round starts one child process per measurement (``benchmarks/typing_probe.py``),
interleaved, on each journal:

- floor: a bare TextArea holding the same 5,000-character answer, no data
  (``benchmarks.floor_app.FloorTextApp``);
- bilan: the exercise screen of the real app, the same answer in its first
  long-text question, the journal of that size loaded;
- the same two while saves of the journal run back to back in a thread
  ("during a save").

The figures are the medians over rounds of each run's p50, p95 and worst
key → frame latency, with the range of the rounds' p95, and the p95 of the
same windows in processor time of the app's thread (what the app itself
cost, whatever else the machine runs); the longest collector pause while
typing (wall and processor time); and whether every key typed is in the text area (and, for
bilan, in the journal once saved). Targets (issue 13): key → frame p95 ≤ 8 ms
in long answers, collector pause ≤ 10 ms, while a save of the 20,000-entry
journal runs p95 ≤ 16 ms and worst ≤ 33 ms, and no key lost.
"""

from __future__ import annotations

import argparse
import json
import shutil
import statistics
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

from benchmarks.journals import JournalSpec, write_journals
from benchmarks.processes import BenchmarkError
from benchmarks.runner import bilan_env

DEFAULT_SIZES = "100,20000,stress"
PROBE_TIMEOUT = 600
KINDS = (("floor", False), ("bilan", False), ("floor", True), ("bilan", True))


@dataclass
class Run:
    """What one probe measured, in milliseconds."""

    p50: float
    p95: float
    worst: float
    cpu_p95: float  # processor time of the app's thread in the same windows: what the app itself cost
    gc_worst: float
    gc_cpu_worst: float
    keys: int
    kept: bool

    @classmethod
    def from_probe(cls, result: dict) -> "Run":
        latencies = sorted(value * 1000 for value in result["latencies"])
        if not latencies:
            raise BenchmarkError(f"the {result['app']} probe measured no key: {result}")
        cpu = sorted(value * 1000 for value in result.get("cpu_latencies", ())) or [float("nan")]
        pauses = [pause[1] * 1000 for pause in result["gc_pauses"]]
        pauses_cpu = [pause[2] * 1000 for pause in result["gc_pauses"] if len(pause) > 2]
        kept = bool(result["text_kept"]) and result.get("saved_kept", True) and len(latencies) == result["keys"]
        return cls(
            p50=statistics.median(latencies),
            p95=percentile(latencies, 95),
            worst=latencies[-1],
            cpu_p95=percentile(cpu, 95),
            gc_worst=max(pauses, default=0.0),
            gc_cpu_worst=max(pauses_cpu, default=0.0),
            keys=result["keys"],
            kept=kept,
        )


@dataclass
class Row:
    label: str
    runs: list[Run] = field(default_factory=list)

    def median(self, name: str) -> float:
        return statistics.median(getattr(run, name) for run in self.runs)

    def spread(self, name: str) -> tuple[float, float]:
        values = [getattr(run, name) for run in self.runs]
        return min(values), max(values)

    @property
    def kept(self) -> bool:
        return all(run.kept for run in self.runs)


def percentile(ordered: list[float], rank: float) -> float:
    """The nearest-rank percentile of an ordered list."""
    if not ordered:
        raise ValueError("no values")
    index = max(0, min(len(ordered) - 1, -(-len(ordered) * rank // 100) - 1))
    return ordered[int(index)]


def probe(app: str, data: Path | None, save_load: bool, keys: int, chars: int) -> Run:
    command = [sys.executable, "-m", "benchmarks.typing_probe", "--app", app, "--keys", str(keys), "--chars", str(chars)]
    if data is not None:
        command += ["--data", str(data)]
    if save_load:
        command.append("--save-load")
    try:
        finished = subprocess.run(command, capture_output=True, text=True, env=bilan_env(), timeout=PROBE_TIMEOUT)
    except subprocess.TimeoutExpired as error:
        raise BenchmarkError(f"typing probe ({app}, {data}) still running after {PROBE_TIMEOUT} s: the app froze") from error
    if finished.returncode != 0:
        raise BenchmarkError(f"typing probe ({app}) exited with {finished.returncode}: {finished.stderr.strip()[-800:]}")
    return Run.from_probe(json.loads(finished.stdout.strip().splitlines()[-1]))


def row_label(app: str, save_load: bool) -> str:
    return ("bilan" if app == "bilan" else "floor (bare TextArea)") + (", during saves" if save_load else "")


def measure_size(spec: JournalSpec, folder: Path, repeat: int, keys: int, chars: int) -> list[Row]:
    from journal.core.catalogue import load_catalogue

    written = write_journals(spec, load_catalogue(), folder / "source")
    rows = {kind: Row(row_label(*kind)) for kind in KINDS}
    for round_number in range(repeat):
        # Alternate the order so that neither side always runs first.
        order = KINDS if round_number % 2 == 0 else tuple(reversed(KINDS))
        for app, save_load in order:
            work = folder / "work"
            shutil.rmtree(work, ignore_errors=True)
            shutil.copytree(written.bilan_dir, work)  # every run starts from the same journal
            needs_data = app == "bilan" or save_load
            rows[(app, save_load)].runs.append(probe(app, work if needs_data else None, save_load, keys, chars))
    return list(rows.values())


def table(results: dict[str, list[Row]]) -> str:
    lines = [
        "| journal | app | key → frame p50 | p95 (rounds' range) | worst | ÷ floor (p95) | p95 in processor time | "
        "longest GC pause (processor) | keys kept |",
        "| --- | --- | --- | --- | --- | --- | --- | --- | --- |",
    ]
    for label, rows in results.items():
        floors = {row.label.endswith("saves"): row for row in rows if row.label.startswith("floor")}
        for row in rows:
            low, high = row.spread("p95")
            floor = floors[row.label.endswith("saves")]
            ratio = row.median("p95") / floor.median("p95") if floor.median("p95") else float("nan")
            lines.append(
                f"| {label} | {row.label} | {row.median('p50'):.1f} ms | {row.median('p95'):.1f} ms ({low:.1f}–{high:.1f}) | "
                f"{row.median('worst'):.1f} ms | {ratio:.2f} | {row.median('cpu_p95'):.1f} ms | "
                f"{row.median('gc_worst'):.1f} ms ({row.median('gc_cpu_worst'):.1f} ms) | {'yes' if row.kept else '**NO**'} |"
            )
    return "\n".join(lines)


def run(specs: list[JournalSpec], repeat: int, keys: int, chars: int, cache: Path) -> tuple[str, bool]:
    """Measure every size; the Markdown table and whether every key was kept."""
    results: dict[str, list[Row]] = {}
    for spec in specs:
        folder = cache / "typing" / spec.name
        shutil.rmtree(folder, ignore_errors=True)
        rows = measure_size(spec, folder, repeat, keys, chars)
        for row in rows:
            print(
                f"  {spec.label:<14} typing  {row.label:<38} p50 {row.median('p50'):.1f} ms, p95 {row.median('p95'):.1f} ms, "
                f"worst {row.median('worst'):.1f} ms, processor p95 {row.median('cpu_p95'):.1f} ms, "
                f"GC {row.median('gc_worst'):.1f} ms ({row.median('gc_cpu_worst'):.1f} ms processor), keys kept: {'yes' if row.kept else 'NO'}",
                flush=True,
            )
        results[spec.label] = rows
        shutil.rmtree(folder, ignore_errors=True)
    return table(results), all(row.kept for rows in results.values() for row in rows)


def main(argv: list[str]) -> int:
    from benchmarks.__main__ import default_cache, machine_line, parse_sizes

    parser = argparse.ArgumentParser(prog="python -m benchmarks typing", description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default=DEFAULT_SIZES, help="journals (default %(default)s)")
    parser.add_argument("--repeat", type=int, default=3, help="rounds (default %(default)s)")
    parser.add_argument("--keys", type=int, default=150, help="keys typed per run (default %(default)s, one every 50 ms)")
    parser.add_argument("--chars", type=int, default=5000, help="length of the long answer (default %(default)s)")
    parser.add_argument("--cache", type=Path, default=default_cache())
    args = parser.parse_args(argv)
    try:
        specs = parse_sizes(args.sizes)
    except ValueError as error:
        parser.error(str(error))
    if args.repeat < 1 or args.keys < 1:
        parser.error("--repeat and --keys must be at least 1")
    print(f"machine: {machine_line()}", flush=True)
    print(f"typing: {args.keys} keys at 20 a second into a {args.chars}-character answer, 100×30; median of {args.repeat} rounds", flush=True)
    try:
        text, kept = run(specs, args.repeat, args.keys, args.chars, args.cache)
    except BenchmarkError as error:
        print(f"benchmarks: {error}", file=sys.stderr)
        return 1
    print()
    print(text)
    if not kept:
        print("\nSOME KEYS WERE LOST: the final text differs from what was typed.", file=sys.stderr)
        return 1
    return 0
