"""Shared fixtures: a fresh journal folder, the real catalogue, French by default."""

from __future__ import annotations

import os
import tempfile

import pytest

# Parsed exercise and message files (journal.core.toml_cache) go to a folder of this run, not the user's cache;
# commands run by the tests inherit it.
os.environ.setdefault("BILAN_CACHE_DIR", tempfile.mkdtemp(prefix="bilan-tests-cache-"))

from journal.core.catalogue import load_catalogue
from journal.core.store import JournalStore
from journal.i18n import set_language


def _import_every_screen_in_french() -> None:
    """Key descriptions are read when a screen's module is first imported (a language is chosen once, at start):
    import them all now, in French, so a picture of the footer never depends on which test ran first."""
    import importlib
    import pkgutil

    import journal.tui

    set_language("fr")
    for module in pkgutil.walk_packages(journal.tui.__path__, "journal.tui."):
        importlib.import_module(module.name)


_import_every_screen_in_french()


@pytest.fixture(autouse=True)
def french(monkeypatch):
    monkeypatch.delenv("BILAN_HOME", raising=False)
    monkeypatch.delenv("BILAN_LANG", raising=False)
    monkeypatch.delenv("BILAN_PASSPHRASE", raising=False)
    set_language("fr")
    yield
    set_language("fr")


@pytest.fixture(autouse=True)
def private_user_folders(monkeypatch, tmp_path_factory):
    """The user's data, cache and config folders point into the test run's own temporary folder.

    Nothing a test does reaches the real ones, and tests running side by side (one
    process per core) never share a journal, a lock or a cache by accident.
    """
    base = tmp_path_factory.getbasetemp() / "user-folders"
    for variable in ("XDG_DATA_HOME", "XDG_CACHE_HOME", "XDG_CONFIG_HOME", "XDG_STATE_HOME"):
        monkeypatch.setenv(variable, str(base / variable.lower()))


@pytest.fixture(autouse=True)
def steady_cursor(monkeypatch):
    """Cursors do not blink in tests: a snapshot taken half a second later must look the same."""
    from textual.widgets import Input, TextArea

    monkeypatch.setattr(TextArea, "_toggle_cursor_blink_visible", lambda self: None)
    monkeypatch.setattr(Input, "_toggle_cursor", lambda self: None)


@pytest.fixture
def data_dir(tmp_path):
    return tmp_path / "journal"


@pytest.fixture
def store(data_dir):
    with JournalStore(data_dir) as opened:
        yield opened


@pytest.fixture(scope="session")
def catalogue():
    return load_catalogue()


@pytest.hookimpl(tryfirst=True)
def pytest_xdist_auto_num_workers(config):
    """``-n auto``: two workers per core. Most app tests spend their time waiting (timers, autosave
    pauses, screens settling), so two per core finish the suite about a quarter sooner (3 min 15 s
    instead of 4 min 15 s on 2 cores). ``PYTEST_XDIST_AUTO_NUM_WORKERS`` still decides when set."""
    if os.environ.get("PYTEST_XDIST_AUTO_NUM_WORKERS"):
        return None
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)
    return 2 * cores
