"""The single file that held all saved versions, ``versions.json`` beside the journal: its format, checks and storage.

bilan now keeps one file per entry (``versions_folder``); this file is read to
move its versions there (``store.versions``), and in snapshots taken before.

Layout (plain JSON, or sealed exactly like the journal when the journal is
encrypted; see ``crypto``)::

    {"kind": "bilan-versions", "format": 1,
     "versions": {"<exercise id>": {"<instance>": [{"saved_at": "<ISO 8601>", "answers": {…}}, …]}}}

Versions are oldest first. The file sits next to the journal's real file (so
a journal linked onto an encrypted volume keeps its versions there too) and
is written with the same atomic write, under the same lock. It is hostile
input like the journal: every field is checked and bounded (instance numbers
as the journal's, answers nested at most ``MAX_ANSWER_DEPTH``, at most
``MAX_VERSIONS_PER_ENTRY`` versions per entry) before anything reads it.

A file that cannot be used (cut short, not JSON, wrong shape, sealed with
another passphrase) raises ``VersionsDamaged``; the store then sets it aside
with ``set_aside`` (never deletes it) and carries on without versions: the
current answers live in the journal and never depend on this file.
"""

from __future__ import annotations

import os
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from journal.core.paths import VERSIONS_FILE
from journal.core.storage import codec
from journal.core.storage.atomic import fsync_folder
from journal.core.storage.safe_storage import SafeJSONStorage
from journal.core.storage.links import versions_target as versions_path
from journal.core.storage.validation import versions_problem

if TYPE_CHECKING:
    from journal.core.storage.crypto import Cipher

__all__ = ["VERSIONS_FILE", "VersionsDamaged", "VersionsStorage", "problem_in", "set_aside", "versions_path"]

KIND = "bilan-versions"
FORMAT = 1
# bilan keeps 30 versions per entry; merging two journals may keep more, never this many.
MAX_VERSIONS_PER_ENTRY = 1000
MAX_INSTANCE = 1_000_000
DAMAGED_PREFIX = "versions.damaged-"


class VersionsDamaged(Exception):
    """The versions file cannot be used as it is; ``where`` says what is wrong (a field, or a ``storage.*`` key)."""

    def __init__(self, where: str):
        super().__init__(where)
        self.where = where


def empty() -> dict:
    return {"kind": KIND, "format": FORMAT, "versions": {}}


def problem_in(data: Any) -> str | None:
    """Where ``data`` is not a usable versions file (``versions.<exercise>.<instance>[i].saved_at``…), or None."""
    if not isinstance(data, dict) or data.get("kind") != KIND:
        return "kind"
    if data.get("format") != FORMAT:
        return "format"
    versions = data.get("versions")
    if not isinstance(versions, dict):
        return "versions"
    for exercise_id, instances in versions.items():
        if not isinstance(instances, dict):
            return f"versions.{exercise_id}"
        for instance, history in instances.items():
            where = f"versions.{exercise_id}.{instance}"
            if not (instance.isascii() and instance.isdigit() and 1 <= int(instance) <= MAX_INSTANCE):
                return where
            if not isinstance(history, list) or len(history) > MAX_VERSIONS_PER_ENTRY:
                return where
            problem = versions_problem(history)
            if problem:
                return where + problem
    return None


class VersionsStorage(SafeJSONStorage):
    """The journal's storage (cache pinned to the file's identity, atomic writes, sealing) for the versions file."""

    def _decode(self, raw: bytes) -> codec.Decoded:
        data, encrypted = parsed(raw, self.cipher)
        where = problem_in(data)
        if where is not None:
            raise VersionsDamaged(where)
        return codec.Decoded(data, FORMAT, encrypted)


def parsed(raw: bytes, cipher: Cipher | None) -> tuple[object, bool]:
    """``codec.unseal_and_parse`` for a versions file: whatever makes it unusable raises ``VersionsDamaged``."""
    try:
        return codec.unseal_and_parse(raw, cipher)
    except codec.Problem as problem:
        raise VersionsDamaged(problem.key) from problem
    except codec.NeedPassphrase as error:
        raise VersionsDamaged("sealed") from error
    except codec.WrongPassphrase as error:
        raise VersionsDamaged("other_passphrase") from error


def set_aside(path: Path, prefix: str = DAMAGED_PREFIX, suffix: str = ".json") -> Path:
    """Rename a damaged versions file to ``<prefix><time><suffix>`` beside it (``versions.damaged-<time>.json``); returns the new path.

    Call it under the journal lock. Raises ``OSError`` if the disk refuses.
    """
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    aside = path.with_name(f"{prefix}{stamp}{suffix}")
    number = 1
    while aside.exists():
        number += 1
        aside = path.with_name(f"{prefix}{stamp}-{number}{suffix}")
    os.replace(path, aside)
    fsync_folder(path.parent)
    return aside
