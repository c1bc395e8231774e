"""Random identifiers for sessions and bilans, in the form ``uuid.uuid4().hex`` gives.

Importing ``uuid`` loads ``platform`` (~3 ms at every start of ``bilan note``);
a version-4 identifier is sixteen random bytes with six bits set, made here
from ``os.urandom`` as ``uuid.uuid4`` makes it.
"""

from __future__ import annotations

import os


def random_id() -> str:
    """32 lowercase hexadecimal digits: a random version-4, RFC 4122 identifier."""
    raw = bytearray(os.urandom(16))
    raw[6] = (raw[6] & 0x0F) | 0x40  # version 4
    raw[8] = (raw[8] & 0x3F) | 0x80  # RFC 4122 variant
    return raw.hex()
