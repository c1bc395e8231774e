"""Prompts: the questions of an exercise, and the pieces they are built from."""

from __future__ import annotations

from enum import StrEnum

from journal.core.models.text import LocalText
from journal.core.record import Default, record


class PromptKind(StrEnum):
    SHORT_TEXT = "short_text"
    LONG_TEXT = "long_text"
    LIST = "list"
    SCALE = "scale"
    CHOICE = "choice"
    MULTI_CHOICE = "multi_choice"
    RANKING = "ranking"
    CARD_SORT = "card_sort"
    TABLE = "table"
    QUESTIONNAIRE = "questionnaire"
    PICK = "pick"


FIELD_KINDS = frozenset(
    {
        PromptKind.SHORT_TEXT,
        PromptKind.LONG_TEXT,
        PromptKind.SCALE,
        PromptKind.CHOICE,
        PromptKind.MULTI_CHOICE,
        PromptKind.PICK,
    }
)

TEXT_KINDS = frozenset({PromptKind.SHORT_TEXT, PromptKind.LONG_TEXT})


@record
class Option:
    """One choice, card or pile: an id and its label."""

    id: str
    label: LocalText
    help: LocalText = Default(factory=LocalText.empty)


@record
class Field:
    """One column of a table, or one question asked about each ranked card."""

    id: str
    kind: PromptKind
    label: LocalText
    help: LocalText = Default(factory=LocalText.empty)
    options: tuple[Option, ...] = ()
    source: str = ""
    multiple: bool = False
    allow_free: bool = True


@record
class Dimension:
    """One scored dimension of a questionnaire (e.g. one RIASEC type)."""

    id: str
    label: LocalText
    description: LocalText


@record
class Item:
    """One rated statement of a questionnaire, counted toward a dimension."""

    id: str
    dimension: str
    label: LocalText


@record
class Prompt:
    id: str
    kind: PromptKind
    label: LocalText
    help: LocalText = Default(factory=LocalText.empty)
    optional: bool = False
    private: bool = False  # answers start private (the worker may share them)
    prefill: tuple[str, ...] = ()
    default: LocalText = Default(factory=LocalText.empty)
    options: tuple[Option, ...] = ()
    limit: int = 0
    cards: tuple[Option, ...] = ()
    piles: tuple[Option, ...] = ()
    top: int = 0
    top_fields: tuple[Field, ...] = ()
    columns: tuple[Field, ...] = ()
    min_rows: int = 0
    row_label: LocalText = Default(factory=LocalText.empty)
    prefill_map: tuple[tuple[str, str], ...] = ()
    dimensions: tuple[Dimension, ...] = ()
    items: tuple[Item, ...] = ()
    code_length: int = 3
    source: str = ""
    multiple: bool = False
    allow_free: bool = True

    def option(self, option_id: str) -> Option | None:
        for option in (*self.options, *self.cards, *self.piles):
            if option.id == option_id:
                return option
        return None

    def as_field(self) -> Field:
        """This prompt seen as a field, so tables and prompts share editors."""
        return Field(
            id=self.id,
            kind=self.kind,
            label=self.label,
            help=self.help,
            options=self.options,
            source=self.source,
            multiple=self.multiple,
            allow_free=self.allow_free,
        )
