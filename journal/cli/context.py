"""Shared plumbing of the commands: options common to all, opening the journal, failing cleanly."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from journal.core.collector import collector_paused
from journal.core.paths import resolve_data_dir
from journal.core.storage.errors import JournalError, PassphraseRequired, WrongPassphrase
from journal.core.text_safety import inert, inert_line
from journal.i18n import t

if TYPE_CHECKING:
    from journal.core.catalogue import Catalogue
    from journal.core.store import JournalStore

EXIT_OK = 0
EXIT_FAILURE = 1
EXIT_USAGE = 2
PASSPHRASE_VARIABLE = "BILAN_PASSPHRASE"
# ``-o -`` (export, dump): the document goes to standard output, a pipe or a redirection, not to a file of that name.
STANDARD_OUTPUT = "-"
PASSPHRASE_ATTEMPTS = 3


class CommandFailure(Exception):
    """A failure explained in one line, with the exit code to return."""

    def __init__(self, message: str, code: int = EXIT_FAILURE):
        super().__init__(message)
        self.code = code


def data_dir(args) -> Path:
    """The journal folder asked for; an empty ``--data`` or a path that is not UTF-8 is bad usage."""
    explicit = getattr(args, "data", None)
    if explicit is not None and not explicit.strip():
        raise CommandFailure(t("storage_errors.empty_data"), EXIT_USAGE)
    folder = resolve_data_dir(explicit)
    if not is_utf8(str(folder)):
        raise CommandFailure(t("storage_errors.not_utf8_folder"), EXIT_USAGE)
    return folder


def is_utf8(text: str) -> bool:
    """Whether text from the system (arguments, variables) was valid UTF-8 (Python keeps bad bytes as surrogates)."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def open_store(args, *, create: bool = True, ask: bool = True) -> JournalStore:
    """Open the journal; an encrypted one takes ``BILAN_PASSPHRASE`` or asks (in a terminal, 3 tries; never if not ``ask``).

    Only the app (no sub-command) takes the ``start`` snapshot.
    """
    threads = sys.modules.get("threading")  # not imported: no other thread, and not worth importing for a note
    if threads is not None and threads.current_thread() is not threads.main_thread():
        # The app reads a large journal in a thread while its own collector policy runs: leave the collector alone.
        return _open_store(args, create, ask)
    with collector_paused(freeze=True):
        return _open_store(args, create, ask)


def _open_store(args, create: bool, ask: bool) -> JournalStore:
    from journal.core.store import JournalStore  # here: ``--help`` and bad usage never load the storage

    folder = data_dir(args)
    snapshot = getattr(args, "command", None) is None
    passphrase = passphrase_from_environment()
    attempts = 0
    while True:
        try:
            store = JournalStore(folder, create=create, passphrase=passphrase, snapshot_on_open=snapshot)
            if store.permissions_notice and not snapshot:
                fail(store.permissions_notice)  # the app shows it in its own window
            return store
        except (PassphraseRequired, WrongPassphrase) as error:
            attempts += 1
            if not ask or passphrase_from_environment() or not interactive() or attempts > PASSPHRASE_ATTEMPTS:
                raise CommandFailure(str(error)) from error
            if isinstance(error, WrongPassphrase):
                fail(str(error))
            passphrase = ask_passphrase(t("cli.crypto.prompt"))
        except JournalError as error:
            raise CommandFailure(str(error)) from error


def passphrase_from_environment() -> str | None:
    return os.environ.get(PASSPHRASE_VARIABLE) or None


def interactive() -> bool:
    return sys.stdin.isatty() and sys.stdout.isatty()


def ask_passphrase(message: str) -> str:
    """Ask for a passphrase without echoing it (questionary, imported only when needed)."""
    import questionary

    from journal.cli.prompts import ask

    answer = ask(questionary.password(message))
    if not answer:
        raise CommandFailure(t("cli.crypto.cancelled"))
    return answer


def catalogue() -> Catalogue:
    """The exercises (imported here: ``bilan note`` and the other commands without exercises never load them)."""
    from journal.core.catalogue import CatalogueError, load_catalogue

    try:
        with collector_paused(freeze=True):  # a thousand objects that stay: nothing to collect
            return load_catalogue()
    except CatalogueError as error:
        raise CommandFailure(t("cli.catalogue_broken", problem=error.problems[0])) from error


def journal_catalogue(store) -> Catalogue:
    """The exercises as the worker sees them in the app: the built-in ones plus the conseiller's kept in ``store``."""
    from journal.core.catalogue.custom import with_custom

    exercises, _ = with_custom(catalogue(), store.custom_exercises.all())
    return exercises


def fail(message: str) -> None:
    """One line on stderr; whatever it quotes (a path, a field from a file) is shown inert."""
    print(f"bilan: {inert_line(str(message))}", file=sys.stderr)


def say(message: object = "") -> None:
    """One line (or a block) on stdout, with control characters from quoted text shown inert."""
    print(inert(str(message)))


def crashed(report: Path | None) -> int:
    """The one line after an unexpected error (the details are in ``report``), and its exit code."""
    if report is None:
        fail(t("hardening.crashed"))
    else:
        fail(t("hardening.crashed_report", report=report))
    return EXIT_FAILURE
