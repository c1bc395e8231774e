"""The journal store: a small facade (``JournalStore``) over one module per record kind.

``journal_file`` opens, locks and snapshots the file; ``entries``, ``notes`` and
``settings`` are the record kinds; ``maintenance`` works on a folder without
opening its journal (backups, encryption check, presence).
"""

from journal.core.lazy_names import lazy_names
from journal.core.paths import JOURNAL_FILE
from journal.core.storage.atomic import FOLDER_MODE
from journal.core.storage.validation import JOURNAL_KIND, SCHEMA_VERSION
from journal.core.store.clock import now
from journal.core.store.journal_store import JournalStore
from journal.core.store.maintenance import journal_is_encrypted, list_backups, programs_open, restore_backup

__all__ = [
    "FOLDER_MODE",
    "HISTORY_LIMIT",
    "JOURNAL_FILE",
    "JOURNAL_KIND",
    "SCHEMA_VERSION",
    "JournalStore",
    "journal_is_encrypted",
    "list_backups",
    "now",
    "programs_open",
    "restore_backup",
]

# Loaded on first use: a note never reads the entries module (nor the answer views it imports).
__getattr__ = lazy_names(__name__, {"HISTORY_LIMIT": "entries"}, globals())
