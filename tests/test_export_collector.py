"""The export pauses the cyclic garbage collector while it builds and renders, and always switches it back on."""

from __future__ import annotations

import gc

import pytest

from journal.core.export import build_summary, render
from journal.core.collector import collector_paused


def test_the_collector_is_paused_inside_and_running_again_after():
    assert gc.isenabled()
    with collector_paused():
        assert not gc.isenabled()
    assert gc.isenabled()


def test_the_collector_runs_again_after_an_error():
    with pytest.raises(ValueError):
        with collector_paused():
            raise ValueError("boom")
    assert gc.isenabled()


def test_a_collector_switched_off_by_the_caller_stays_off():
    gc.disable()
    try:
        with collector_paused():
            pass
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_building_and_rendering_a_summary_leave_the_collector_running(store, catalogue, monkeypatch):
    import journal.core.export.markdown as markdown

    store.notes.add("Une note.")
    inside = []
    real = markdown.render_markdown
    monkeypatch.setattr(markdown, "render_markdown", lambda summary: inside.append(gc.isenabled()) or real(summary))
    summary = build_summary(store, catalogue)
    assert "Une note." in render(summary, "markdown")
    assert inside == [False]
    for name in ("html", "json"):
        render(summary, name)
        assert gc.isenabled()
    assert gc.isenabled()
