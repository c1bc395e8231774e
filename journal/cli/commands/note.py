"""``bilan note TEXT`` / ``bilan note -``: add a dated free note to the journal."""

from __future__ import annotations

import sys

from journal.cli.context import EXIT_OK, say, EXIT_USAGE, CommandFailure, open_store
from journal.i18n import t


def register(subparsers) -> None:
    parser = subparsers.add_parser("note", help=t("cli.note.help"), description=t("cli.note.description"))
    parser.add_argument("text", nargs="+", metavar=t("cli.note.text_metavar"), help=t("cli.note.text_help"))
    parser.add_argument("--prive", "--private", dest="private", action="store_true", help=t("cli.note.private_help"))
    parser.set_defaults(run=run)


def run(args) -> int:
    if args.text == ["-"]:
        try:
            text = sys.stdin.buffer.read().decode("utf-8") if hasattr(sys.stdin, "buffer") else sys.stdin.read()
        except UnicodeDecodeError as error:
            raise CommandFailure(t("cli.note.not_utf8"), EXIT_USAGE) from error
    else:
        text = " ".join(args.text)
    text = text.strip()
    if not text:
        raise CommandFailure(t("cli.note.empty"), EXIT_USAGE)
    with open_store(args) as store:
        note = store.notes.add(text, private=args.private)
    key = "cli.note.saved_private" if note.private else "cli.note.saved"
    say(t(key, date=note.created_at.strftime(t("formats.datetime"))))
    return EXIT_OK
