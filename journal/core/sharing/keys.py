"""Public keys of conseillers: checked before anything is encrypted to them.

A key arrives from an assignment file or the command line, so it is hostile
text: it is bounded and parsed by the age library, never trusted as typed.
"""

from __future__ import annotations

import pyrage
from pyrage import x25519

from journal.core.sharing.errors import InvalidPublicKey
from journal.core.text_safety import inert_line
from journal.i18n import t

PUBLIC_KEY_PREFIX = "age1"
# An X25519 recipient is 62 characters; anything much longer is not one.
MAX_PUBLIC_KEY_LENGTH = 100


def parse_public_key(text: object) -> x25519.Recipient:
    """The age recipient written in ``text`` (``InvalidPublicKey`` with one line otherwise)."""
    if not isinstance(text, str):
        raise InvalidPublicKey(t("sharing.key_not_text"))
    key = text.strip()
    shown = inert_line(key[:MAX_PUBLIC_KEY_LENGTH])
    if len(key) > MAX_PUBLIC_KEY_LENGTH or not key.lower().startswith(PUBLIC_KEY_PREFIX):
        raise InvalidPublicKey(t("sharing.key_invalid", key=shown))
    try:
        return x25519.Recipient.from_str(key)
    except pyrage.RecipientError as error:
        raise InvalidPublicKey(t("sharing.key_invalid", key=shown)) from error


def normalized_public_key(text: object) -> str:
    """The key as age writes it (lower case, no spaces), after checking it."""
    return str(parse_public_key(text))
