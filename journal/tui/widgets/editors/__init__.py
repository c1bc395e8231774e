"""One editor per prompt kind; ``editor_for`` picks the right one for a prompt or field."""

from __future__ import annotations

from typing import Any

from journal.core.models import Field, Prompt, PromptKind
from journal.tui.widgets.editors.base import AnswerChanged, PromptEditor
from journal.tui.widgets.editors.card_sort import CARD_SORT_EDITORS
from journal.tui.widgets.editors.choice import CHOICE_EDITORS
from journal.tui.widgets.editors.pick import PICK_EDITORS
from journal.tui.widgets.editors.questionnaire import QUESTIONNAIRE_EDITORS
from journal.tui.widgets.editors.ranking import RANKING_EDITORS
from journal.tui.widgets.editors.table import TABLE_EDITORS
from journal.tui.widgets.editors.text import TEXT_EDITORS, LongTextEditor

EDITORS: dict[PromptKind, type[PromptEditor]] = {
    **TEXT_EDITORS,
    **CHOICE_EDITORS,
    **RANKING_EDITORS,
    **CARD_SORT_EDITORS,
    **TABLE_EDITORS,
    **QUESTIONNAIRE_EDITORS,
    **PICK_EDITORS,
}


def editor_for(spec: Prompt | Field, value: Any, **kwargs: Any) -> PromptEditor:
    """The editor widget for ``spec``, showing ``value``."""
    editor_class = EDITORS.get(spec.kind, LongTextEditor)
    return editor_class(spec, value, **kwargs)


__all__ = ["AnswerChanged", "EDITORS", "PromptEditor", "editor_for"]
