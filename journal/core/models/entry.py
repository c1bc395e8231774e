"""An entry: the worker's answers to one exercise (one instance if repeatable)."""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum
from typing import Any

from journal.core.record import Default, record


class EntryStatus(StrEnum):
    NOT_STARTED = "todo"
    STARTED = "started"
    DONE = "done"


@record
class Version:
    """Answers as they were before the worker came back to change them."""

    saved_at: datetime
    answers: dict[str, Any]


@record
class Entry:
    id: int
    exercise_id: str
    answers: dict[str, Any]
    status: EntryStatus
    created_at: datetime
    updated_at: datetime
    private: bool = False
    instance: int = 1
    history: tuple[Version, ...] = ()
    drafts: tuple[str, ...] = ()
    """Questions pre-filled by bilan and not yet changed by the worker (« brouillon à relire »)."""
    # The worker's choice per question: True private, False shared; absent: the prompt's default.
    prompt_privacy: dict[str, bool] = Default(factory=dict)

    def answer(self, prompt_id: str) -> Any:
        return self.answers.get(prompt_id)

    def is_private(self, prompt: Any) -> bool:
        """Whether the answer to ``prompt`` stays on this machine: the whole entry, or this one question."""
        if self.private:
            return True
        return self.prompt_privacy.get(prompt.id, bool(getattr(prompt, "private", False)))
