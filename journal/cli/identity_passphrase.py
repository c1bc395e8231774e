"""The passphrase of a conseiller's identity file: from ``BILAN_IDENTITY_PASSPHRASE`` or asked without echo."""

from __future__ import annotations

import os
from pathlib import Path

from journal.cli.context import CommandFailure, ask_passphrase, interactive
from journal.core.storage.crypto import MIN_PASSPHRASE
from journal.core.text_safety import inert_line
from journal.i18n import t

IDENTITY_PASSPHRASE_VARIABLE = "BILAN_IDENTITY_PASSPHRASE"


def identity_passphrase_from_environment() -> str | None:
    return os.environ.get(IDENTITY_PASSPHRASE_VARIABLE) or None


def existing_identity_passphrase(path: Path) -> str:
    """The passphrase that opens ``path``: the variable, or asked once in a terminal."""
    given = identity_passphrase_from_environment()
    if given:
        return given
    if not interactive():
        raise CommandFailure(t("sharing.no_terminal"))
    return _asked(t("sharing.passphrase_prompt", path=inert_line(str(path))))


def new_identity_passphrase() -> str:
    """A new passphrase: the variable, or typed twice after the warning, in a terminal."""
    given = identity_passphrase_from_environment()
    if given:
        return given
    if not interactive():
        raise CommandFailure(t("sharing.no_terminal"))
    print(t("keygen.warning"))
    first = _asked(t("keygen.new_prompt", minimum=MIN_PASSPHRASE))
    if len(first) < MIN_PASSPHRASE:
        raise CommandFailure(t("sharing.passphrase_too_short", minimum=MIN_PASSPHRASE))
    if _asked(t("keygen.confirm_prompt")) != first:
        raise CommandFailure(t("keygen.mismatch"))
    return first


def _asked(message: str) -> str:
    try:
        return ask_passphrase(message)
    except CommandFailure as refusal:
        raise CommandFailure(t("sharing.passphrase_cancelled")) from refusal
