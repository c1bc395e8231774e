"""While the app runs, full garbage collections wait for a pause in typing; everything is put back after."""

from __future__ import annotations

import functools
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


def test_the_collector_is_off_until_the_first_screen_then_on(defaults):
    assert gc.isenabled()
    with tuned_for_typing() as collector:
        assert not gc.isenabled(), "nothing made before the first screen is worth a pass"
        collector.first_screen_drawn()
        assert gc.isenabled()
        collector.first_screen_drawn()  # a second call changes nothing
        assert gc.isenabled()
    assert gc.isenabled()


def test_a_collector_switched_off_before_stays_off(defaults):
    gc.disable()
    try:
        with tuned_for_typing() as collector:
            collector.first_screen_drawn()
            assert not gc.isenabled(), "whoever switched it off decides when it comes back"
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_on_again_when_the_app_fails_before_its_first_screen(defaults):
    with pytest.raises(RuntimeError):
        with tuned_for_typing():
            raise RuntimeError("the app crashed")
    assert gc.isenabled()


def test_the_real_start_keeps_the_collector_off_from_the_app_import_to_its_first_screen(defaults, data_dir, catalogue, monkeypatch):
    from journal.cli.commands import app as app_command
    from journal.core.store import JournalStore
    from journal.tui.app import BilanApp
    from journal.tui.screens.home import HomeScreen

    seen = {}

    def noting(name, method):
        @functools.wraps(method)  # Textual passes a handler as many arguments as its signature takes
        def wrapped(self, *args, **kwargs):
            seen[name] = gc.isenabled()
            return method(self, *args, **kwargs)

        return wrapped

    monkeypatch.setattr(BilanApp, "__init__", noting("app made", BilanApp.__init__))
    monkeypatch.setattr(HomeScreen, "on_mount", noting("home screen mounted", HomeScreen.on_mount))

    async def look_then_quit(pilot):
        await pilot.pause()
        seen["first screen drawn"] = gc.isenabled()
        await pilot.exit(0)

    store = JournalStore(data_dir)
    code = app_command._launch(store, catalogue, run=lambda app: app.run(headless=True, size=(100, 30), auto_pilot=look_then_quit))
    assert code == 0
    assert seen == {"app made": False, "home screen mounted": False, "first screen drawn": True}
    assert gc.isenabled()


def test_the_command_reads_what_it_needs_before_the_app_with_the_collector_off(defaults, monkeypatch):
    import argparse

    from journal.cli.commands import app as app_command

    seen = {}

    def data_dir(args):
        seen["reading"] = gc.isenabled()
        raise LookupError("stop here")

    monkeypatch.setattr(app_command, "data_dir", data_dir)
    with pytest.raises(LookupError):
        app_command.run_app(argparse.Namespace(data=None, lang=None, command=None))
    assert seen == {"reading": False}
    assert gc.isenabled()


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
