"""Where the worker's journal lives: ``--data``, then ``BILAN_HOME``, then the platform folder.

Inside that folder: ``journal.json`` (the journal, plain TinyDB JSON or
encrypted), ``journal.lock`` (the writers' lock), ``backups/`` (snapshots) and
``sessions/`` (which programs have the journal open), ``versions/``
(the earlier versions of answers, one file per entry; ``versions.json``, the
single file that held them all before, is moved into it at the next opening)
and ``exports.json`` (how many summaries were shared), both beside the
journal's real file when ``journal.json`` is a link.
"""

from __future__ import annotations

import os
from pathlib import Path

JOURNAL_FILE = "journal.json"
VERSIONS_FILE = "versions.json"
VERSIONS_FOLDER = "versions"
EXPORTS_FILE = "exports.json"
BACKUPS_FOLDER = "backups"
SESSIONS_FOLDER = "sessions"


def resolve_data_dir(explicit: str | os.PathLike | None = None) -> Path:
    """The journal folder chosen by the command line, the environment, or the platform."""
    if explicit:
        return Path(explicit).expanduser()
    from_environment = os.environ.get("BILAN_HOME")
    if from_environment:
        return Path(from_environment).expanduser()
    from platformdirs import user_data_dir  # only when neither says: ``--data`` alone never loads it

    return Path(user_data_dir("bilan", appauthor=False))


def journal_path(data_dir: Path) -> Path:
    return data_dir / JOURNAL_FILE


def backups_dir(data_dir: Path) -> Path:
    return data_dir / BACKUPS_FOLDER


def sessions_dir(data_dir: Path) -> Path:
    return data_dir / SESSIONS_FOLDER
