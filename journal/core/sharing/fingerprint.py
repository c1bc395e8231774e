"""A short fingerprint of a public key, read aloud at an appointment to compare two screens.

Sixteen hexadecimal digits of the SHA-256 of the key, in four groups of four
(« 3F2A 91C0 77DE 04B1 »): short enough to read in a breath, long enough that
a swapped key cannot be made to look the same by chance (64 bits).
"""

from __future__ import annotations

import hashlib

GROUPS = 4
GROUP_SIZE = 4


def fingerprint(public_key: str) -> str:
    """The fingerprint of an ``age1…`` public key, e.g. ``"3F2A 91C0 77DE 04B1"``."""
    digest = hashlib.sha256(public_key.strip().lower().encode("ascii", "replace")).hexdigest().upper()
    return " ".join(digest[index * GROUP_SIZE : (index + 1) * GROUP_SIZE] for index in range(GROUPS))
