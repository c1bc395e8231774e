"""Summaries sealed for one conseiller: a standard age file, opened only with their identity.

Everything happens in memory: the clear text is never written anywhere by
this module, and decrypting returns text, never a file.
"""

from __future__ import annotations

import pyrage
from pyrage import x25519

from journal.core.sharing.errors import DamagedEncryptedFile, NotForThisIdentity, TooLarge
from journal.core.sharing.keys import parse_public_key
from journal.core.text_safety import inert_line
from journal.i18n import t

# A summary of a whole bilan is a few hundred kilobytes at most; this leaves room and bounds the cost.
MAX_SUMMARY_BYTES = 4 * 1024 * 1024
# age adds a header and 16 bytes per 64 KiB chunk.
MAX_ENCRYPTED_BYTES = MAX_SUMMARY_BYTES + MAX_SUMMARY_BYTES // 1024 + 4096
ENCRYPTED_SUFFIX = ".age"


def encrypt_summary(text: str, public_key: str, *, armored: bool = False) -> bytes:
    """``text`` encrypted to ``public_key`` (checked first), as the bytes of a ``.age`` file."""
    recipient = parse_public_key(public_key)
    payload = text.encode("utf-8")
    if len(payload) > MAX_SUMMARY_BYTES:
        raise TooLarge(t("sharing.summary_too_large", limit=MAX_SUMMARY_BYTES // (1024 * 1024)))
    return pyrage.encrypt(payload, [recipient], armored=armored)


def decrypt_summary(data: bytes, identities: tuple[x25519.Identity, ...], *, name: str) -> bytes:
    """The clear bytes of an encrypted summary; ``name`` (the file) goes into the one-line errors."""
    shown = inert_line(name)
    if len(data) > MAX_ENCRYPTED_BYTES:
        raise TooLarge(t("sharing.file_too_large", path=shown, limit=MAX_SUMMARY_BYTES // (1024 * 1024)))
    try:
        clear = pyrage.decrypt(data, list(identities))
    except pyrage.DecryptError as error:
        if "no matching keys" in str(error).lower():
            raise NotForThisIdentity(t("sharing.not_for_this_identity", path=shown)) from error
        raise DamagedEncryptedFile(t("sharing.damaged", path=shown)) from error
    if len(clear) > MAX_SUMMARY_BYTES:
        raise TooLarge(t("sharing.file_too_large", path=shown, limit=MAX_SUMMARY_BYTES // (1024 * 1024)))
    return clear


def encrypted_name(name: str) -> str:
    """The file name of the encrypted copy: ``bilan.md`` → ``bilan.md.age``."""
    return name if name.endswith(ENCRYPTED_SUFFIX) else name + ENCRYPTED_SUFFIX
