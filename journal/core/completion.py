"""What is still missing before an exercise can honestly be called « terminé ».

A question counts as answered when its answer is not empty, and, for the two
kinds a worker can leave half done, when it is complete: every card of a card
sort placed in a pile and the first pile ranked (up to the prompt's ``top``),
every item of a questionnaire answered.
"""

from __future__ import annotations

from typing import Any, Mapping

from journal.core.answer_view import is_empty
from journal.core.models import Exercise, Prompt, PromptKind
from journal.core.scoring import score_questionnaire


def missing_required(exercise: Exercise, answers: Mapping[str, Any] | None) -> list[Prompt]:
    """The prompts not marked optional whose answer is still empty or half done, in exercise order."""
    answers = answers or {}
    return [prompt for prompt in exercise.prompts if not prompt.optional and not is_complete(prompt, answers.get(prompt.id))]


def is_complete(prompt: Prompt, value: Any) -> bool:
    if is_empty(value):
        return False
    if prompt.kind == PromptKind.CARD_SORT:
        return _card_sort_complete(prompt, value)
    if prompt.kind == PromptKind.QUESTIONNAIRE:
        return score_questionnaire(prompt, value if isinstance(value, Mapping) else {}).complete
    return True


def _card_sort_complete(prompt: Prompt, value: Any) -> bool:
    if not isinstance(value, Mapping):
        return False
    piles = value.get("piles")
    piles = piles if isinstance(piles, Mapping) else {}
    known_piles = {pile.id for pile in prompt.piles}
    if any(piles.get(card.id) not in known_piles for card in prompt.cards):
        return False
    if not prompt.top or not prompt.piles:
        return True
    first_pile = [card.id for card in prompt.cards if piles.get(card.id) == prompt.piles[0].id]
    top = value.get("top")
    ranked = [card for card in top if card in first_pile] if isinstance(top, list) else []
    return len(ranked) >= min(prompt.top, len(first_pile))
