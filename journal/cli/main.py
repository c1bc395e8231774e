"""Entry point of ``bilan``: builds the parser in the chosen language and dispatches."""

from __future__ import annotations

import argparse
import os
import sys

from journal import __version__
from journal.cli import argparse_i18n
from journal.cli.commands import app, backup, crypto, exercises, export, note, search, status
from journal.cli.context import EXIT_FAILURE, EXIT_OK, CommandFailure, fail
from journal.core.storage import JournalError
from journal.i18n import set_language, t
from journal.i18n.catalogue import language_from_environment

COMMANDS = (note, export, exercises, backup, crypto, app, status, search)


def _language_asked(argv: list[str]) -> str | None:
    """Read ``--lang`` before building the parser, so --help is already in that language."""
    for index, word in enumerate(argv):
        if word == "--lang" and index + 1 < len(argv):
            return argv[index + 1]
        if word.startswith("--lang="):
            return word.split("=", 1)[1]
    return language_from_environment()


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="bilan", description=t("cli.description"), epilog=t("cli.epilog"))
    parser.add_argument("--version", action="version", version=f"bilan {__version__}", help=t("argparse.version"))
    parser.add_argument("--data", metavar=t("cli.data_metavar"), help=t("cli.data_help"))
    parser.add_argument("--lang", choices=["fr", "en"], help=t("cli.lang_help"))
    subparsers = parser.add_subparsers(dest="command", metavar=t("cli.command_metavar"), title=t("cli.commands_title"))
    for command in COMMANDS:
        command.register(subparsers)
    parser.set_defaults(run=app.run_app)
    return parser


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    set_language(_language_asked(argv))
    argparse_i18n.install()
    args = build_parser().parse_args(argv)
    try:
        return args.run(args)
    except CommandFailure as failure:
        fail(str(failure))
        return failure.code
    except JournalError as error:
        fail(str(error))
        return EXIT_FAILURE
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # The reader went away (``bilan exercises list | head``): stop quietly.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_OK
