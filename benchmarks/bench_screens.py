"""Opening an exercise, Tab from field to field, leaving it: bilan against a Textual screen of the same size.

Run: ``python -m benchmarks screens [--repeat 3]``.

Each round starts two child processes (``benchmarks/screens_probe.py``), in
turn first and second (the floor copies the size of each exercise screen a
bilan run saw): bilan opens every built-in exercise on an empty journal, Tabs through
it and leaves it; the floor pushes, for each exercise, a plain Textual screen
with as many widgets and focusable fields. The table gives, per exercise and
over all of them, the medians of the rounds' medians (ms), and bilan ÷ floor:

- open: from asking for the screen to the end of its first frame;
- settled: to the end of its last layout (footer keys and every field placed);
- Tab: key to the end of the next frame;
- leave: Esc to the home screen's first frame.

No target is set in issue 13 for these; the figures show where bilan stands
against what Textual costs for a screen of that size.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

from benchmarks.processes import BenchmarkError
from benchmarks.runner import bilan_env

FIGURES = ("open", "settled", "tab", "leave")
PROBE_TIMEOUT = 900


def probe(app: str, repeat: int, shapes: Path | None = None) -> dict:
    command = [sys.executable, "-m", "benchmarks.screens_probe", "--app", app, "--repeat", str(repeat)]
    if shapes is not None:
        command += ["--shapes", str(shapes)]
    done = subprocess.run(command, capture_output=True, text=True, env=bilan_env(), timeout=PROBE_TIMEOUT)
    if done.returncode != 0:
        raise BenchmarkError(f"screens probe ({app}) failed: {done.stderr.strip()[-800:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def collect(rounds: int, per_round: int) -> tuple[dict, dict, dict]:
    """bilan's and the floor's medians per exercise and figure (lists over rounds), and the screens' shapes."""
    bilan: dict[str, dict[str, list[float]]] = {}
    floor: dict[str, dict[str, list[float]]] = {}
    shapes: dict = {}
    with tempfile.TemporaryDirectory(prefix="bilan-screens-") as folder:
        shapes_file = Path(folder) / "shapes.json"
        for round_number in range(rounds):
            if round_number % 2 == 0 or not shapes:
                ours = probe("bilan", per_round)
                shapes_file.write_text(json.dumps(ours), encoding="utf-8")
                theirs = probe("floor", per_round, shapes_file)
            else:  # every other round the floor goes first, with the sizes bilan's screens had before
                theirs = probe("floor", per_round, shapes_file)
                ours = probe("bilan", per_round)
            shapes = ours["shapes"]
            for store, result in ((bilan, ours), (floor, theirs)):
                for exercise_id, figures in result["medians"].items():
                    for name, value in figures.items():
                        store.setdefault(exercise_id, {}).setdefault(name, []).append(value)
    return bilan, floor, shapes


def table(bilan: dict, floor: dict, shapes: dict) -> str:
    lines = [
        "| exercise | widgets (fields) | " + " | ".join(f"{name} bilan / floor (ratio)" for name in FIGURES) + " |",
        "| --- | --- | " + " | ".join("---" for _ in FIGURES) + " |",
    ]
    totals: dict[str, list[float]] = {f"{side}-{name}": [] for side in ("bilan", "floor") for name in FIGURES}
    for exercise_id in bilan:
        cells = []
        for name in FIGURES:
            ours, theirs = statistics.median(bilan[exercise_id][name]), statistics.median(floor[exercise_id][name])
            totals[f"bilan-{name}"].append(ours)
            totals[f"floor-{name}"].append(theirs)
            cells.append(f"{ours:.0f} / {theirs:.0f} ({ours / theirs:.2f})")
        widgets, fields = shapes[exercise_id]
        lines.append(f"| {exercise_id} | {widgets} ({fields}) | " + " | ".join(cells) + " |")
    overall = []
    for name in FIGURES:
        ours, theirs = statistics.median(totals[f"bilan-{name}"]), statistics.median(totals[f"floor-{name}"])
        overall.append(f"**{ours:.0f} / {theirs:.0f} ({ours / theirs:.2f})**")
    lines.append("| median of the exercises | | " + " | ".join(overall) + " |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks screens", description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3, help="rounds, each a bilan and a floor process (default 3)")
    parser.add_argument("--per-round", type=int, default=2, help="openings of each exercise per process (default 2)")
    args = parser.parse_args(argv)
    if args.repeat < 1 or args.per_round < 1:
        parser.error("--repeat and --per-round must be at least 1")
    try:
        bilan, floor, shapes = collect(args.repeat, args.per_round)
    except (BenchmarkError, subprocess.TimeoutExpired) as error:
        print(f"benchmarks: {error}", file=sys.stderr)
        return 1
    print(f"screens: headless 100×30, {args.repeat} rounds × {args.per_round} openings; medians in ms")
    print(table(bilan, floor, shapes))
    return 0


if __name__ == "__main__":
    sys.exit(main())
