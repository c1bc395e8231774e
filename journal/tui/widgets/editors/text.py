"""Editors for free text: one line, several lines, and lists (one item per line)."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.widgets import Input, TextArea

from journal.core.models import PromptKind
from journal.tui.widgets.safe_editors import SafeInput, SafeTextArea
from journal.tui.widgets.editors.base import PromptEditor
from journal.i18n import t


class ShortTextEditor(PromptEditor):
    def compose(self) -> ComposeResult:
        # Typing into an existing answer continues it rather than replacing it.
        yield SafeInput(value=str(self.value or ""), placeholder=t("editor.short_placeholder"), select_on_focus=False)

    @on(Input.Changed)
    def _typed(self, event: Input.Changed) -> None:
        event.stop()
        self.set_value(event.value)


class LongTextEditor(PromptEditor):
    DEFAULT_CSS = """
    LongTextEditor TextArea { height: auto; min-height: 5; max-height: 16; }
    """

    def compose(self) -> ComposeResult:
        area = SafeTextArea(self._initial_text(), soft_wrap=True, show_line_numbers=False, tab_behavior="focus")
        area.placeholder = t("editor.long_placeholder")
        yield area

    def on_mount(self) -> None:
        # The cursor waits at the end, so what the worker types follows what is already there.
        area = self.query_one(TextArea)
        area.move_cursor(area.document.end)

    def _initial_text(self) -> str:
        return str(self.value or "")

    def _to_value(self, text: str):
        return text

    @on(TextArea.Changed)
    def _typed(self, event: TextArea.Changed) -> None:
        event.stop()
        self.set_value(self._to_value(event.text_area.text))


class ListEditor(LongTextEditor):
    """A list typed one item per line: the simplest way to jot several ideas."""

    def compose(self) -> ComposeResult:
        area = SafeTextArea(self._initial_text(), soft_wrap=True, show_line_numbers=False, tab_behavior="focus")
        area.placeholder = t("editor.list_placeholder")
        yield area

    def _initial_text(self) -> str:
        items = self.value if isinstance(self.value, list) else ([self.value] if self.value else [])
        return "\n".join(str(item) for item in items)

    def _to_value(self, text: str):
        return [line.strip() for line in text.splitlines() if line.strip()]


TEXT_EDITORS = {
    PromptKind.SHORT_TEXT: ShortTextEditor,
    PromptKind.LONG_TEXT: LongTextEditor,
    PromptKind.LIST: ListEditor,
}
