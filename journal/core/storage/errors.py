"""The one error the journal storage raises: a message the worker can act on."""


class JournalError(Exception):
    """A journal problem explained in one line (what, where, how to fix it)."""
