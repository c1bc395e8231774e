"""The sharing half of ``bilan export``: ``--to KEY`` writes a ``.age`` file; a clear export says where copies linger."""

from __future__ import annotations

from pathlib import Path

from journal.cli.context import EXIT_USAGE, STANDARD_OUTPUT, CommandFailure
from journal.core.storage import JournalError
from journal.core.text_safety import inert_line
from journal.core.storage.disk_errors import describe
from journal.i18n import t


def add_option(parser) -> None:
    parser.add_argument("--to", metavar=t("sharing.to_metavar"), help=t("sharing.to_help"))


# ``--to conseiller``: the key of the current bilan's conseiller, as the worker confirmed it in the app.
CONFIRMED_KEY = "conseiller"


def checked_key(args) -> str | None:
    """The ``--to`` key, checked before any work (bad key or ``-o -``: bad usage, exit 2); CONFIRMED_KEY as given."""
    if not getattr(args, "to", None):
        return None
    if args.output == STANDARD_OUTPUT:
        raise CommandFailure(t("sharing.no_stdout"), EXIT_USAGE)
    if args.to.strip().casefold() == CONFIRMED_KEY:
        return CONFIRMED_KEY
    from journal.core.sharing import SharingError, normalized_public_key  # only with --to: a clear export never loads it

    try:
        return normalized_public_key(args.to)
    except SharingError as error:
        raise CommandFailure(str(error), EXIT_USAGE) from error


def confirmed_key(store) -> str:
    """The confirmed key of the current bilan's conseiller (one line and exit 1 when there is none)."""
    from journal.core.sharing.conseiller_key import confirmed_recipient

    recipient = confirmed_recipient(store)
    if recipient is None:
        raise CommandFailure(t("sharing.no_confirmed_key"))
    return recipient.key


def encrypted_target(target: Path) -> Path:
    from journal.core.sharing import encrypted_name

    return target.with_name(encrypted_name(target.name))


def warn_clear_copies() -> None:
    """Where copies of a clear summary linger, said before it is written (not for standard output: a script's pipe)."""
    print(t("sharing.clear_copies_warning"))


def write(target: Path, text: str, key: str, journal_folder: Path) -> None:
    """Write the encrypted export (``CommandFailure`` with one line otherwise)."""
    from journal.core.sharing import SharingError
    from journal.core.sharing.export_file import write_encrypted_export

    try:
        write_encrypted_export(target, text, key, journal_folder)
    except (SharingError, JournalError) as error:
        raise CommandFailure(str(error)) from error
    except OSError as error:
        raise CommandFailure(describe("write", inert_line(str(target)), error)) from error


def report_written(target: Path, key: str) -> None:
    from journal.core.sharing import fingerprint

    print(t("sharing.encrypted_written", fingerprint=fingerprint(key), path=inert_line(str(target))))
