"""One rule for every command that writes a file the user names: an existing file is replaced only when asked.

In a terminal the command asks (no by default); in a script it refuses in one
line that names ``--force``.
"""

from __future__ import annotations

from pathlib import Path

from journal.cli.context import CommandFailure, interactive
from journal.core.export.writer import is_stream
from journal.core.text_safety import inert_line
from journal.i18n import t


def may_overwrite(target: Path, force: bool) -> None:
    """Return if ``target`` may be written; raise CommandFailure when it exists and the user did not say to replace it."""
    if not target.exists() or force or is_stream(target):
        return
    shown = inert_line(str(target))
    if not interactive():
        raise CommandFailure(t("export_cli.exists", path=shown))
    from journal.cli.prompts import confirm

    if not confirm(t("export_cli.overwrite", path=shown), default=False):
        raise CommandFailure(t("export_cli.not_overwritten", path=shown))
