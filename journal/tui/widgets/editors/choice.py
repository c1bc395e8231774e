"""Editors for closed answers: a 1–5 scale, one choice, several choices."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.widgets import RadioButton, RadioSet, SelectionList

from journal.core.models import PromptKind
from journal.tui.safe_text import line
from journal.tui.widgets.editors.base import PromptEditor


class ChoiceEditor(PromptEditor):
    DEFAULT_CSS = """
    ChoiceEditor RadioSet { width: 1fr; }
    """

    def _labels(self) -> list[tuple[object, str]]:
        return [(option.id, str(option.label)) for option in self.spec.options]

    def compose(self) -> ComposeResult:
        with RadioSet():
            for key, label in self._labels():
                yield RadioButton(line(label), value=key == self.value)

    def on_mount(self) -> None:
        # Textual highlights the first option of a set as it mounts, whatever is chosen: Enter or Space
        # there would silently replace the saved answer. The highlight starts on the saved choice instead.
        radio_set = self.query_one(RadioSet)
        for _ in range(max(radio_set.pressed_index, 0)):
            radio_set.action_next_button()

    @on(RadioSet.Changed)
    def _chosen(self, event: RadioSet.Changed) -> None:
        event.stop()
        self.set_value(self._labels()[event.index][0])


class ScaleEditor(ChoiceEditor):
    def _labels(self) -> list[tuple[object, str]]:
        return [(number, f"{number} — {option.label}") for number, option in enumerate(self.spec.options, start=1)]


class MultiChoiceEditor(PromptEditor):
    def compose(self) -> ComposeResult:
        chosen = set(self.value or [])
        yield SelectionList[str](*[(line(o.label), o.id, o.id in chosen) for o in self.spec.options])

    @on(SelectionList.SelectedChanged)
    def _toggled(self, event: SelectionList.SelectedChanged) -> None:
        event.stop()
        selected = set(event.selection_list.selected)
        self.set_value([option.id for option in self.spec.options if option.id in selected])


CHOICE_EDITORS = {
    PromptKind.SCALE: ScaleEditor,
    PromptKind.CHOICE: ChoiceEditor,
    PromptKind.MULTI_CHOICE: MultiChoiceEditor,
}
