"""Entry point of ``bilan``: builds the parser in the chosen language and dispatches."""

from __future__ import annotations

import argparse
import importlib
import os
import sys

from journal import __version__
from journal.cli import argparse_i18n
from journal.cli.lazy_help import Parser
from journal.cli.context import (
    EXIT_FAILURE,
    EXIT_OK,
    EXIT_USAGE,
    CommandFailure,
    crashed,
    data_dir,
    fail,
    is_utf8,
)
from journal.core.collector import collector_paused
from journal.core.storage.errors import JournalError
from journal.i18n import set_language, t
from journal.i18n.catalogue import language_from_environment

# Modules of ``journal.cli.commands``, in the order of ``bilan --help``. Only the module of the
# command given is imported (``bilan note`` need not load the exporters); help and mistakes load all.
COMMANDS = (
    "note", "export", "exercises", "backup", "crypto", "app", "assign", "import_file", "dump", "keygen", "review", "status", "search",
)
# Command words whose module has another name (a word that is a module's name needs no entry).
COMMAND_MODULES = {"encrypt": "crypto", "decrypt": "crypto", "demo": "app", "import": "import_file"}
_OPTIONS_WITH_VALUE = ("--data", "--lang")


def _language_asked(argv: list[str]) -> str | None:
    """Read ``--lang`` before building the parser, so --help is already in that language."""
    for index, word in enumerate(argv):
        if word == "--lang" and index + 1 < len(argv):
            return argv[index + 1]
        if word.startswith("--lang="):
            return word.split("=", 1)[1]
    return language_from_environment()


def _modules_needed(argv: list[str]) -> tuple[str, ...]:
    """The command modules to load for ``argv``: the one of its command, else all of them."""
    words = iter(argv)
    for word in words:
        if word in _OPTIONS_WITH_VALUE:
            next(words, None)
        elif word.startswith("-"):
            if not word.startswith(tuple(f"{option}=" for option in _OPTIONS_WITH_VALUE)):
                return COMMANDS  # --help, --version, or a mistake argparse explains with every command
        else:
            module = COMMAND_MODULES.get(word, word)
            return (module,) if module in COMMANDS else COMMANDS
    return ("app",)


def build_parser(modules: tuple[str, ...] = COMMANDS) -> argparse.ArgumentParser:
    parser = Parser(prog="bilan", description=t("cli.description"), epilog=t("cli.epilog"))
    parser.add_argument("--version", action="version", version=f"bilan {__version__}", help=t("argparse.version"))
    parser.add_argument("--data", metavar=t("cli.data_metavar"), help=t("cli.data_help"))
    parser.add_argument("--lang", choices=["fr", "en"], help=t("cli.lang_help"))
    # prog given: argparse would otherwise lay out a usage line (asking the terminal's width) to find "bilan".
    subparsers = parser.add_subparsers(
        dest="command", metavar=t("cli.command_metavar"), title=t("cli.commands_title"), prog=parser.prog
    )
    for name in modules:
        importlib.import_module(f"journal.cli.commands.{name}").register(subparsers)
    parser.set_defaults(run=_run_app)
    return parser


def _run_app(args) -> int:
    """No command: the app (its module, and Textual, loaded only then)."""
    return importlib.import_module("journal.cli.commands.app").run_app(args)


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    with collector_paused(freeze=True):  # the messages, the command's modules, the parser
        args = _arguments(argv)
    if isinstance(args, int):
        return args
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
    except OSError as error:
        # A system refusal no command expected (a path too long, a disk gone): still one line.
        from journal.core.storage.disk_errors import describe

        fail(describe("read", error.filename or "", error))
        return EXIT_FAILURE
    except Exception as error:  # noqa: BLE001 - never a traceback: one line, the details in a report
        from journal.core.crash_report import write_crash_report

        return crashed(write_crash_report(_report_folder(args), error))


def _arguments(argv: list[str]) -> argparse.Namespace | int:
    """The parsed command line, or the exit code of a command line that cannot be used."""
    set_language(_language_asked(argv))
    argparse_i18n.install()
    for position, word in enumerate(argv, start=1):
        if not is_utf8(word):
            fail(t("storage_errors.not_utf8_argument", position=position))
            return EXIT_USAGE
    return build_parser(_modules_needed(argv)).parse_args(argv)


def _report_folder(args):
    """The journal folder, when it exists, to keep a report of an unexpected error in."""
    try:
        folder = data_dir(args)
        return folder if folder.is_dir() else None
    except Exception:  # noqa: BLE001 - the folder itself may be what is broken
        return None
