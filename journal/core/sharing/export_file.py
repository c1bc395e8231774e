"""Writes an export encrypted for the conseiller: same target checks and atomic write as a clear export.

The clear text only exists in memory; only the sealed bytes reach the disk.
"""

from __future__ import annotations

from pathlib import Path

from journal.core.export.writer import write_export_bytes
from journal.core.sharing.envelope import encrypt_summary


def write_encrypted_export(path: Path, text: str, public_key: str, journal_folder: Path) -> None:
    """Encrypt ``text`` to ``public_key`` and write it to ``path`` (``.age`` expected, 0600, atomic)."""
    write_export_bytes(path, encrypt_summary(text, public_key), journal_folder)
