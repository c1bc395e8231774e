"""Lets ``python -m journal`` behave exactly like the ``bilan`` command."""

from journal.cli.main import main

if __name__ == "__main__":
    raise SystemExit(main())
