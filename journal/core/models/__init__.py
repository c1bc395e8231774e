"""Data classes shared by the whole core: texts, exercises, prompts, entries, notes."""

from journal.core.models.entry import Entry, EntryStatus
from journal.core.models.exercise import Depth, Exercise, Phase, Resource
from journal.core.models.note import Note
from journal.core.models.prompt import (
    Dimension,
    Field,
    Item,
    Option,
    Prompt,
    PromptKind,
)
from journal.core.models.text import LocalText

__all__ = [
    "Depth",
    "Dimension",
    "Entry",
    "EntryStatus",
    "Exercise",
    "Field",
    "Item",
    "LocalText",
    "Note",
    "Option",
    "Phase",
    "Prompt",
    "PromptKind",
    "Resource",
]
