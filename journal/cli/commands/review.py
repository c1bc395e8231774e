"""``bilan review``: the conseiller reads the summaries received, in a read-only viewer.

Files are read and decrypted in memory here, before the viewer starts; the
identity's passphrase is asked once. No journal is opened, nothing is written.
When no file can be opened, each refusal is printed in one line and the
command ends without starting the viewer.
"""

from __future__ import annotations

from pathlib import Path

from journal.cli.context import EXIT_FAILURE, EXIT_OK, EXIT_USAGE, CommandFailure, fail
from journal.cli.identity_passphrase import existing_identity_passphrase
from journal.core.review import Refusal, ReviewRefused, group_by_dossier, read_summary, summary_paths
from journal.core.review.collecting import MAX_FILES

# Forty workers with a dozen summaries each hold a few megabytes; this bounds the memory a folder can take.
MAX_TOTAL_CHARS = 128 * 1024 * 1024
from journal.core.sharing import NotAnIdentity, SharingError, WrongIdentityPassphrase, load_identities
from journal.core.text_safety import inert_line
from journal.i18n import t


def register(subparsers) -> None:
    parser = subparsers.add_parser("review", help=t("review.help"), description=t("review.description"))
    parser.add_argument("paths", nargs="+", metavar=t("review.paths_metavar"), help=t("review.paths_help"))
    parser.add_argument("--identity", metavar=t("review.identity_metavar"), help=t("review.identity_help"))
    parser.set_defaults(run=run)


def load_caseload(args) -> tuple[list, list[Refusal]]:
    """The dossiers and the refused files, everything read in memory."""
    identities = None
    if args.identity:
        identity_path = Path(args.identity).expanduser()
        try:
            identities = load_identities(identity_path, lambda: existing_identity_passphrase(identity_path)).identities
        except WrongIdentityPassphrase as error:
            raise CommandFailure(str(error), EXIT_FAILURE) from error
        except (NotAnIdentity, SharingError) as error:
            raise CommandFailure(str(error), EXIT_USAGE) from error
    arguments = [Path(raw).expanduser() for raw in args.paths]
    paths, cut_short = summary_paths(arguments)
    if cut_short:
        fail(t("review.too_many", count=MAX_FILES))
    if not paths:
        raise CommandFailure(t("review.nothing_found", paths=", ".join(inert_line(raw) for raw in args.paths)), EXIT_USAGE)
    summaries, refusals = [], []
    total = 0
    for path in paths:
        if total > MAX_TOTAL_CHARS:
            refusals.append(Refusal(path, t("review.over_budget", path=inert_line(str(path)), limit=MAX_TOTAL_CHARS // (1024 * 1024))))
            continue
        try:
            summaries.append(read_summary(path, identities))
        except ReviewRefused as refusal:
            refusals.append(Refusal(path, str(refusal)))
            continue
        total += len(summaries[-1].text)
    return group_by_dossier(summaries), refusals


def run(args) -> int:
    dossiers, refusals = load_caseload(args)
    if not dossiers:
        for refusal in refusals[:-1]:
            fail(refusal.reason)
        raise CommandFailure(refusals[-1].reason, EXIT_USAGE)
    from journal.tui.review import ReviewApp

    app = ReviewApp(dossiers, refusals)
    try:
        app.run()
    except Exception:  # noqa: BLE001 - outside Textual's loop: the same one line as inside it
        fail(t("review.crashed"))
        return EXIT_FAILURE
    if app.crashed or (app.return_code or 0) != 0:
        fail(t("review.crashed"))
        return EXIT_FAILURE
    return EXIT_OK
