"""The benchmark harness (``python -m benchmarks``): its journals are real journals, its arithmetic is right.

Nothing here is timed: the benchmark itself never runs in CI.
"""

from __future__ import annotations

import re

import orjson

import pytest

from benchmarks.__main__ import parse_sizes
from benchmarks.figures import FIGURES, Measured, Skipped, interleaved
from benchmarks.journals import VERSIONS, JournalSpec, write_journals
from benchmarks.report import cell_text
from journal.cli.main import main as bilan
from journal.core.store import JournalStore, list_backups

JRNL_ENTRY = re.compile(r"^\[\d{4}-\d\d-\d\d \d\d:\d\d\] ", re.MULTILINE)


@pytest.fixture(scope="module")
def written(tmp_path_factory, catalogue):
    return write_journals(JournalSpec(100), catalogue, tmp_path_factory.mktemp("bench"))


def test_the_journal_opens_with_every_exercise_once_and_thirty_versions(written, catalogue):
    with JournalStore(written.bilan_dir, read_only=True) as store:
        entries = store.entries.all()
        notes = store.notes.all()
    assert sorted(entry.exercise_id for entry in entries) == sorted(exercise.id for exercise in catalogue.exercises)
    assert all(len(entry.history) == VERSIONS for entry in entries)
    assert len(entries) + len(notes) == 100 == written.entries
    assert any("é" in note.text for note in notes)


def test_jrnl_gets_one_entry_per_bilan_entry(written):
    text = written.jrnl_file.read_text(encoding="utf-8")
    assert len(JRNL_ENTRY.findall(text)) == written.entries


def test_bilan_exports_the_generated_journal(written, tmp_path, capsys):
    target = tmp_path / "summary.md"
    assert bilan(["--data", str(written.bilan_dir), "export", "-o", str(target)]) == 0
    assert target.read_text(encoding="utf-8").count("\n## ") >= 2


def test_follow_ups_and_stress_instances_are_counted_as_the_issue_says(catalogue):
    exercises = len(catalogue.exercises)
    assert JournalSpec(5000).exercise_instances(exercises) == exercises + 25
    assert JournalSpec(20000, stress=True).exercise_instances(exercises) == 2000
    assert JournalSpec(100).exercise_instances(exercises) == exercises


def test_sizes_are_read_from_the_command_line():
    assert parse_sizes("100, 5000,stress,300s") == [
        JournalSpec(100),
        JournalSpec(5000),
        JournalSpec(20000, stress=True),
        JournalSpec(300, stress=True),
    ]
    for wrong in ("", "cent", "10"):
        with pytest.raises(ValueError):
            parse_sizes(wrong)


def test_rounds_alternate_which_side_runs_first():
    order = []
    mine, theirs = interleaved(4, lambda: order.append("bilan") or 2.0, lambda: order.append("anchor") or 1.0)
    assert order == ["bilan", "anchor", "anchor", "bilan", "bilan", "anchor", "anchor", "bilan"]
    assert (mine, theirs) == ([2.0] * 4, [1.0] * 4)


def test_a_cell_gives_the_ratio_of_medians_and_the_range_of_pair_ratios():
    cell = Measured((0.3, 0.2, 0.9), (0.1, 0.2, 0.3))
    assert cell.ratio == pytest.approx(1.5)
    assert cell.spread == pytest.approx((1.0, 3.0))
    export = FIGURES[0]
    assert cell_text(export, cell) == "**1.50** (0.30 s vs 0.20 s; pairs 1.00–3.00)"
    assert cell_text(export, Measured((0.05,))) == "50 ms (no anchor)"
    assert cell_text(export, Skipped("no tmux")) == "skipped: no tmux"


def test_a_key_is_timed_to_the_end_of_the_first_frame_that_starts_after_its_edit():
    from benchmarks.typing_probe import Recorder

    recorder = Recorder()
    recorder.posted = [0.0, 1.0, 2.0]
    recorder.posted_cpu = [10.0, 20.0, 30.0]
    recorder.edits = [0.001, 1.002, 2.001]
    # frame 0.5–0.6 started before the second key's edit; the one at 1.010 shows it.
    recorder.frames = [(0.0005, 0.004), (0.002, 0.003), (0.5, 0.6), (1.010, 1.012), (2.0005, 2.003)]
    recorder.frames_cpu = [10.0005, 10.001, 10.5, 20.004, 30.001]
    assert recorder.latencies() == pytest.approx([0.003, 0.012])  # the third key never reached a frame
    assert recorder.cpu_latencies() == pytest.approx([0.001, 0.004])


def test_typing_runs_are_summarised_by_percentiles_and_lost_keys_are_seen():
    from benchmarks.bench_typing import Run, percentile

    assert percentile([1.0, 2.0, 3.0, 4.0], 50) == 2.0
    assert percentile(list(map(float, range(1, 101))), 95) == 95.0
    probe = {
        "app": "bilan",
        "keys": 3,
        "latencies": [0.004, 0.002, 0.010],
        "cpu_latencies": [0.001, 0.002, 0.003],
        "gc_pauses": [[0, 0.001, 0.001], [2, 0.05, 0.02]],
        "text_kept": True,
    }
    run = Run.from_probe({**probe, "saved_kept": True})
    assert (run.p50, run.p95, run.worst, run.cpu_p95) == pytest.approx((4.0, 10.0, 10.0, 3.0))
    assert (run.gc_worst, run.gc_cpu_worst, run.kept) == pytest.approx((50.0, 20.0, True))
    assert not Run.from_probe({**probe, "saved_kept": False}).kept
    assert not Run.from_probe({**probe, "text_kept": False}).kept
    assert not Run.from_probe({**probe, "keys": 4}).kept  # a key that never reached the screen


async def test_the_typing_probe_types_every_key_into_the_app(written, tmp_path):
    """Not timed: the probe drives the real app and checks the text and the journal."""
    import argparse
    import gc
    import shutil

    from benchmarks.typing_probe import measure

    data = tmp_path / "journal"
    shutil.copytree(written.bilan_dir, data)
    args = argparse.Namespace(app="bilan", data=data, save_load=True, keys=12, chars=600, interval=0.01)
    try:
        result = await measure(args)
    finally:
        gc.unfreeze()  # the probe freezes what is loaded, as the app does
    assert result["text_kept"] and result["saved_kept"]
    assert result["edits"] == 12 and len(result["latencies"]) == len(result["cpu_latencies"]) == 12


def test_the_journal_is_generated_with_its_versions_in_their_own_files(written):
    """As bilan keeps it: opening it for writing migrates nothing (no rewrite, no upgrade snapshot)."""
    journal = written.bilan_dir / "journal.json"
    before = journal.read_bytes()
    files = {path.name: path.read_bytes() for path in (written.bilan_dir / "versions").iterdir()}
    assert all(doc["history"] == [] for doc in orjson.loads(before)["entries"].values())
    assert len(files) == len(orjson.loads(before)["entries"]) and not (written.bilan_dir / "versions.json").exists()
    assert 0 < written.journal_bytes < written.bilan_bytes
    JournalStore(written.bilan_dir, snapshot_on_open=False).close()
    assert journal.read_bytes() == before
    assert {path.name: path.read_bytes() for path in (written.bilan_dir / "versions").iterdir()} == files
    assert not [backup for backup in list_backups(written.bilan_dir) if backup.kind == "upgrade"]


async def test_the_screens_probe_opens_tabs_and_leaves_an_exercise_in_bilan_and_in_its_floor():
    from textual.screen import Screen

    from benchmarks.screens_probe import TIMED, measure
    from journal.tui.screens.exercise import ExerciseScreen

    screen_methods = {cls: {name: vars(cls).get(name) for name in TIMED} for cls in (Screen, ExerciseScreen)}
    ours = await measure("bilan", 1, {}, only=["ma-demande"])
    figures = ours["medians"]["ma-demande"]
    assert set(figures) == {"open", "settled", "tab", "leave"}
    assert 0 < figures["open"] <= figures["settled"]
    widgets, fields = ours["shapes"]["ma-demande"]
    assert widgets > 50 and 5 < fields < widgets
    theirs = await measure("floor", 1, ours["shapes"], only=["ma-demande"])
    assert all(value > 0 for value in theirs["medians"]["ma-demande"].values())
    floor_widgets, floor_fields = theirs["shapes"]["ma-demande"]
    assert abs(floor_widgets - widgets) <= 10 and abs(floor_fields - fields) <= 3
    # The probe times Textual's screens by replacing two of their methods: it gives them back (the next tests
    # of this process use the same classes).
    assert {cls: {name: vars(cls).get(name) for name in TIMED} for cls in screen_methods} == screen_methods


def test_the_screens_table_gives_each_ratio_and_the_median_over_exercises():
    from benchmarks.bench_screens import table

    bilan = {"a": {"open": [100, 120], "settled": [200], "tab": [20], "leave": [30]},
             "b": {"open": [300], "settled": [400], "tab": [40], "leave": [50]}}
    floor = {"a": {"open": [50], "settled": [100], "tab": [10], "leave": [30]},
             "b": {"open": [100], "settled": [200], "tab": [20], "leave": [25]}}
    text = table(bilan, floor, {"a": [80, 10], "b": [120, 12]})
    assert "| a | 80 (10) | 110 / 50 (2.20) | 200 / 100 (2.00) | 20 / 10 (2.00) | 30 / 30 (1.00) |" in text
    assert "| b | 120 (12) | 300 / 100 (3.00) |" in text
    assert "**205 / 75 (2.73)**" in text  # medians over the exercises, then their ratio
