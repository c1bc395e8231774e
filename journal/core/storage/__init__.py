"""Safe persistence of the journal: atomic writes, locking, backups, upgrades, encryption.

One concern per module: ``atomic`` (crash-safe writes), ``lock`` (one writer
at a time), ``safe_storage`` (the TinyDB storage and its cache), ``codec``
(bytes to data), ``validation`` and ``migrations`` (schema), ``crypto``
(encryption at rest), ``backups`` (snapshots), ``damage`` (what to tell the
worker about a broken file), ``presence`` (who else has the journal open).
"""

from journal.core.storage.errors import (
    JournalDamaged,
    JournalError,
    JournalReadOnly,
    PassphraseRequired,
    WrongPassphrase,
)
from journal.core.storage.safe_storage import SafeJSONStorage

__all__ = [
    "JournalDamaged",
    "JournalError",
    "JournalReadOnly",
    "PassphraseRequired",
    "SafeJSONStorage",
    "WrongPassphrase",
]
