"""While the app runs, full garbage collections wait for a pause in typing; everything is put back after."""

from __future__ import annotations

import gc
import sys

import pytest

from journal.tui import runtime
from journal.tui.runtime import IdleCollector, tuned_for_typing


@pytest.fixture
def defaults():
    thresholds, interval = gc.get_threshold(), sys.getswitchinterval()
    yield thresholds, interval
    gc.set_threshold(*thresholds)
    sys.setswitchinterval(interval)
    gc.unfreeze()


def test_settings_hold_while_running_and_are_restored_after(defaults):
    thresholds, interval = defaults
    with tuned_for_typing() as collector:
        assert gc.get_threshold()[:2] == thresholds[:2]
        assert gc.get_threshold()[2] == runtime.POSTPONED
        assert sys.getswitchinterval() == pytest.approx(runtime.SWITCH_INTERVAL)
        assert collector.due_after == thresholds[2]
        assert gc.get_freeze_count() > 0
    assert gc.get_threshold() == thresholds
    assert sys.getswitchinterval() == pytest.approx(interval)


def test_restored_even_when_the_app_fails(defaults):
    thresholds, _ = defaults
    with pytest.raises(RuntimeError):
        with tuned_for_typing():
            raise RuntimeError("the app crashed")
    assert gc.get_threshold() == thresholds


def owe_full_passes(count: int) -> None:
    """Run young collections until the oldest generation's counter reaches ``count``."""
    gc.collect()
    while gc.get_count()[2] < count:
        gc.collect(1)


def test_a_full_pass_waits_for_quiet_input(defaults, monkeypatch):
    clock = [100.0]
    monkeypatch.setattr(runtime.time, "monotonic", lambda: clock[0])
    collector = IdleCollector(due_after=3)
    owe_full_passes(1)
    assert not collector.due()
    assert not collector.tick()  # nothing owed yet
    owe_full_passes(3)
    collector.input_seen()
    clock[0] += runtime.IDLE_SECONDS / 2
    assert collector.due() and not collector.tick()  # owed, but the worker is typing
    assert gc.get_count()[2] >= 3
    clock[0] += runtime.IDLE_SECONDS
    assert collector.tick()  # quiet: collected
    assert gc.get_count()[2] == 0 and collector.full_passes == 1


def test_a_full_pass_put_off_too_long_runs_even_mid_typing(defaults, monkeypatch):
    monkeypatch.setattr(runtime, "FORCE_AFTER", 5)
    collector = IdleCollector(due_after=2)
    owe_full_passes(5)
    collector.input_seen()
    assert collector.tick()
