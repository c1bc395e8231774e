"""``python -m journal.refreeze``: write the built-in exercises and messages as Python, from their files.

Run it after changing a file of ``exercises/`` or ``journal/i18n/locales/``
(see ``journal.core.catalogue.frozen`` and ``journal.i18n.frozen``); until
then bilan reads those files at every start, and the test suite says so.
"""

from __future__ import annotations

import sys
from pathlib import Path

from journal.core.catalogue import frozen as frozen_exercises
from journal.core.catalogue.catalogue import load_checked
from journal.core.catalogue.problem import CatalogueError
from journal.core.text_safety import inert_line
from journal.i18n import catalogue as i18n
from journal.i18n import frozen as frozen_messages
from journal.resources import exercises_dir

EXERCISES_FILE = Path(frozen_exercises.__file__).with_name("builtin_exercises.py")
MESSAGES_FILES = {lang: Path(frozen_messages.__file__).with_name(f"builtin_messages_{lang}.py") for lang in i18n.LANGUAGES}


def exercises_source() -> str:
    """``builtin_exercises.py`` for the exercise files as they are (CatalogueError when they have problems)."""
    folder = exercises_dir()
    return frozen_exercises.freeze(load_checked(folder).exercises, folder)


def messages_source(lang: str) -> str:
    """``builtin_messages_<lang>.py`` for the message files as they are (ValueError when a key is defined twice)."""
    files = i18n.message_files(lang)
    return frozen_messages.freeze(lang, i18n.read_messages(lang, files), frozen_messages.language_digest(i18n.LOCALES, files))


def main() -> int:
    """Write the modules; 1, and the first problem in one line, when the files have problems (then nothing is written)."""
    try:
        exercises = exercises_source()
        messages = {lang: messages_source(lang) for lang in i18n.LANGUAGES}
    except CatalogueError as error:
        print(f"nothing written: {inert_line(str(error.problems[0]))}", file=sys.stderr)
        return 1
    except ValueError as error:
        print(f"nothing written: {inert_line(str(error))}", file=sys.stderr)
        return 1
    EXERCISES_FILE.write_text(exercises, encoding="utf-8")
    for lang, source in messages.items():
        MESSAGES_FILES[lang].write_text(source, encoding="utf-8")
    print(f"written: {EXERCISES_FILE}, {', '.join(str(path) for path in MESSAGES_FILES.values())}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
