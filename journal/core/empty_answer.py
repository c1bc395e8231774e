"""Whether a stored answer holds anything the worker wrote (kept apart so the journal store need not load the answer views)."""

from __future__ import annotations

from typing import Any


def is_empty(value: Any) -> bool:
    """True for no value, blank text, and containers holding only empty values."""
    if value is None:
        return True
    if isinstance(value, str):
        return not value or value.isspace()  # what strip() would leave nothing of, without copying a long answer
    if isinstance(value, (list, dict, tuple)):
        for inner in value.values() if isinstance(value, dict) else value:
            if not is_empty(inner):
                return False
        return True
    return False
