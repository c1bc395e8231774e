"""``python -m benchmarks``: bilan against jrnl 4.6 and Textual's floor, on journals of every size.

    python -m benchmarks                      # N = 100, 1,000, 5,000, 20,000 and the 20,000 stress journal
    python -m benchmarks --sizes 100,5000     # chosen sizes; "stress" is the 20,000 stress journal, "2000s" a smaller one
    python -m benchmarks --quick              # N = 100 and 1,000, 3 rounds: a check that everything runs
    python -m benchmarks storage [--entries 5000]   # the save benchmark (benchmarks/bench_storage.py)
    python -m benchmarks typing [--sizes 100,20000]  # typing in a long answer (benchmarks/bench_typing.py)
    python -m benchmarks screens [--repeat 3]       # opening, Tab and leaving each exercise (benchmarks/bench_screens.py)

Prints one line per measure as it goes, then the table of the performance
issue as Markdown. Timings depend on the machine and on what else runs on it:
compare ratios measured in the same run, never numbers from two runs.
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import sys
import time
from pathlib import Path

from benchmarks import bench_typing, figures, jrnl_anchor, report
from benchmarks.figures import FIGURES, Cell
from benchmarks.journals import VERSIONS, JournalSpec, write_journals
from benchmarks.processes import BenchmarkError
from benchmarks.runner import measure_journal, measure_review

DEFAULT_SIZES = "100,1000,5000,20000,stress"
QUICK_SIZES = "100,1000"
STRESS_ENTRIES = 20_000
REVIEW_SOURCE = JournalSpec(100)
TYPING_SIZES = (100, 20_000)  # and the stress journal: the sizes issue 13 sets typing targets for
TYPING_KEYS = 150
TYPING_CHARS = 5000


def parse_sizes(text: str) -> list[JournalSpec]:
    """``100,5000,stress,2000s`` → journal specs; raises ValueError on anything else."""
    specs = []
    for token in (part.strip().lower() for part in text.split(",") if part.strip()):
        if token == "stress":
            specs.append(JournalSpec(STRESS_ENTRIES, stress=True))
        elif token.endswith("s") and token[:-1].isdigit():
            specs.append(JournalSpec(int(token[:-1]), stress=True))
        elif token.isdigit():
            specs.append(JournalSpec(int(token)))
        else:
            raise ValueError(f"not a size: {token!r} (give numbers of entries, or 'stress', e.g. 100,5000,stress)")
        if specs[-1].entries < 20:
            raise ValueError(f"a journal needs at least 20 entries to hold every exercise, not {specs[-1].entries}")
    if not specs:
        raise ValueError("no size given")
    return specs


def default_cache() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "bilan-benchmarks"


def machine_line() -> str:
    import textual

    model = ""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    load = ", load average %.1f" % os.getloadavg()[0] if hasattr(os, "getloadavg") else ""
    return (
        f"{platform.system()} {platform.release()}, {model or platform.machine()}, {os.cpu_count()} cores{load}; "
        f"Python {platform.python_version()}, Textual {textual.__version__}"
    )


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv[:1] == ["storage"]:
        from benchmarks import bench_storage

        return bench_storage.main(argv[1:])
    if argv[:1] == ["typing"]:
        return bench_typing.main(argv[1:])
    if argv[:1] == ["screens"]:
        from benchmarks import bench_screens

        return bench_screens.main(argv[1:])
    parser = argparse.ArgumentParser(prog="python -m benchmarks", description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", help=f"journals to measure (default {DEFAULT_SIZES})")
    parser.add_argument("--quick", action="store_true", help=f"sizes {QUICK_SIZES} and 3 rounds, unless given")
    parser.add_argument("--repeat", type=int, help="rounds per figure (default 5; 3 with --quick)")
    parser.add_argument("--cache", type=Path, default=default_cache(), help="jrnl's environment and the journals (default %(default)s)")
    parser.add_argument("--keep", action="store_true", help="keep the generated journals in the cache folder")
    args = parser.parse_args(argv)
    try:
        specs = parse_sizes(args.sizes or (QUICK_SIZES if args.quick else DEFAULT_SIZES))
    except ValueError as error:
        parser.error(str(error))
    repeat = args.repeat or (3 if args.quick else 5)
    if repeat < 1:
        parser.error("--repeat must be at least 1")
    try:
        return _run(specs, repeat, args.cache, args.keep)
    except BenchmarkError as error:
        print(f"benchmarks: {error}", file=sys.stderr)
        return 1


def compile_bilan() -> None:
    """Byte-compile bilan's modules, as installing a wheel does (pip compiles jrnl's and Textual's).

    From a source checkout (``pip install -e``) with ``PYTHONDONTWRITEBYTECODE`` set, every run
    would otherwise compile bilan's modules again: ~30 ms of each ``bilan note`` that no installed
    copy pays.
    """
    import compileall

    import journal

    compileall.compile_dir(Path(journal.__file__).resolve().parent, quiet=1)


def _run(specs: list[JournalSpec], repeat: int, cache: Path, keep: bool) -> int:
    from journal.core.catalogue import load_catalogue
    from journal.i18n import set_language

    compile_bilan()
    set_language("fr")
    catalogue = load_catalogue()
    marker = str(catalogue.exercises[0].title)
    cache.mkdir(parents=True, exist_ok=True)
    jrnl, jrnl_note = jrnl_anchor.install(cache)
    print(f"machine: {machine_line()}", flush=True)
    print(f"anchor: {jrnl_note}" + ("" if jrnl else " — printing bilan's own numbers only"), flush=True)
    print(f"median of {repeat} interleaved rounds per figure; first screen timed in tmux (100×30)", flush=True)
    results: dict[str, dict[str, Cell]] = {}
    started = time.perf_counter()
    for spec in specs:
        folder = cache / "journals" / spec.name
        shutil.rmtree(folder, ignore_errors=True)
        written = write_journals(spec, catalogue, folder)
        print(
            f"{spec.label}: {written.instances} exercise instances × {VERSIONS} saved versions, {written.notes} notes; "
            f"bilan files {written.bilan_bytes / 1e6:.1f} MB (journal {written.journal_bytes / 1e6:.1f} MB), "
            f"jrnl file {written.jrnl_bytes / 1e6:.1f} MB",
            flush=True,
        )
        measured = measure_journal(written, jrnl, marker, repeat, folder).cells
        for figure in FIGURES:
            if figure.key in measured:
                print(report.progress_line(spec.label, figure, measured[figure.key]), flush=True)
        results[spec.label] = measured
        if not keep:
            shutil.rmtree(folder, ignore_errors=True)
    review_folder = cache / "journals" / "review"
    shutil.rmtree(review_folder, ignore_errors=True)
    review = measure_review(write_journals(REVIEW_SOURCE, catalogue, review_folder), repeat, review_folder)
    if not keep:
        shutil.rmtree(review_folder, ignore_errors=True)
    review_figure = next(figure for figure in FIGURES if figure.key == figures.REVIEW)
    print(f"\nmeasured in {time.perf_counter() - started:.0f} s\n")
    print(report.table([spec.label for spec in specs], results))
    print(f"\n{review_figure.title}: {report.cell_text(review_figure, review)}")
    typing_sizes = [spec for spec in specs if spec.entries in TYPING_SIZES or spec.stress]
    print("\nTyping in a long answer (python -m benchmarks typing):", flush=True)
    typing_table, kept = bench_typing.run(typing_sizes or specs[:1], min(repeat, 3), TYPING_KEYS, TYPING_CHARS, cache)
    print(f"\n{typing_table}")
    return 0 if kept else 1


if __name__ == "__main__":
    raise SystemExit(main())
