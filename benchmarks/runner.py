"""Measures every figure on one benchmark journal, and ``bilan review`` on 200 summaries.

bilan runs as a user runs it (the ``bilan`` command of this environment, in
French, on its own data folder); jrnl and the floor app run in the same round,
one after the other. Each journal gets one warm-up run of every command first:
the first run of the app takes its start-of-session snapshot and upgrades the
journal if its schema is older, which is not what a second start costs.
"""

from __future__ import annotations

import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from benchmarks import figures
from benchmarks.figures import Cell, Skipped, interleaved, measured
from benchmarks.floor_app import MARKER as FLOOR_MARKER
from benchmarks.jrnl_anchor import Jrnl
from benchmarks.journals import Written
from benchmarks.processes import GNU_TIME, BenchmarkError, first_screen, memory_measurable, run, tmux_available

NOTE_TEXT = "Rendez-vous avec la conseillère jeudi : préparer mes questions sur la formation."
SUMMARIES = 200
SUMMARIES_PER_DOSSIER = 5
ENV_REMOVED = ("BILAN_HOME", "BILAN_PASSPHRASE", "NO_COLOR")


def bilan_command() -> list[str]:
    script = Path(sys.executable).with_name("bilan")
    return [str(script)] if script.exists() else [sys.executable, "-m", "journal"]


def floor_command() -> list[str]:
    return [sys.executable, "-m", "benchmarks.floor_app"]


def bilan_env() -> dict[str, str]:
    env = {key: value for key, value in os.environ.items() if key not in ENV_REMOVED}
    return {**env, "BILAN_LANG": "fr", "PYTHONPATH": str(Path(__file__).resolve().parent.parent)}


def screen_env() -> dict[str, str]:
    """What the program needs in a tmux session started by another tmux server's environment."""
    everything = bilan_env()
    keep = ("HOME", "PATH", "LANG", "LC_ALL", "PYTHONPATH", "BILAN_LANG")
    return {**{key: everything[key] for key in keep if key in everything}, "TERM": "tmux-256color"}


@dataclass
class SizeResult:
    cells: dict[str, Cell]


def measure_journal(written: Written, jrnl: Jrnl | None, marker: str, repeat: int, work: Path) -> SizeResult:
    env = bilan_env()
    data = ["--data", str(written.bilan_dir)]
    config = jrnl.configure(written.jrnl_file) if jrnl else None
    if jrnl is not None:
        found = jrnl.count(config)
        if found != written.entries:
            raise BenchmarkError(f"jrnl reads {found} entries in {written.jrnl_file}, {written.entries} were written")

    def bilan_export():
        return run([*bilan_command(), *data, "export", "-o", "-"], env=env, output=work / "bilan-export.md")

    def jrnl_export():
        return run(jrnl.export_command(config), env=jrnl.env, output=work / "jrnl-export.md")

    def bilan_note():
        return run([*bilan_command(), *data, "note", NOTE_TEXT], env=env).seconds

    def jrnl_note():
        return run(jrnl.add_command(config, NOTE_TEXT), env=jrnl.env).seconds

    cells: dict[str, Cell] = {}
    bilan_export()
    if jrnl:
        jrnl_export()
    mine, theirs = interleaved(repeat, bilan_export, jrnl_export if jrnl else None)
    cells[figures.EXPORT] = measured(mine, theirs, lambda sample: sample.seconds)
    if memory_measurable():
        cells[figures.RSS] = measured(mine, theirs, lambda sample: sample.peak_rss_kib / 1024)
    else:
        cells[figures.RSS] = Skipped(f"GNU time ({GNU_TIME}) is not installed")
    cells[figures.FIRST_SCREEN] = _first_screens([*bilan_command(), *data], (marker,), repeat)
    mine, theirs = interleaved(repeat, bilan_note, jrnl_note if jrnl else None)
    cells[figures.NOTE] = measured(mine, theirs)
    return SizeResult(cells)


def _first_screens(command: list[str], markers: tuple[str, ...], repeat: int) -> Cell:
    if not tmux_available():
        return Skipped("tmux is not installed")
    env = screen_env()

    def bilan() -> float:
        return first_screen(command, markers, env=env)

    def floor() -> float:
        return first_screen(floor_command(), (FLOOR_MARKER,), env=env)

    bilan()
    floor()
    mine, theirs = interleaved(repeat, bilan, floor)
    return measured(mine, theirs)


def review_available() -> bool:
    result = subprocess.run([*bilan_command(), "review", "--help"], capture_output=True, env=bilan_env())
    return result.returncode == 0


def measure_review(written: Written, repeat: int, work: Path) -> Cell:
    """``bilan review`` opening 200 summaries exported from ``written``: time to the first on screen."""
    if not review_available():
        return Skipped("`bilan review` is not there yet (`bilan review --help` fails)")
    exported = work / "summary.md"
    run([*bilan_command(), "--data", str(written.bilan_dir), "export", "-o", str(exported)], env=bilan_env())
    text = exported.read_text(encoding="utf-8")
    folder = work / "summaries"
    folder.mkdir(exist_ok=True)
    for number in range(SUMMARIES):
        dossier, sequence = divmod(number, SUMMARIES_PER_DOSSIER)
        (folder / f"bilan-{dossier:03d}-{sequence + 1}.md").write_text(_as_summary_of(text, dossier, sequence + 1), encoding="utf-8")
    heading = next((line[2:].strip() for line in _body(text).splitlines() if line.startswith("# ")), None)
    if heading is None:
        return Skipped("the exported summary has no `# ` title to wait for on screen")
    return _first_screens([*bilan_command(), "review", str(folder)], (heading,), repeat)


def _as_summary_of(text: str, dossier: int, sequence: int) -> str:
    """The same summary as if exported by another worker (dossier) at another time (sequence)."""
    import yaml  # a dependency of bilan once summaries have front matter

    front, body = _split_front_matter(text)
    if front is None:
        return text
    front.update({"alias": f"Personne {dossier:03d}", "dossier": f"BENCH-{dossier:03d}", "sequence": sequence})
    return "---\n" + yaml.safe_dump(front, allow_unicode=True, sort_keys=False) + "---\n" + body


def _split_front_matter(text: str) -> tuple[dict | None, str]:
    if not text.startswith("---\n"):
        return None, text
    end = text.find("\n---\n", 4)
    if end < 0:
        return None, text
    import yaml

    front = yaml.safe_load(text[4:end])
    return (front, text[end + 5 :]) if isinstance(front, dict) else (None, text)


def _body(text: str) -> str:
    return _split_front_matter(text)[1]

