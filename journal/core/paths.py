"""Where the worker's journal lives: ``--data``, then ``BILAN_HOME``, then the platform folder."""

from __future__ import annotations

import os
from pathlib import Path

from platformdirs import user_data_dir

JOURNAL_FILE = "journal.json"


def resolve_data_dir(explicit: str | os.PathLike | None = None) -> Path:
    """The journal folder chosen by the command line, the environment, or the platform."""
    if explicit:
        return Path(explicit).expanduser()
    from_environment = os.environ.get("BILAN_HOME")
    if from_environment:
        return Path(from_environment).expanduser()
    return Path(user_data_dir("bilan", appauthor=False))


def journal_path(data_dir: Path) -> Path:
    return data_dir / JOURNAL_FILE
