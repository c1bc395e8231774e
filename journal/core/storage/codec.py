"""Journal bytes to journal data and back: unseal if encrypted, parse strictly, check, upgrade.

``decode`` says precisely what is wrong with bytes that are not a usable
journal (``Problem.key`` names a message of the ``[storage]`` translations);
``encode`` serialises as orjson does (``json_bytes``) and seals when a cipher is given. Nothing
here touches the disk.
"""

from __future__ import annotations

import gc
from typing import TYPE_CHECKING

from journal.core.storage import json_bytes
from journal.core.storage.migrations import upgrade
from journal.core.storage.sealed import is_encrypted
from journal.core.storage.stepwise_json import dumps_in_steps
from journal.core.storage.validation import NewerSchema, NotAJournal

if TYPE_CHECKING:  # the encryption code is loaded for sealed bytes only
    from journal.core.storage import crypto


class Problem(Exception):
    """Why bytes are not a usable journal; ``key`` is a ``storage.*`` message, ``values`` its fields."""

    def __init__(self, key: str, **values: object):
        super().__init__(key)
        self.key = key
        self.values = values


class NeedPassphrase(Exception):
    """The bytes are sealed and no cipher was given."""


class WrongPassphrase(Exception):
    """The cipher's passphrase does not open these bytes."""


class Decoded:
    """A journal's data once read (a plain class: a dataclass costs a millisecond to create at every start)."""

    __slots__ = ("data", "schema", "encrypted")

    def __init__(self, data: dict, schema: int, encrypted: bool):
        self.data = data
        self.schema = schema  # the schema the bytes were in (upgraded in ``data`` if older)
        self.encrypted = encrypted


def decode(raw: bytes, cipher: crypto.Cipher | None) -> Decoded:
    data, encrypted = unseal_and_parse(raw, cipher)
    try:
        data, schema = upgrade(data)
    except NewerSchema as newer:
        raise Problem("newer_schema", version=newer.version) from newer
    except NotAJournal as wrong:
        if wrong.detail:
            raise Problem("bad_record", where=wrong.detail) from wrong
        raise Problem("not_journal") from wrong
    return Decoded(data, schema, encrypted)


def unseal_and_parse(raw: bytes, cipher: crypto.Cipher | None) -> tuple[object, bool]:
    """The JSON value in ``raw`` (unsealed first if it is encrypted) and whether it was; no check of its shape."""
    encrypted = is_encrypted(raw)
    if encrypted:
        raw = _unseal(raw, cipher)
    if not raw.strip():
        raise Problem("empty")
    try:
        return _parse(raw), encrypted
    except json_bytes.DecodeError as error:
        raise Problem("truncated" if _cut_short(raw, error) else "not_json") from error


def _parse(raw: bytes):
    """``json_bytes.loads`` (orjson's reading) with the cyclic garbage collector paused.

    Parsing only creates new containers that cannot form cycles, yet each few
    hundred of them set off a collection that walks the ones made so far: a
    quarter to a third of the parse of a 160 MB journal (same result either way).
    """
    paused = gc.isenabled()
    gc.disable()
    try:
        return json_bytes.loads(raw)
    finally:
        if paused:
            gc.enable()


def _unseal(raw: bytes, cipher: crypto.Cipher | None) -> bytes:
    from journal.core.storage import crypto

    try:
        crypto.read_header(raw)
    except crypto.TooCostly as error:
        raise Problem("sealed_too_costly") from error
    except crypto.UnknownFormat as error:
        raise Problem("sealed_unknown") from error
    except crypto.Damaged as error:
        raise Problem("sealed_damaged") from error
    if cipher is None:
        raise NeedPassphrase()
    try:
        return cipher.open(raw)
    except crypto.BadPassphrase as error:
        raise WrongPassphrase() from error
    except crypto.Damaged as error:
        raise Problem("sealed_damaged") from error


def _cut_short(raw: bytes, error: json_bytes.DecodeError) -> bool:
    """A parse that fails at the very end of a JSON object means the file was cut off."""
    text = raw.strip()
    return text[:1] == b"{" and error.pos >= len(text.decode("utf-8", "replace")) - 1


def encode(data: dict, cipher: crypto.Cipher | None) -> tuple[bytes | memoryview, ...]:
    """The file's bytes, in parts to write one after the other (header and body when sealed).

    Serialised in short steps (``stepwise_json``): a save in a thread lets the screen draw between them.
    """
    parts = dumps_in_steps(data)
    if cipher is not None:
        return cipher.seal_parts(parts[0] if len(parts) == 1 else b"".join(parts))
    return tuple(parts)


def usable(raw: bytes) -> bool:
    """Whether a backup looks restorable: a plain journal that decodes, or a well-formed sealed one."""
    if is_encrypted(raw):
        from journal.core.storage import crypto

        try:
            crypto.read_header(raw)
        except ValueError:
            return False
        return True
    try:
        decode(raw, None)
    except (Problem, NeedPassphrase, WrongPassphrase):
        return False
    return True
