"""Which files ``bilan review`` reads: the files named, and the summaries found in the folders named.

Folders are walked a few levels down (one folder per worker is common),
without following links, and the number of files is bounded.
"""

from __future__ import annotations

import os
from pathlib import Path

SUMMARY_SUFFIXES = (".md", ".md.age", ".markdown", ".markdown.age")
MAX_FILES = 2_000
MAX_DEPTH = 3


def summary_paths(arguments: list[Path]) -> tuple[list[Path], bool]:
    """The files to read, in a stable order, and whether the bound cut the list short."""
    found: list[Path] = []
    seen: set[Path] = set()
    for argument in arguments:
        candidates = _walk(argument) if argument.is_dir() else [argument]
        for path in candidates:
            key = path.absolute()
            if key in seen:
                continue
            seen.add(key)
            found.append(path)
            if len(found) >= MAX_FILES:
                return found, True
    return found, False


def _walk(folder: Path) -> list[Path]:
    results: list[Path] = []
    base_depth = len(folder.parts)
    for root, folders, files in os.walk(folder, followlinks=False):
        depth = len(Path(root).parts) - base_depth
        folders[:] = sorted(name for name in folders if not name.startswith(".")) if depth < MAX_DEPTH else []
        for name in sorted(files):
            if name.lower().endswith(SUMMARY_SUFFIXES) and not name.startswith("."):
                results.append(Path(root) / name)
                if len(results) >= MAX_FILES:
                    return results
    return results
