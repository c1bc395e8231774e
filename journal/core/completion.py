"""What is still missing before an exercise can honestly be called « terminé »."""

from __future__ import annotations

from typing import Any, Mapping

from journal.core.answer_view import is_empty
from journal.core.models import Exercise, Prompt


def missing_required(exercise: Exercise, answers: Mapping[str, Any] | None) -> list[Prompt]:
    """The prompts not marked optional whose answer is still empty, in exercise order."""
    answers = answers or {}
    return [prompt for prompt in exercise.prompts if not prompt.optional and is_empty(answers.get(prompt.id))]
