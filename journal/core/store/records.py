"""What every record kind of the store shares: its journal file and the two ways to touch it.

A record kind (entries, notes, settings, …) is a ``Records`` subclass in a
module of its own; its methods are marked ``@changes`` (one read-modify-write
under the journal lock) or ``@reads`` (alone among this store's threads, since a
save edits the cached tables in place).
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any, TypeVar

from journal.core.store.journal_file import JournalFile

Method = TypeVar("Method", bound=Callable[..., Any])


class Records:
    """One kind of record kept in the journal file."""

    def __init__(self, journal: JournalFile):
        self._journal = journal


def changes(method: Method) -> Method:
    """Run a record method as one read-modify-write under the journal lock."""

    @functools.wraps(method)
    def locked(self: Records, *args: Any, **kwargs: Any) -> Any:
        with self._journal.changing():
            return method(self, *args, **kwargs)

    return locked  # type: ignore[return-value]


def reads(method: Method) -> Method:
    """Run a record method alone among this store's threads."""

    @functools.wraps(method)
    def alone(self: Records, *args: Any, **kwargs: Any) -> Any:
        with self._journal.threads:
            return method(self, *args, **kwargs)

    return alone  # type: ignore[return-value]
