"""Shared plumbing of the commands: options common to all, opening the journal, failing cleanly."""

from __future__ import annotations

import sys
from pathlib import Path

from journal.core.catalogue import Catalogue, CatalogueError, load_catalogue
from journal.core.paths import resolve_data_dir
from journal.core.storage import JournalError
from journal.core.store import JournalStore
from journal.i18n import t

EXIT_OK = 0
EXIT_FAILURE = 1
EXIT_USAGE = 2


class CommandFailure(Exception):
    """A failure explained in one line, with the exit code to return."""

    def __init__(self, message: str, code: int = EXIT_FAILURE):
        super().__init__(message)
        self.code = code


def data_dir(args) -> Path:
    return resolve_data_dir(getattr(args, "data", None))


def open_store(args, *, create: bool = True) -> JournalStore:
    try:
        return JournalStore(data_dir(args), create=create)
    except JournalError as error:
        raise CommandFailure(str(error)) from error


def catalogue() -> Catalogue:
    try:
        return load_catalogue()
    except CatalogueError as error:
        raise CommandFailure(t("cli.catalogue_broken", problem=error.problems[0])) from error


def fail(message: str) -> None:
    print(f"bilan: {message}", file=sys.stderr)
