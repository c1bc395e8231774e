"""Sharing summaries privately with the conseiller: age keys, fingerprints, encrypted files.

- ``identity_file``: the conseiller's passphrase-protected identity (``bilan keygen``), and reading it back;
- ``keys``: checking a conseiller's public key before encrypting to it;
- ``fingerprint``: a short text to compare a key aloud at an appointment;
- ``envelope``: a summary encrypted to one key, and decrypted in memory.

No Textual, no questionary: interfaces pass a function that asks for a passphrase.
"""

from journal.core.sharing.envelope import (
    ENCRYPTED_SUFFIX,
    MAX_SUMMARY_BYTES,
    decrypt_summary,
    encrypt_summary,
    encrypted_name,
)
from journal.core.sharing.errors import (
    DamagedEncryptedFile,
    IdentityFileExists,
    InvalidPublicKey,
    NotAnIdentity,
    NotForThisIdentity,
    SharingError,
    TooLarge,
    WrongIdentityPassphrase,
)
from journal.core.sharing.fingerprint import fingerprint
from journal.core.sharing.identity_file import (
    LoadedIdentities,
    NewIdentity,
    create_identity_file,
    is_age_encrypted,
    load_identities,
)
from journal.core.sharing.keys import normalized_public_key, parse_public_key

__all__ = [
    "ENCRYPTED_SUFFIX",
    "MAX_SUMMARY_BYTES",
    "DamagedEncryptedFile",
    "IdentityFileExists",
    "InvalidPublicKey",
    "LoadedIdentities",
    "NewIdentity",
    "NotAnIdentity",
    "NotForThisIdentity",
    "SharingError",
    "TooLarge",
    "WrongIdentityPassphrase",
    "create_identity_file",
    "decrypt_summary",
    "encrypt_summary",
    "encrypted_name",
    "fingerprint",
    "is_age_encrypted",
    "load_identities",
    "normalized_public_key",
    "parse_public_key",
]
