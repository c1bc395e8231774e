"""``bilan encrypt`` / ``bilan decrypt``: turn passphrase encryption of the journal on and off."""

from __future__ import annotations

from journal.cli.context import (
    EXIT_OK,
    CommandFailure,
    ask_passphrase,
    data_dir,
    interactive,
    open_store,
    passphrase_from_environment,
    say,
)
from journal.core.paths import journal_path
from journal.core.storage.crypto import MIN_PASSPHRASE
from journal.core.store import journal_is_encrypted
from journal.i18n import t


def register(subparsers) -> None:
    encrypt = subparsers.add_parser("encrypt", help=t("cli.crypto.encrypt_help"), description=t("cli.crypto.encrypt_description"))
    encrypt.set_defaults(run=run_encrypt)
    decrypt = subparsers.add_parser("decrypt", help=t("cli.crypto.decrypt_help"), description=t("cli.crypto.decrypt_description"))
    decrypt.set_defaults(run=run_decrypt)


def run_encrypt(args) -> int:
    folder = data_dir(args)
    if journal_is_encrypted(folder):
        raise CommandFailure(t("crypto.already_encrypted", path=journal_path(folder)))
    with open_store(args, create=False) as store:
        passphrase = _new_passphrase()
        count = store.enable_encryption(passphrase)
    say(t("cli.crypto.encrypted", count=count))
    return EXIT_OK


def run_decrypt(args) -> int:
    folder = data_dir(args)
    if not journal_is_encrypted(folder):
        raise CommandFailure(t("crypto.not_encrypted", path=journal_path(folder)))
    with open_store(args, create=False) as store:
        count = store.disable_encryption()
    say(t("cli.crypto.decrypted", count=count))
    return EXIT_OK


def _new_passphrase() -> str:
    """The new passphrase: ``BILAN_PASSPHRASE``, or typed twice after the warning, in a terminal."""
    given = passphrase_from_environment()
    if given:
        return given
    if not interactive():
        raise CommandFailure(t("cli.crypto.no_terminal"))
    from journal.cli.prompts import confirm

    say(t("cli.crypto.warning"))
    first = ask_passphrase(t("cli.crypto.new_prompt", minimum=MIN_PASSPHRASE))
    if len(first) < MIN_PASSPHRASE:
        raise CommandFailure(t("crypto.too_short", minimum=MIN_PASSPHRASE))
    if ask_passphrase(t("cli.crypto.confirm_prompt")) != first:
        raise CommandFailure(t("cli.crypto.mismatch"))
    if not confirm(t("cli.crypto.confirm"), default=True):
        raise CommandFailure(t("cli.crypto.cancelled"))
    return first
