"""The errors of sharing (identities, keys, encrypted summaries): one line each, naming the file.

``SharingError`` is the one type interfaces need to catch; the subclasses let
the review viewer tell "ask the passphrase again" from "skip this file".
"""


class SharingError(Exception):
    """A sharing problem explained in one line (what, where, how to fix it)."""


class InvalidPublicKey(SharingError):
    """The text given as a conseiller's key is not an age public key."""


class IdentityFileExists(SharingError):
    """``keygen`` was asked to write over an existing file."""


class NotAnIdentity(SharingError):
    """The file given as an identity holds no age identity."""


class WrongIdentityPassphrase(SharingError):
    """The passphrase does not open this identity file (nothing was changed)."""


class NotForThisIdentity(SharingError):
    """The encrypted summary was made for another key."""


class DamagedEncryptedFile(SharingError):
    """The encrypted file is truncated or altered."""


class TooLarge(SharingError):
    """A file or a text is larger than bilan accepts."""
