"""Snapshots of the review viewer (three dossiers) at 80×24 and 120×40."""

from __future__ import annotations

from pathlib import Path

import pytest

from journal.core.review import group_by_dossier, read_summary, summary_paths
from journal.tui.review import ReviewApp
from tests.summary_factory import three_dossiers


@pytest.fixture
def review_app(tmp_path, monkeypatch):
    # Relative paths, so the file names shown do not depend on the temporary folder.
    monkeypatch.chdir(tmp_path)
    three_dossiers(Path("recus"))
    paths, _ = summary_paths([Path("recus")])
    return ReviewApp(group_by_dossier([read_summary(path, None) for path in paths]), [])


@pytest.mark.parametrize("size", [(80, 24), (120, 40)])
def test_review_viewer_with_three_dossiers(review_app, snap_compare, size):
    assert snap_compare(review_app, terminal_size=size)


@pytest.mark.parametrize("size", [(80, 24), (120, 40)])
def test_review_viewer_what_changed(review_app, snap_compare, size):
    assert snap_compare(review_app, terminal_size=size, press=["down", "c"])
