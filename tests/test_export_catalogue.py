"""Every prompt of every shipped exercise, once answered, shows up in the export."""

from __future__ import annotations

from itertools import count

from journal.core.export import build_summary, render
from journal.core.models import PromptKind

_serial = count(1)


def marker() -> str:
    return f"Réponse-{next(_serial)}"


def field_value(spec, kind):
    """A value for a field or prompt, and the text that must appear in the export."""
    if kind in (PromptKind.SHORT_TEXT, PromptKind.LONG_TEXT):
        text = marker()
        return text, [text]
    if kind == PromptKind.LIST:
        text = marker()
        return [text], [text]
    if kind == PromptKind.SCALE:
        return 4, [str(spec.options[3].label)]
    if kind == PromptKind.CHOICE:
        return spec.options[-1].id, [str(spec.options[-1].label)]
    if kind == PromptKind.MULTI_CHOICE:
        return [spec.options[0].id], [str(spec.options[0].label)]
    if kind == PromptKind.RANKING:
        return [option.id for option in spec.options], [str(spec.options[0].label)]
    if kind == PromptKind.PICK:
        text = marker()
        return [{"code": None, "label": text}], [text]
    raise AssertionError(f"no sample for {kind}")


def prompt_value(prompt):
    if prompt.kind == PromptKind.TABLE:
        row, expected = {}, []
        for column in prompt.columns:
            row[column.id], shown = field_value(column, column.kind)
            expected += shown
        return [row], expected
    if prompt.kind == PromptKind.CARD_SORT:
        first, second = prompt.cards[0], prompt.cards[1]
        details, expected = {}, [str(first.label), str(second.label)]
        for field in prompt.top_fields:
            details[field.id], shown = field_value(field, field.kind)
            expected += shown
        value = {"piles": {first.id: prompt.piles[0].id, second.id: prompt.piles[-1].id}, "top": [first.id], "details": {first.id: details}}
        return value, expected
    if prompt.kind == PromptKind.QUESTIONNAIRE:
        return {item.id: 3 for item in prompt.items}, [str(prompt.dimensions[0].label), "3,0/5"]
    return field_value(prompt, prompt.kind)


def test_every_answer_appears_in_the_markdown_export(store, catalogue):
    expected_texts = []
    for exercise in catalogue.exercises:
        instance = store.entries.new_instance(exercise.id) if exercise.repeatable else 1
        for prompt in exercise.prompts:
            value, expected = prompt_value(prompt)
            store.entries.save_answer(exercise.id, prompt.id, value, instance)
            if prompt.private:
                # Private until shared (the entourage's answers): shared here, so every kind is checked.
                store.entries.set_prompt_private(exercise.id, prompt.id, False, instance)
            expected_texts += [(exercise.id, prompt.id, text) for text in expected]
    markdown = render(build_summary(store, catalogue), "markdown")
    html = render(build_summary(store, catalogue), "html")
    for exercise in catalogue.exercises:
        assert f"### {exercise.title}" in markdown.replace("\\", "")
    missing = [item for item in expected_texts if item[2] not in markdown]
    assert missing == []
    assert all(text in html for _, _, text in expected_texts if text.startswith("Réponse-"))
