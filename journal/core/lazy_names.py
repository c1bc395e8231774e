"""Names a package re-exports, imported from their module the first time they are used (PEP 562).

A package's ``__init__`` that imports every module to re-export a few names
makes whoever reads one module pay for all of them (the home screen reading
the current plan used to load the Markdown and HTML renderers).
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from typing import Any


def lazy_names(package: str, homes: dict[str, str], namespace: dict[str, Any]) -> Callable[[str], Any]:
    """A module ``__getattr__``: ``homes`` maps each name to the submodule of ``package`` that defines it."""

    def attribute(name: str) -> Any:
        if name not in homes:
            raise AttributeError(f"module {package!r} has no attribute {name!r}")
        value = getattr(importlib.import_module(f"{package}.{homes[name]}"), name)
        namespace[name] = value
        return value

    return attribute
