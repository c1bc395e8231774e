"""The built-in exercises, checked once and written as Python: loaded at start without parsing or checking.

Every start of bilan that shows or exports exercises used to parse (or read
from the cache) and check the 19 built-in exercise files: 10–20 ms, a tenth of
``bilan export`` at 100 entries, as much again before the first screen. The
built-in files only change with bilan itself, so they are checked when they
change and the result is written as the constructor calls that make it, in
``builtin_exercises.py``, a module of the package (code, as trusted as the
rest of it: the user's cache folder is never involved).
``python -m journal.refreeze`` writes it.

It is used only when it is the files' own: it names a digest of every
built-in file (name and bytes), recomputed from the files at each load. A file
edited, added or removed since — a checkout where the module was not written
again, an installed copy changed by hand — gives another digest, and the
files are parsed and checked as before (``load_catalogue``). The test suite
fails while the module is not the files' (``tests/test_frozen_catalogue.py``).
"""

from __future__ import annotations

import os
from pathlib import Path

from journal.core.files_digest import files_digest
from journal.core.models.exercise import Depth, Exercise, Phase, Resource
from journal.core.models.prompt import Dimension, Field, Item, Option, Prompt, PromptKind
from journal.core.models.text import LocalText

MODULE = "journal.core.catalogue.builtin_exercises"

# the names the written module gives each class (short: 2,300 calls)
_NAMES = {
    Exercise: "Exercise", Resource: "Resource", Prompt: "Prompt", Option: "Option", Field: "Field",
    Dimension: "Dimension", Item: "Item", LocalText: "T", Phase: "Phase", Depth: "Depth", PromptKind: "Kind",
}
_SOURCE_FILE = "source_file"


def sources_digest(folder: Path) -> str:
    """A digest of every ``*.toml`` of ``folder``: names and bytes, in name order.

    The suffix in any case: where ``folder.glob("*.toml")`` ignores case (Windows), a ``X.TOML`` that the
    files' reading takes must change the digest too (one more file on other systems only costs a reading).
    """
    return files_digest(folder, sorted(entry.name for entry in os.scandir(folder) if entry.name.lower().endswith(".toml")))


def thaw(folder: Path) -> tuple[Exercise, ...] | None:
    """The written exercises when they are those of ``folder``'s files, else None (parse and check them instead)."""
    try:
        digest = sources_digest(folder)
        written = __import__(MODULE, fromlist=["EXERCISES"])
    except (ImportError, OSError):
        return None
    if getattr(written, "SOURCES", None) != digest:
        return None
    return written.exercises(folder)


def freeze(exercises: tuple[Exercise, ...], folder: Path) -> str:
    """The source of ``builtin_exercises.py`` for ``exercises`` (checked, from ``folder``'s files)."""
    lines = [
        '"""The built-in exercises, checked: written by ``python -m journal.refreeze``, never by hand.',
        "",
        "See ``journal.core.catalogue.frozen``: used only while ``SOURCES`` is the digest of the exercise files.",
        '"""',
        "",
        "from journal.core.models.exercise import Depth, Exercise, Phase, Resource",
        "from journal.core.models.prompt import Dimension, Field, Item, Option, Prompt",
        "from journal.core.models.prompt import PromptKind as Kind",
        "from journal.core.models.text import LocalText as T",
        "",
        f"SOURCES = {sources_digest(folder)!r}",
        "",
        "EMPTY = T('', '')  # a text left empty: half of the 1,500 texts, one value (records are never changed)",
        "",
        "",
        "def exercises(folder):",
        '    """The exercises, their files in ``folder``."""',
        "    return (",
    ]
    for exercise in exercises:
        lines.append(f"        {_code(exercise)},")
    lines += ["    )", ""]
    return "\n".join(lines)


def _code(value: object, indent: str = "        ") -> str:
    """The Python expression that makes ``value``; each prompt on a line of its own."""
    kind = type(value)
    if kind in (Phase, Depth, PromptKind):
        return f"{_NAMES[kind]}.{value.name}"
    if kind is LocalText and not value.fr and not value.en:
        return "EMPTY"
    if kind in _NAMES:
        arguments = []
        for name in kind.__slots__:
            field = getattr(value, name)
            if name == _SOURCE_FILE and kind is Exercise:
                arguments.append("None" if field is None else f"folder / {field.name!r}")
            elif kind is Exercise and name == "prompts":
                inner = indent + "    "
                arguments.append("(\n" + "".join(f"{inner}{_code(prompt, inner)},\n" for prompt in field) + indent + ")")
            else:
                arguments.append(_code(field, indent))
        return f"{_NAMES[kind]}({', '.join(arguments)})"
    if kind is tuple:
        inside = ", ".join(_code(item, indent) for item in value)
        return f"({inside},)" if len(value) == 1 else f"({inside})"
    if kind in (str, int, bool) or value is None:
        return repr(value)
    raise TypeError(f"an exercise holds a {kind.__name__}, which cannot be written")
