"""``bilan keygen``: the conseiller creates the key that summaries are encrypted to."""

from __future__ import annotations

from pathlib import Path

from journal.cli.context import EXIT_OK, EXIT_USAGE, CommandFailure
from journal.cli.identity_passphrase import new_identity_passphrase
from journal.core.sharing import IdentityFileExists, SharingError, create_identity_file
from journal.core.text_safety import inert_line
from journal.i18n import t


def register(subparsers) -> None:
    parser = subparsers.add_parser("keygen", help=t("keygen.help"), description=t("keygen.description"))
    parser.add_argument("-o", "--output", required=True, metavar=t("keygen.output_metavar"), help=t("keygen.output_help"))
    parser.add_argument("--dossier", metavar=t("keygen.dossier_metavar"), help=t("keygen.dossier_help"))
    parser.set_defaults(run=run)


def run(args) -> int:
    target = Path(args.output).expanduser()
    if target.exists() or target.is_symlink():
        # Refuse before asking for a passphrase typed for nothing.
        raise CommandFailure(t("sharing.identity_exists", path=inert_line(str(target))), EXIT_USAGE)
    passphrase = new_identity_passphrase()
    try:
        created = create_identity_file(target, passphrase, dossier=args.dossier)
    except IdentityFileExists as error:
        raise CommandFailure(str(error), EXIT_USAGE) from error
    except SharingError as error:
        raise CommandFailure(str(error)) from error
    print(t("keygen.created", path=inert_line(str(created.path))))
    print(t("keygen.public_key", key=created.public_key))
    print(t("keygen.fingerprint", fingerprint=created.fingerprint))
    if args.dossier:
        print(t("keygen.dossier", dossier=inert_line(args.dossier)))
    print(t("keygen.keep_a_copy"))
    return EXIT_OK
