"""Safe persistence of the journal: atomic TinyDB storage and the errors it reports."""

from journal.core.storage.errors import JournalError
from journal.core.storage.safe_storage import SafeJSONStorage

__all__ = ["JournalError", "SafeJSONStorage"]
