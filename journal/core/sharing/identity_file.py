"""The conseiller's identity file: an age X25519 secret key, protected by a passphrase.

The file is an age file encrypted with the passphrase (age's scrypt recipient,
ASCII-armoured so it can be printed or copied as text) holding what
``age-keygen`` writes: comment lines with the creation date and the public key,
then the ``AGE-SECRET-KEY-1…`` line. The ``age`` command opens it as it is
(``age -d -i FILE``, which asks the passphrase). It is created with mode 0600
and never written over. Unprotected identity files made by ``age-keygen`` are
read too, so a conseiller who already has a key can use it.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

import pyrage
from pyrage import passphrase as age_passphrase
from pyrage import x25519

from journal.core.record import record
from journal.core.sharing.errors import IdentityFileExists, NotAnIdentity, SharingError, TooLarge, WrongIdentityPassphrase
from journal.core.sharing.fingerprint import fingerprint
from journal.core.storage.atomic import FILE_MODE, FOLDER_MODE, POSIX, fsync_folder
from journal.core.storage.crypto import MIN_PASSPHRASE
from journal.core.text_safety import inert_line
from journal.core.storage.disk_errors import os_reason
from journal.i18n import t

SECRET_KEY_PREFIX = "AGE-SECRET-KEY-1"
AGE_BINARY_HEADER = b"age-encryption.org/v1\n"
AGE_ARMOR_HEADER = b"-----BEGIN AGE ENCRYPTED FILE-----"
# An identity file holds a few lines; a conseiller's key ring a few dozen.
MAX_IDENTITY_FILE_BYTES = 64 * 1024
MAX_IDENTITIES = 200


@record
class NewIdentity:
    """What ``keygen`` tells the conseiller: where the file is, the public key and its fingerprint."""

    path: Path
    public_key: str
    fingerprint: str


@record
class LoadedIdentities:
    """The secret keys of one identity file, with their public keys, ready to decrypt."""

    path: Path
    identities: tuple[x25519.Identity, ...]
    public_keys: tuple[str, ...]


def is_age_encrypted(head: bytes) -> bool:
    """True when ``head`` (the first bytes of a file) starts an age file, binary or armoured."""
    return head.startswith(AGE_BINARY_HEADER) or head.lstrip().startswith(AGE_ARMOR_HEADER)


def create_identity_file(path: Path, passphrase: str, *, dossier: str | None = None, now: datetime | None = None) -> NewIdentity:
    """Generate an identity, protect it with ``passphrase`` and write it to ``path`` (never over a file)."""
    if len(passphrase) < MIN_PASSPHRASE:
        raise SharingError(t("sharing.passphrase_too_short", minimum=MIN_PASSPHRASE))
    if path.exists() or path.is_symlink():
        raise IdentityFileExists(t("sharing.identity_exists", path=inert_line(str(path))))
    identity = x25519.Identity.generate()
    public_key = str(identity.to_public())
    created = (now or datetime.now().astimezone()).isoformat(timespec="seconds")
    lines = [f"# created: {created}", f"# public key: {public_key}"]
    if dossier:
        lines.append(f"# dossier: {inert_line(dossier)}")
    lines.append(str(identity))
    sealed = age_passphrase.encrypt(("\n".join(lines) + "\n").encode("utf-8"), passphrase, armored=True)
    _write_new_private_file(path, sealed)
    return NewIdentity(path=path, public_key=public_key, fingerprint=fingerprint(public_key))


def _write_new_private_file(path: Path, payload: bytes) -> None:
    """Create ``path`` readable by its owner only; O_EXCL makes "never overwrite" hold even in a race.

    A missing folder is created readable by its owner only (``~/cles-bilan/`` on first use).
    """
    try:
        if not path.parent.exists():
            path.parent.mkdir(parents=True, mode=FOLDER_MODE)
        handle = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0), FILE_MODE)
    except FileExistsError as error:
        raise IdentityFileExists(t("sharing.identity_exists", path=inert_line(str(path)))) from error
    except OSError as error:
        raise SharingError(t("sharing.identity_write_failed", path=inert_line(str(path)), error=os_reason(error))) from error
    try:
        if POSIX:
            os.fchmod(handle, FILE_MODE)
        view = memoryview(payload)
        while view:
            view = view[os.write(handle, view) :]
        os.fsync(handle)
    except OSError as error:
        os.close(handle)
        path.unlink(missing_ok=True)
        raise SharingError(t("sharing.identity_write_failed", path=inert_line(str(path)), error=os_reason(error))) from error
    os.close(handle)
    fsync_folder(path.parent)


def read_identity_bytes(path: Path) -> bytes:
    """The bytes of an identity file, bounded (``SharingError`` naming the file otherwise)."""
    shown = inert_line(str(path))
    try:
        with open(path, "rb") as handle:
            raw = handle.read(MAX_IDENTITY_FILE_BYTES + 1)
    except IsADirectoryError as error:
        raise NotAnIdentity(t("sharing.identity_not_found", path=shown)) from error
    except FileNotFoundError as error:
        raise NotAnIdentity(t("sharing.identity_not_found", path=shown)) from error
    except OSError as error:
        raise SharingError(t("sharing.identity_unreadable", path=shown, error=os_reason(error))) from error
    if len(raw) > MAX_IDENTITY_FILE_BYTES:
        raise TooLarge(t("sharing.identity_too_large", path=shown, limit=MAX_IDENTITY_FILE_BYTES // 1024))
    return raw


def identity_needs_passphrase(raw: bytes) -> bool:
    return is_age_encrypted(raw[:256])


def load_identities(path: Path, ask_passphrase: Callable[[], str]) -> LoadedIdentities:
    """The identities of ``path``; ``ask_passphrase`` is called once, only if the file is protected."""
    raw = read_identity_bytes(path)
    shown = inert_line(str(path))
    if identity_needs_passphrase(raw):
        secret = ask_passphrase()
        try:
            raw = age_passphrase.decrypt(raw, secret)
        except pyrage.DecryptError as error:
            raise WrongIdentityPassphrase(t("sharing.identity_wrong_passphrase", path=shown)) from error
    return _parse_identities(path, raw)


def _parse_identities(path: Path, raw: bytes) -> LoadedIdentities:
    shown = inert_line(str(path))
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        raise NotAnIdentity(t("sharing.identity_invalid", path=shown)) from error
    identities = []
    for line in text.splitlines():
        line = line.strip()
        if not line.startswith(SECRET_KEY_PREFIX):
            continue
        try:
            identities.append(x25519.Identity.from_str(line))
        except pyrage.IdentityError as error:
            raise NotAnIdentity(t("sharing.identity_invalid", path=shown)) from error
        if len(identities) > MAX_IDENTITIES:
            raise TooLarge(t("sharing.identity_too_large", path=shown, limit=MAX_IDENTITY_FILE_BYTES // 1024))
    if not identities:
        raise NotAnIdentity(t("sharing.identity_invalid", path=shown))
    return LoadedIdentities(
        path=path,
        identities=tuple(identities),
        public_keys=tuple(str(identity.to_public()) for identity in identities),
    )
