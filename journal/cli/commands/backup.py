"""``bilan backup list|restore ID``: the journal's snapshots, and putting one back."""

from __future__ import annotations

from journal.cli.context import EXIT_OK, say, CommandFailure, ask_passphrase, data_dir, interactive, passphrase_from_environment
from journal.core.paths import journal_path
from journal.core.storage import JournalError, PassphraseRequired, WrongPassphrase
from journal.core.store import list_backups, programs_open, restore_backup
from journal.i18n import t


def register(subparsers) -> None:
    parser = subparsers.add_parser("backup", help=t("cli.backup.help"), description=t("cli.backup.description"))
    actions = parser.add_subparsers(dest="action", metavar=t("cli.action_metavar"), required=True, prog=parser.prog)
    listing = actions.add_parser("list", help=t("cli.backup.list_help"), description=t("cli.backup.list_help"))
    listing.set_defaults(run=run_list)
    restore = actions.add_parser("restore", help=t("cli.backup.restore_help"), description=t("cli.backup.restore_help"))
    restore.add_argument("id", metavar=t("cli.backup.id_metavar"), help=t("cli.backup.id_help"))
    restore.set_defaults(run=run_restore)


def run_list(args) -> int:
    folder = data_dir(args)
    backups = list_backups(folder)
    if not backups:
        say(t("cli.backup.none", folder=folder / "backups"))
        return EXIT_OK
    say(t("cli.backup.heading", folder=backups[0].path.parent))
    for backup in backups:
        marks = []
        if backup.encrypted:
            marks.append(t("cli.backup.encrypted_mark"))
        elif not backup.restorable():
            marks.append(t("cli.backup.unusable_mark"))
        say(
            t(
                "cli.backup.line",
                id=backup.id,
                date=backup.taken_at.strftime(t("formats.datetime")),
                size=t("cli.backup.size", size=max(1, round(backup.size / 1024))),
                kind=t(f"backup.kinds.{backup.kind}") if backup.kind in ("start", "daily", "restore", "upgrade") else backup.kind,
                marks="".join(f" ({mark})" for mark in marks),
            )
        )
    say(t("cli.backup.restore_tip"))
    return EXIT_OK


def run_restore(args) -> int:
    folder = data_dir(args)
    passphrase = passphrase_from_environment()
    while True:
        try:
            restored, kept = restore_backup(folder, args.id, passphrase=passphrase)
            break
        except (PassphraseRequired, WrongPassphrase) as error:
            if passphrase_from_environment() or not interactive() or isinstance(error, WrongPassphrase):
                raise CommandFailure(str(error)) from error
            passphrase = ask_passphrase(t("cli.crypto.prompt"))
        except JournalError as error:
            raise CommandFailure(str(error)) from error
    say(t("cli.backup.restored", id=restored.id, path=journal_path(folder)))
    if kept is not None:
        say(t("cli.backup.kept", id=kept.id))
    if programs_open(folder):
        say(t("cli.backup.open_elsewhere"))
    return EXIT_OK
