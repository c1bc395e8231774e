"""Free notes: read them by date, write a new one, mark one private."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Button, Footer, Header, OptionList, Static, TextArea
from textual.widgets.option_list import Option

from journal.i18n import t
from journal.tui.safe_text import SafeTextArea
from journal.tui.safe_text import line as safe_line


class NotesScreen(Screen):
    BINDINGS = [
        Binding("escape", "back", t("keys.back")),
        Binding("ctrl+s", "add_note", t("keys.save_note")),
        Binding("ctrl+r", "toggle_private", t("keys.private")),
    ]

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(t("notes.intro"), classes="muted")
        yield OptionList(id="notes-list")
        yield SafeTextArea(id="note-input", soft_wrap=True, tab_behavior="focus", placeholder=t("notes.placeholder"))
        with Horizontal(id="exercise-actions"):
            yield Button(t("notes.add"), id="add", variant="primary")
            yield Button(t("notes.toggle_private"), id="private")
            yield Button(t("exercise.back"), id="back")
        yield Footer()

    def on_mount(self) -> None:
        self.title = t("notes.title")
        self.sub_title = ""
        self.refresh_notes()
        self.query_one("#note-input", TextArea).focus()

    def refresh_notes(self) -> None:
        notes_list = self.query_one("#notes-list", OptionList)
        notes_list.clear_options()
        notes = self.app.store.notes.all()
        if not notes:
            notes_list.add_option(Option(t("notes.none"), disabled=True))
        for note in reversed(notes):
            flag = f" {t('notes.private_flag')}" if note.private else ""
            first_line = note.text.strip().splitlines()[0] if note.text.strip() else ""
            line = f"{note.created_at.strftime(t('formats.datetime'))}{flag} — {first_line}"
            notes_list.add_option(Option(safe_line(line), id=str(note.id)))

    @on(Button.Pressed, "#add")
    def action_add_note(self) -> None:
        area = self.query_one("#note-input", TextArea)
        text = area.text.strip()
        if not text:
            self.notify(t("notes.empty"), severity="warning")
            return
        if not self.app.guarded(self.app.store.notes.add, text):
            return
        area.text = ""
        self.notify(t("notes.saved"))
        self.refresh_notes()

    @on(Button.Pressed, "#private")
    def action_toggle_private(self) -> None:
        area = self.query_one("#note-input", TextArea)
        if area.has_focus and area.text.strip():
            # The note being written is saved straight away as a private one.
            if self.app.guarded(self.app.store.notes.add, area.text.strip(), private=True):
                area.text = ""
                self.notify(t("notes.saved_private"))
                self.refresh_notes()
            return
        notes_list = self.query_one("#notes-list", OptionList)
        if notes_list.highlighted is None:
            self.notify(t("notes.pick_one"), severity="warning")
            return
        option_id = notes_list.get_option_at_index(notes_list.highlighted).id
        if option_id is None:
            return
        note = next((n for n in self.app.store.notes.all() if n.id == int(option_id)), None)
        if note is None:
            return
        if not self.app.guarded(self.app.store.notes.set_private, note.id, not note.private):
            return
        self.notify(t("notes.now_private") if not note.private else t("notes.now_shared"))
        self.refresh_notes()

    def flush(self) -> bool:
        """Keep a note being typed when the worker leaves or quits; False if it could not be saved."""
        area = self.query_one("#note-input", TextArea)
        if not area.text.strip():
            return True
        if not self.app.guarded(self.app.store.notes.add, area.text.strip()):
            return False
        area.text = ""
        self.notify(t("notes.saved_on_leave"))
        return True

    @on(Button.Pressed, "#back")
    def action_back(self) -> None:
        if self.flush():
            self.dismiss()
