"""The history of an exercise's answers (F2): any two versions compared word by word, with
additions and removals marked, and an earlier version restored (the current text becomes a
version itself, so nothing is lost)."""

from __future__ import annotations

from datetime import datetime

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Button, Label, Select, Static

from journal.core.models import Entry, Exercise
from journal.core.text_safety import inert, inert_line
from journal.core.version_diff import ADDED, REMOVED, counts, version_text, word_diff
from journal.i18n import t
from journal.tui.screens.confirm import Confirm

CURRENT = "current"
from journal.tui.safe_text import line, text


def diff_content(before: str, after: str) -> Content:
    """Kept words as they are; added ones between [+ +], underlined; removed ones between [- -], struck."""
    parts: list = []
    for piece in word_diff(inert(before), inert(after)):
        if piece.kind == ADDED:
            parts += [("[+", "bold"), (piece.text, "bold underline"), ("+]", "bold")]
        elif piece.kind == REMOVED:
            parts += [("[-", "bold"), (piece.text, "strike"), ("-]", "bold")]
        else:
            parts.append(piece.text)
    return Content.assemble(*parts)


class HistoryScreen(ModalScreen[bool]):
    """Dismissed with True when a version was restored (the exercise must be shown again)."""

    BINDINGS = [
        Binding("escape,q", "dismiss(False)", t("keys.close")),
        Binding("question_mark", "app.help", t("keys.help"), show=False),
    ]

    def __init__(self, exercise: Exercise, entry: Entry | None):
        super().__init__()
        self.exercise = exercise
        self.entry = entry

    def help_section(self) -> str:
        return t("worker.help.history")

    def versions(self) -> dict[str, tuple[datetime, dict]]:
        """Every version by key (its place in the history), newest first: the current answers, then the earlier ones."""
        if self.entry is None:
            return {}
        found = {CURRENT: (self.entry.updated_at, self.entry.answers)}
        for index in reversed(range(len(self.entry.history))):
            version = self.entry.history[index]
            found[str(index)] = (version.saved_at, version.answers)
        return found

    def compose(self) -> ComposeResult:
        versions = self.versions()
        with Vertical(classes="modal-box history-box"):
            yield Static(t("history.title", title=inert_line(str(self.exercise.title))), classes="prompt-label", markup=False)
            if len(versions) < 2:
                yield Static(t("history.none"), classes="muted")
                yield Static(t("history.close"), classes="muted")
                return
            options = [(self._label(key, when), key) for key, (when, _) in versions.items()]
            keys = list(versions)
            with Horizontal(id="history-choice"):
                yield Label(t("worker.history.compare"))
                yield Select(options, value=keys[1], allow_blank=False, id="before", compact=True)
                yield Label(t("worker.history.with"))
                yield Select(options, value=CURRENT, allow_blank=False, id="after", compact=True)
            yield Static(id="history-counts", classes="muted", markup=False)
            with VerticalScroll(id="history-diff"):
                yield Static(id="diff")
            with Horizontal(id="exercise-actions"):
                yield Button("", id="restore", variant="warning", compact=True)
                yield Button(t("keys.close"), id="close", compact=True)

    def _label(self, key: str, when: datetime) -> str:
        if key == CURRENT:
            return t("worker.history.current")
        return t("worker.history.version", date=when.strftime(t("formats.datetime")))

    def on_mount(self) -> None:
        if self.query("#before"):
            self._compare()
            self.query_one("#history-diff").focus()

    @on(Select.Changed)
    def _compare(self) -> None:
        versions = self.versions()
        before = versions[str(self.query_one("#before", Select).value)]
        after = versions[str(self.query_one("#after", Select).value)]
        old, new = version_text(self.exercise, before[1]), version_text(self.exercise, after[1])
        pieces = word_diff(old, new)
        added, removed = counts(pieces)
        self.query_one("#history-counts", Static).update(t("worker.history.counts", added=added, removed=removed))
        self.query_one("#diff", Static).update(diff_content(old, new) if (old or new) else t("history.empty"))
        restore = self.query_one("#restore", Button)
        restore.display = self.query_one("#before", Select).value != CURRENT
        restore.label = t("worker.history.restore", date=before[0].strftime(t("formats.datetime")))

    @on(Button.Pressed, "#close")
    def _close(self) -> None:
        self.dismiss(False)

    @on(Button.Pressed, "#restore")
    def _restore(self) -> None:
        key = str(self.query_one("#before", Select).value)
        if key == CURRENT or self.entry is None:
            return
        when = self.versions()[key][0]
        question = t("worker.history.confirm", date=when.strftime(t("formats.datetime")))

        def answered(yes: bool | None) -> None:
            if not yes:
                return
            restored: list = []
            restore = self.app.store.entries.restore_version
            if not self.app.guarded(lambda: restored.append(restore(self.exercise.id, int(key), when, self.entry.instance))):
                return
            if restored[0] is None:
                self.notify(t("worker.history.gone"), severity="warning")
                return
            self.notify(t("worker.history.restored"))
            self.dismiss(True)

        self.app.push_screen(Confirm(question, t("worker.history.restore", date=when.strftime(t("formats.datetime")))), answered)
