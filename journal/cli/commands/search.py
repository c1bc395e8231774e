"""``bilan search TEXT``: notes and answers holding every word, ignoring case and accents."""

from __future__ import annotations

from journal.cli.context import EXIT_OK, EXIT_USAGE, CommandFailure, journal_catalogue, open_store
from journal.core.search import search
from journal.core.search_text import hit_context, hit_place
from journal.core.text_safety import inert_line
from journal.i18n import t


def register(subparsers) -> None:
    parser = subparsers.add_parser("search", help=t("worker.search.cli_help"), description=t("worker.search.cli_description"))
    parser.add_argument("text", nargs="+", metavar=t("worker.search.cli_text_metavar"), help=t("worker.search.cli_text_help"))
    parser.set_defaults(run=run)


def run(args) -> int:
    query = " ".join(args.text).strip()
    if not query:
        raise CommandFailure(t("worker.search.cli_empty"), EXIT_USAGE)
    with open_store(args, create=False) as store:
        # Answers to the conseiller's own exercises are found too, as with Ctrl+F in the app.
        exercises = journal_catalogue(store)
        hits = search(store, exercises, query)
    if not hits:
        print(t("worker.search.none", query=inert_line(query)))
        return EXIT_OK
    for hit in hits:
        print(hit_place(hit, exercises))
        print("  " + hit_context(hit))
    return EXIT_OK
