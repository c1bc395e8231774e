"""``python -m journal.core.catalogue.refreeze``: check the built-in exercise files and write ``builtin_exercises.py``.

Run it after changing a file of ``exercises/`` (see ``journal.core.catalogue.frozen``);
until then bilan parses and checks the files at every start, and the test suite says so.
"""

from __future__ import annotations

import sys
from pathlib import Path

from journal.core.catalogue.catalogue import load_checked
from journal.core.catalogue.frozen import freeze
from journal.core.catalogue.problem import CatalogueError
from journal.core.text_safety import inert_line
from journal.resources import exercises_dir

MODULE_FILE = Path(__file__).with_name("builtin_exercises.py")


def main() -> int:
    """Write ``builtin_exercises.py`` from the checked files; 1 (and the first problem) when they have problems."""
    folder = exercises_dir()
    try:
        catalogue = load_checked(folder)
    except CatalogueError as error:
        print(f"{MODULE_FILE.name} not written: {inert_line(str(error.problems[0]))}", file=sys.stderr)
        return 1
    MODULE_FILE.write_text(freeze(catalogue.exercises, folder), encoding="utf-8")
    print(f"{MODULE_FILE} written: {len(catalogue.exercises)} exercises")
    return 0


if __name__ == "__main__":
    sys.exit(main())
