"""Reading one summary file for the viewer: bounded, decrypted in memory, refused in one line.

Nothing here writes: the clear text of an encrypted summary lives only in the
returned object. Each refusal names the file and says what to do.
"""

from __future__ import annotations

import json
import os
import stat
from pathlib import Path

from pyrage import x25519

from journal.core.review.document import SummaryDocument
from journal.core.review.front_matter import (
    FrontMatterDamaged,
    FrontMatterMissing,
    UnsupportedVersion,
    parse_front_matter,
    split_front_matter,
)
from journal.core.sharing import MAX_SUMMARY_BYTES, SharingError, decrypt_summary, is_age_encrypted
from journal.core.sharing.envelope import MAX_ENCRYPTED_BYTES
from journal.core.text_safety import inert_line
from journal.core.storage.disk_errors import os_reason
from journal.i18n import t

DUMP_KIND = "bilan-dump"


class ReviewRefused(Exception):
    """A file the viewer does not open; the message is one line naming it."""


def read_summary(path: Path, identities: tuple[x25519.Identity, ...] | None) -> SummaryDocument:
    """The summary in ``path`` (``ReviewRefused`` with one line otherwise)."""
    shown = inert_line(str(path))
    raw = _bounded_read(path, shown)
    encrypted = is_age_encrypted(raw[:256])
    if encrypted:
        if not identities:
            raise ReviewRefused(t("review.needs_identity", path=shown))
        try:
            raw = decrypt_summary(raw, identities, name=str(path))
        except SharingError as error:
            raise ReviewRefused(str(error)) from error
    elif len(raw) > MAX_SUMMARY_BYTES:
        raise ReviewRefused(t("sharing.file_too_large", path=shown, limit=MAX_SUMMARY_BYTES // (1024 * 1024)))
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        raise ReviewRefused(t("review.not_text", path=shown)) from error
    _refuse_a_dump(text, shown)
    try:
        block, body = split_front_matter(text)
        header = parse_front_matter(block)
    except FrontMatterMissing as error:
        raise ReviewRefused(t("review.not_a_summary", path=shown)) from error
    except FrontMatterDamaged as error:
        raise ReviewRefused(t("review.damaged_front_matter", path=shown, field=error.field)) from error
    except UnsupportedVersion as error:
        raise ReviewRefused(t("review.newer_version", path=shown, version=inert_line(str(error.version))[:20])) from error
    return SummaryDocument.build(path, header, body, encrypted=encrypted)


def _bounded_read(path: Path, shown: str) -> bytes:
    try:
        info = os.stat(path)
        if not stat.S_ISREG(info.st_mode):
            raise ReviewRefused(t("review.not_a_file", path=shown))
        if info.st_size > MAX_ENCRYPTED_BYTES:
            raise ReviewRefused(t("sharing.file_too_large", path=shown, limit=MAX_SUMMARY_BYTES // (1024 * 1024)))
        with open(path, "rb") as handle:
            raw = handle.read(MAX_ENCRYPTED_BYTES + 1)
    except FileNotFoundError as error:
        raise ReviewRefused(t("review.not_found", path=shown)) from error
    except OSError as error:
        raise ReviewRefused(t("review.unreadable", path=shown, error=os_reason(error))) from error
    if len(raw) > MAX_ENCRYPTED_BYTES:
        raise ReviewRefused(t("sharing.file_too_large", path=shown, limit=MAX_SUMMARY_BYTES // (1024 * 1024)))
    return raw


def _refuse_a_dump(text: str, shown: str) -> None:
    """A complete copy of a journal is for the worker alone: say so rather than "not a summary"."""
    if not text.lstrip().startswith("{"):
        return
    try:
        data = json.loads(text)
    except (ValueError, RecursionError):
        return
    if isinstance(data, dict) and data.get("kind") == DUMP_KIND:
        raise ReviewRefused(t("review.is_a_dump", path=shown))
