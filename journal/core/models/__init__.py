"""Data classes shared by the whole core: texts, exercises, prompts, entries, notes.

Each name is imported from its module the first time it is used: ``bilan note``
needs ``Note`` and not the exercise and prompt classes (a tenth of what it imported).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from journal.core.lazy_names import lazy_names

if TYPE_CHECKING:
    from journal.core.models.entry import Entry, EntryStatus
    from journal.core.models.exercise import Depth, Exercise, Phase, Resource
    from journal.core.models.note import Note
    from journal.core.models.prompt import Dimension, Field, Item, Option, Prompt, PromptKind
    from journal.core.models.text import LocalText

_HOMES = {
    "Entry": "entry",
    "EntryStatus": "entry",
    "Depth": "exercise",
    "Exercise": "exercise",
    "Phase": "exercise",
    "Resource": "exercise",
    "Note": "note",
    "Dimension": "prompt",
    "Field": "prompt",
    "Item": "prompt",
    "Option": "prompt",
    "Prompt": "prompt",
    "PromptKind": "prompt",
    "LocalText": "text",
}
__all__ = sorted(_HOMES)

__getattr__ = lazy_names(__name__, _HOMES, globals())
