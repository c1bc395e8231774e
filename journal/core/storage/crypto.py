"""Passphrase encryption of the journal at rest: AES-256-GCM with a key derived by scrypt.

File layout (version 1), all integers unsigned bytes::

    magic    8  b"BILANENC"
    version  1  1
    kdf      1  1 = scrypt
    log2_n   1  scrypt cost (n = 2 ** log2_n), 17 by default
    r        1  scrypt block size, 8
    p        1  scrypt parallelism, 1
    salt    16  random, chosen when encryption is turned on
    check   16  HMAC-SHA256(key, "bilan passphrase check v1")[:16]
    nonce   12  random, new for every save
    sealed   …  AES-GCM(key, nonce, JSON payload, associated data = all the bytes above)

The key is derived once per opening (and per salt met); each save draws a new
nonce. ``check`` tells a wrong passphrase (nothing decrypted, nothing changed)
from a damaged file (the passphrase is right but the content fails its tag).
Everything happens in memory: callers write the sealed bytes with the same
atomic write as a plain journal, so no plaintext reaches the disk.
"""

from __future__ import annotations

import os
import struct

# cryptography (and hashlib with OpenSSL) is imported where a key is derived or checked
# or a payload (un)sealed, not here: every command reads this module to tell a sealed
# journal, and a plain journal never needs them (a fifth of what ``bilan note`` imported).

from journal.core.record import record
from journal.core.storage.sealed import MAGIC, is_encrypted

FORMAT_VERSION = 1
KDF_SCRYPT = 1
_LAYOUT = struct.Struct(">8sBBBBB16s16s12s")
HEADER_SIZE = _LAYOUT.size
_CHECK_LABEL = b"bilan passphrase check v1"
MIN_PASSPHRASE = 8


@record
class KdfParams:
    log2_n: int = 17
    r: int = 8
    p: int = 1

    @property
    def memory(self) -> int:
        """Bytes scrypt needs for one derivation (128 · r · n)."""
        return 128 * self.r * 2**self.log2_n

    @property
    def work(self) -> int:
        """Relative time of one derivation (n · r · p block mixes)."""
        return 2**self.log2_n * self.r * self.p

    def acceptable(self) -> bool:
        """Costs read from a file: at least a real cost, and at most ``COST_MARGIN`` times what bilan writes,
        in memory and in time together, so a crafted header can neither hang us nor exhaust memory."""
        if self.log2_n < 10 or self.r < 1 or self.p < 1:
            return False
        return self.memory <= COST_MARGIN * _WRITTEN.memory and self.work <= COST_MARGIN * _WRITTEN.work

    @property
    def too_costly(self) -> bool:
        return self.log2_n >= 10 and self.r >= 1 and self.p >= 1 and not self.acceptable()


# What bilan writes, and how much more a file may ask for (a future bilan may raise its
# cost a little; 4 × 128 MiB and 4 × 0.4 s are still bearable on a modest laptop).
_WRITTEN = KdfParams()
COST_MARGIN = 4


# Strong by default (scrypt with 128 MiB, ~0.4 s). Tests lower it through
# ``monkeypatch`` on this attribute; files record their own cost, so a journal
# encrypted at any cost opens with any setting.
DEFAULT_KDF = KdfParams()


class NotEncrypted(ValueError):
    """The bytes do not start with the encrypted-journal header."""


class UnknownFormat(ValueError):
    """The header is from a newer format, or its values are out of bounds."""


class TooCostly(UnknownFormat):
    """The header asks for a key derivation far costlier than bilan's own: refused before deriving."""


class BadPassphrase(ValueError):
    """The passphrase does not match the file."""


class Damaged(ValueError):
    """The passphrase is right but the sealed content does not verify (truncated or altered)."""


@record
class Header:
    params: KdfParams
    salt: bytes
    check: bytes
    nonce: bytes

    def pack(self) -> bytes:
        p = self.params
        return _LAYOUT.pack(MAGIC, FORMAT_VERSION, KDF_SCRYPT, p.log2_n, p.r, p.p, self.salt, self.check, self.nonce)


def read_header(raw: bytes) -> Header:
    if not is_encrypted(raw):
        raise NotEncrypted()
    if len(raw) < HEADER_SIZE:
        raise Damaged()
    _, version, kdf, log2_n, r, p, salt, check, nonce = _LAYOUT.unpack_from(raw)
    params = KdfParams(log2_n, r, p)
    if version != FORMAT_VERSION or kdf != KDF_SCRYPT:
        raise UnknownFormat()
    if params.too_costly:
        raise TooCostly()
    if not params.acceptable():
        raise UnknownFormat()
    return Header(params, salt, check, nonce)


def derive_key(passphrase: str, salt: bytes, params: KdfParams) -> bytes:
    from cryptography.hazmat.primitives.kdf.scrypt import Scrypt

    kdf = Scrypt(salt=salt, length=32, n=2**params.log2_n, r=params.r, p=params.p)
    return kdf.derive(passphrase.encode("utf-8"))


def _check_value(key: bytes) -> bytes:
    import hashlib
    import hmac

    return hmac.new(key, _CHECK_LABEL, hashlib.sha256).digest()[:16]


def _same(computed: bytes, stored: bytes) -> bool:
    import hmac

    return hmac.compare_digest(computed, stored)


class Cipher:
    """A passphrase and the keys derived from it; seals and opens journal files in memory."""

    def __init__(self, passphrase: str, *, params: KdfParams | None = None, salt: bytes | None = None):
        self._passphrase = passphrase
        self.params = params or DEFAULT_KDF
        self.salt = salt or os.urandom(16)
        self._keys: dict[tuple[bytes, KdfParams], bytes] = {}
        # Many files are sealed or opened at once by threads (``atomic_write_many``): one derivation
        # per salt, not one per thread (each takes 128 MiB and a quarter of a second).
        import threading  # here: a plain journal's commands read this module and never make a Cipher

        self._deriving = threading.Lock()

    def _key(self, salt: bytes, params: KdfParams) -> bytes:
        known = self._keys.get((salt, params))
        if known is None:
            with self._deriving:
                known = self._keys.get((salt, params))
                if known is None:
                    known = self._keys[(salt, params)] = derive_key(self._passphrase, salt, params)
        return known

    def open(self, raw: bytes) -> bytes:
        """The plaintext of an encrypted file; afterwards, saves reuse that file's salt and cost."""
        from cryptography.exceptions import InvalidTag

        header = read_header(raw)
        key = self._key(header.salt, header.params)
        if not _same(_check_value(key), header.check):
            raise BadPassphrase()
        try:
            plain = _aesgcm(key).decrypt(header.nonce, raw[HEADER_SIZE:], raw[:HEADER_SIZE])
        except InvalidTag as error:
            raise Damaged() from error
        self.salt, self.params = header.salt, header.params
        return plain

    def matches(self, raw: bytes) -> bool:
        """Whether this passphrase opens ``raw`` (its header and tag), without keeping anything."""
        try:
            header = read_header(raw)
        except ValueError:
            return False
        return _same(_check_value(self._key(header.salt, header.params)), header.check)

    def seal_parts(self, plain: bytes) -> tuple[bytes, bytes]:
        """The sealed file as (header, ciphertext), to be written one after the other."""
        key = self._key(self.salt, self.params)
        nonce = os.urandom(12)
        header = Header(self.params, self.salt, _check_value(key), nonce).pack()
        return header, _aesgcm(key).encrypt(nonce, plain, header)

    def seal(self, plain: bytes) -> bytes:
        return b"".join(self.seal_parts(plain))


def _aesgcm(key: bytes):
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    return AESGCM(key)
