"""Whether bytes are an encrypted journal (or backup, or versions file): the mark its header opens with.

Every opening asks, and a plain journal never needs more of ``crypto``: this
mark is kept here so that reading it does not load the encryption code (its
key-derivation settings, headers and their layout).
"""

from __future__ import annotations

MAGIC = b"BILANENC"


def is_encrypted(raw: bytes) -> bool:
    return raw[: len(MAGIC)] == MAGIC
