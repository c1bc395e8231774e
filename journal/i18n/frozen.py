"""The interface messages of each language, merged once and written as Python: loaded at start without parsing.

Every command that says something (``bilan note`` included) used to read the
message files of its language from the parsed copy in the user's cache folder,
check and flatten them: ~3.5 ms and a tenth of what ``bilan note`` runs. The
files change with bilan itself, so each language's merged messages are written
into ``builtin_messages_<lang>.py``, a module of the package (code, as trusted as
the rest), by ``python -m journal.refreeze``. A language's messages are taken from it only
while its digest (names and bytes of that language's files, recomputed at each
load) is the files': an edited, added or removed file means the files are read
as before (``journal.i18n.catalogue.messages``), and the test suite fails
(``tests/test_frozen_messages.py``).
"""

from __future__ import annotations

from pathlib import Path

from journal.core.files_digest import files_digest

MODULE = "journal.i18n.builtin_messages_{lang}"


def language_digest(base: Path, files: list[Path]) -> str:
    """A digest of one language's message files (named from ``base``, in the order they are merged)."""
    return files_digest(base, [path.relative_to(base).as_posix() for path in files])


def thaw(lang: str, base: Path, files: list[Path]) -> dict[str, str] | None:
    """The written messages of ``lang`` when they are those of ``files``, else None (read the files instead)."""
    try:
        digest = language_digest(base, files)
        written = __import__(MODULE.format(lang=lang), fromlist=["MESSAGES"])
    except (ImportError, OSError, ValueError):  # ValueError: a file outside ``base``
        return None
    if getattr(written, "SOURCES", None) != digest:
        return None
    return written.MESSAGES


def freeze(lang: str, messages: dict[str, str], digest: str) -> str:
    """The source of ``builtin_messages_<lang>.py``: the language's merged messages and the digest of its files."""
    lines = [
        f'"""The interface messages in {lang!r}, merged: written by ``python -m journal.refreeze``, never by hand.',
        "",
        "See ``journal.i18n.frozen``: used only while ``SOURCES`` is the digest of the language's files.",
        '"""',
        "",
        f"SOURCES = {digest!r}",
        "",
        "MESSAGES = {",
        *(f"    {key!r}: {text!r}," for key, text in messages.items()),
        "}",
        "",
    ]
    return "\n".join(lines)
