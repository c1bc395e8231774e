"""TOML texts already parsed, kept as JSON in the user's cache folder: every start of bilan reads the same files.

Parsing the exercise files and the message files with ``tomllib`` (pure Python)
took a tenth of a second at every start; reading their JSON copy takes a few
milliseconds. What makes the copy safe to use:

- **Never stale**: an entry is found by a digest (BLAKE2b) of the TOML text
  itself, read from the file every time, not by its name or date. A changed file
  has another digest, so it is parsed again. The digest also names the bilan and
  Python versions (``tomllib`` may change with Python).
- **Never trusted**: the cache file is a file anyone with the user's rights could
  write. It is JSON (never pickle), at most ``MAX_CACHE_BYTES``, and each entry
  is used only if it is made of exactly what ``tomllib`` can return (tables with
  text keys, arrays, text, numbers, booleans) within ``MAX_DEPTH`` levels.
  Anything else — unreadable, damaged, foreign, too deep — and the text is parsed
  as if there were no cache. Callers check the parsed data as they would check
  the file's (exercise validation; the catalogue loads again without the cache
  when a cached copy has problems), so a forged entry can say no more than a
  forged exercise file.
- **Optional**: failing to read or write the cache never stops anything. It is
  rewritten (atomically, readable by the user only) only when it lacks an entry,
  and keeps only the texts of the last run, so it never grows.

``BILAN_CACHE_DIR`` chooses the folder (empty: no cache); otherwise the
platform's user cache folder (platformdirs; on Linux, read here from the XDG
variables as platformdirs reads them, without loading it at every start).
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path
from typing import Any

from journal import __version__
from journal.core.files_digest import blake2b  # BLAKE2 itself, without loading OpenSSL

FORMAT = 1
MAX_CACHE_BYTES = 8 << 20
MAX_DEPTH = 64
_SCALARS = (str, int, float, bool)


def cache_folder() -> Path | None:
    """Where the parsed copies are kept; None when ``BILAN_CACHE_DIR`` is set empty."""
    chosen = os.environ.get("BILAN_CACHE_DIR")
    if chosen is not None:
        return Path(chosen).expanduser() if chosen.strip() else None
    xdg = _xdg_cache_home()
    if xdg is not None:
        return xdg / "bilan"
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("bilan", appauthor=False))


def _xdg_cache_home() -> Path | None:
    """On Linux, the cache folder of the XDG base directory spec, as platformdirs finds it: ``$XDG_CACHE_HOME``
    when it is an absolute path, else ``~/.cache``; None elsewhere and in the cases platformdirs reads its own way
    (Android, a ``HOME`` that is not absolute, a relative ``XDG_CACHE_HOME``), which it then answers.

    Importing platformdirs (and the ``tempfile`` it loads) was a tenth of a ``bilan note``; a wrong answer
    here would cost only a cache miss, and ``tests/test_toml_cache_folder.py`` compares the two.
    """
    if sys.platform != "linux" or "ANDROID_DATA" in os.environ:
        return None
    home = os.environ.get("HOME", "")
    chosen = os.environ.get("XDG_CACHE_HOME", "")
    if not os.path.isabs(home):
        return None
    if os.path.isabs(chosen):
        return Path(chosen)
    return None if chosen.strip() else Path(home) / ".cache"


class TomlCache:
    """``loads`` like ``tomllib.loads``, answered from the cache file ``name``.json when it holds the same text."""

    def __init__(self, name: str, folder: Path | None):
        """``folder``: usually ``cache_folder()``; None parses every text (no file read or written)."""
        self.path = folder / f"{name}.json" if folder is not None else None
        self._known = self._read()
        self._used: dict[str, Any] = {}
        self._missed = False
        self.hits = 0  # texts answered from the cache file in this run

    def loads(self, source: str) -> dict[str, Any]:
        """The parsed text; raises what ``tomllib.loads`` raises for a text it refuses (never cached)."""
        digest = _digest(source)
        found = self._known.get(digest)
        if found is not None and _is_toml_data(found):
            self._used[digest] = found
            self.hits += 1
            return found
        import tomllib

        parsed = tomllib.loads(source)
        self._missed = True
        if _is_toml_data(parsed):  # dates and times have no JSON form: such a file is parsed every time
            self._used[digest] = parsed
        return parsed

    def save(self) -> None:
        """Write the entries used in this run, if one was missing (errors are ignored: it is only a cache)."""
        if self.path is None or not self._missed:
            return
        payload = json.dumps({"format": FORMAT, "key": _version_key(), "entries": self._used}, ensure_ascii=False)
        if len(payload) > MAX_CACHE_BYTES:
            return
        import tempfile  # only when writing: most starts find every text in the cache

        try:
            self.path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
            descriptor, temporary = tempfile.mkstemp(prefix=f".{self.path.name}.", dir=self.path.parent)
            try:
                with os.fdopen(descriptor, "w", encoding="utf-8") as handle:
                    handle.write(payload)
                os.replace(temporary, self.path)
            except BaseException:
                Path(temporary).unlink(missing_ok=True)
                raise
        except OSError:
            return
        self._missed = False

    def _read(self) -> dict[str, Any]:
        if self.path is None:
            return {}
        try:
            with open(self.path, "rb") as handle:
                raw = handle.read(MAX_CACHE_BYTES + 1)
            if len(raw) > MAX_CACHE_BYTES:
                return {}
            stored = json.loads(raw)
        except (OSError, ValueError, RecursionError):
            return {}
        if not isinstance(stored, dict) or stored.get("format") != FORMAT or stored.get("key") != _version_key():
            return {}
        entries = stored.get("entries")
        if not isinstance(entries, dict):
            return {}
        return {digest: data for digest, data in entries.items() if isinstance(digest, str) and isinstance(data, dict)}


def _version_key() -> str:
    return f"bilan {__version__}, Python {sys.version_info.major}.{sys.version_info.minor}.{sys.version_info.micro}"


def _digest(source: str) -> str:
    return blake2b(source.encode("utf-8", "surrogatepass"), digest_size=32).hexdigest()


def _is_toml_data(value: Any) -> bool:
    """A table as ``tomllib`` returns it: text keys; tables, arrays, text, numbers and booleans; bounded depth."""
    if not isinstance(value, dict):
        return False
    pending: list[tuple[Any, int]] = [(value, 0)]
    while pending:
        item, depth = pending.pop()
        if depth > MAX_DEPTH:
            return False
        if isinstance(item, dict):
            for key, inner in item.items():
                if not isinstance(key, str):
                    return False
                if not isinstance(inner, _SCALARS):
                    pending.append((inner, depth + 1))
        elif isinstance(item, list):
            pending.extend((inner, depth + 1) for inner in item if not isinstance(inner, _SCALARS))
        elif not isinstance(item, _SCALARS):
            return False
    return True
