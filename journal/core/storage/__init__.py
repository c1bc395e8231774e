"""Safe persistence of the journal: atomic writes, locking, backups, upgrades, encryption.

One concern per module: ``atomic`` (crash-safe writes), ``lock`` (one writer
at a time), ``safe_storage`` (the TinyDB storage and its cache), ``codec``
(bytes to data), ``validation`` and ``migrations`` (schema), ``crypto``
(encryption at rest), ``backups`` (snapshots), ``damage`` (what to tell the
worker about a broken file), ``presence`` (who else has the journal open),
``versions_folder`` (one file of saved versions per entry) and
``versions_file`` (the single file that held them all before).

The names below are imported from their module on first use, so that reading
``errors`` (every command does, to catch them) does not load the storage itself.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from journal.core.lazy_names import lazy_names

if TYPE_CHECKING:
    from journal.core.storage.errors import JournalDamaged, JournalError, JournalReadOnly, PassphraseRequired, WrongPassphrase
    from journal.core.storage.safe_storage import SafeJSONStorage

_HOMES = {
    "JournalDamaged": "errors",
    "JournalError": "errors",
    "JournalReadOnly": "errors",
    "PassphraseRequired": "errors",
    "WrongPassphrase": "errors",
    "SafeJSONStorage": "safe_storage",
}
__all__ = sorted(_HOMES)

__getattr__ = lazy_names(__name__, _HOMES, globals())
