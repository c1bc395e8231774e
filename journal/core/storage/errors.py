"""The errors the journal storage raises: each a message the worker can act on, in one line.

``JournalError`` is the one type interfaces need to catch; the subclasses let
an interface react in its own way (ask for the passphrase again, offer a
backup) without parsing messages.
"""


class JournalError(Exception):
    """A journal problem explained in one line (what, where, how to fix it)."""


class JournalDamaged(JournalError):
    """The journal file cannot be used as it is; it has not been touched."""


class PassphraseRequired(JournalError):
    """The journal is encrypted and no passphrase was given."""


class WrongPassphrase(JournalError):
    """The passphrase given does not open this journal; nothing was changed."""


class JournalReadOnly(JournalError):
    """A change was asked of a journal opened for reading only."""
