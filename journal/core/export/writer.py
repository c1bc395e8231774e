"""Writes an export file safely: private permissions, never a half-written file."""

from __future__ import annotations

from pathlib import Path

from journal.core.storage.safe_storage import atomic_write


def write_export(path: Path, text: str) -> None:
    atomic_write(path, text.encode("utf-8"))
