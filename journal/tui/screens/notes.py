"""Free notes: read them by date (filtered by period and #tag), write, edit, delete (with undo
for the session), mark private, give a mood. The note being typed is saved as a draft as it is
typed, so a crash or a closed terminal loses nothing."""

from __future__ import annotations

from datetime import datetime

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Button, OptionList, Select, Static, TextArea
from textual.widgets.option_list import Option

from journal.tui.widgets.footer import BilanFooter
from journal.core.models import Note
from journal.core.note_tags import MOODS, PERIODS, in_period
from journal.core.text_safety import inert_line
from journal.i18n import t
from journal.tui.draft_timer import DraftTimer
from journal.tui.screens.confirm import Confirm

ALL_TAGS = ""
from journal.tui.widgets.safe_editors import SafeTextArea
from journal.tui.safe_text import line as safe_line
from journal.tui.widgets.steady_header import SteadyHeader


class NotesScreen(Screen):
    BINDINGS = [
        Binding("escape", "back", t("keys.back")),
        Binding("ctrl+s", "add_note", t("keys.save_note")),
        Binding("ctrl+r", "toggle_private", t("keys.private")),
        Binding("ctrl+n", "new_note", t("worker.notes.new_key"), show=False),
        Binding("delete", "delete_note", t("worker.notes.delete_key"), show=False),
        Binding("ctrl+z", "undo_delete", t("worker.notes.undo_key")),
    ]

    def __init__(self, note_id: int | None = None):
        """``note_id``: a note to open for reading and editing (a search result)."""
        super().__init__()
        self.open_note_id = note_id
        self.editing: int | None = None
        self._draft_timer = DraftTimer(self, self._save_draft)
        self._loading = False

    def compose(self) -> ComposeResult:
        yield SteadyHeader()
        with Horizontal(id="notes-filters"):
            periods = [(t(f"worker.notes.period_{name}"), name) for name in PERIODS]
            yield Select(periods, value="all", allow_blank=False, id="period", compact=True)
            yield Select([(t("worker.notes.all_tags"), ALL_TAGS)], value=ALL_TAGS, allow_blank=False, id="tag", compact=True)
        yield OptionList(id="notes-list")
        yield Static(id="note-state", classes="muted", markup=False)
        yield SafeTextArea(id="note-input", soft_wrap=True, tab_behavior="focus", placeholder=t("notes.placeholder"))
        with Horizontal(id="note-actions"):
            moods = [(t(f"worker.notes.mood_{mood}"), mood) for mood in MOODS]
            yield Select(moods, prompt=t("worker.notes.mood"), id="mood", compact=True)
            yield Button(t("worker.notes.save"), id="add", variant="primary", compact=True)
            yield Button(t("worker.notes.private"), id="private", compact=True)
            yield Button(t("worker.notes.delete"), id="delete", compact=True)
        yield BilanFooter()

    def on_mount(self) -> None:
        self.title = t("notes.title")
        self.sub_title = ""
        draft = self.app.store.notes.draft()
        self.refresh_notes()
        area = self.query_one("#note-input", TextArea)
        wanted = self.app.store.notes.get(self.open_note_id) if self.open_note_id is not None else None
        if wanted is not None:
            self._select(wanted.id)
        if draft is not None:
            # A note left unsaved comes first: opening another one must never push it aside.
            self._load_text(draft["text"], draft["editing"], draft["mood"])
            self.notify(t("worker.notes.draft_found"))
        elif wanted is not None:
            self._load(wanted)
        else:
            self._show_state()
        area.focus()

    def help_section(self) -> str:
        return t("worker.help.notes")

    def on_screen_resume(self) -> None:
        # Opened from a search with Enter: keys typed meanwhile go to the note.
        self.call_after_refresh(self.app.release_keys)

    # -- the list -----------------------------------------------------------------------

    def visible_notes(self) -> list[Note]:
        """The notes of the chosen period and tag, newest first."""
        period = self.query_one("#period", Select).value
        tag = self.query_one("#tag", Select).value
        moment = datetime.now().astimezone()
        return [
            note
            for note in reversed(self.app.store.notes.all())
            if in_period(note.created_at, str(period), moment) and (tag in (ALL_TAGS, Select.NULL) or tag in note.tags)
        ]

    def refresh_notes(self) -> None:
        notes_list = self.query_one("#notes-list", OptionList)
        highlighted_id = self._highlighted_id()
        notes_list.clear_options()
        self._refresh_tags()
        notes = self.visible_notes()
        if not notes:
            notes_list.add_option(Option(t("notes.none"), disabled=True))
        for note in notes:
            notes_list.add_option(Option(Content(self._line(note)), id=str(note.id)))
        if highlighted_id is not None:
            self._select(highlighted_id)

    def _line(self, note: Note) -> str:
        flag = f" {t('notes.private_flag')}" if note.private else ""
        mood = f" ({t(f'worker.notes.mood_{note.mood}')})" if note.mood else ""
        first_line = note.text.strip().splitlines()[0] if note.text.strip() else ""
        return inert_line(f"{note.created_at.strftime(t('formats.datetime'))}{flag}{mood} — {first_line}")

    def _refresh_tags(self) -> None:
        select = self.query_one("#tag", Select)
        counts: dict[str, int] = {}
        for note in self.app.store.notes.all():
            for tag in note.tags:
                counts[tag] = counts.get(tag, 0) + 1
        chosen = select.value
        options = [(t("worker.notes.all_tags"), ALL_TAGS)] + [(inert_line(f"#{tag} ({count})"), tag) for tag, count in sorted(counts.items())]
        with select.prevent(Select.Changed):
            select.set_options(options)
            select.value = chosen if chosen in counts else ALL_TAGS

    @on(Select.Changed, "#period")
    @on(Select.Changed, "#tag")
    def _filter_changed(self) -> None:
        self.refresh_notes()

    def _highlighted_id(self) -> int | None:
        notes_list = self.query_one("#notes-list", OptionList)
        if notes_list.highlighted is None:
            return None
        option_id = notes_list.get_option_at_index(notes_list.highlighted).id
        return int(option_id) if option_id else None

    def _select(self, note_id: int) -> None:
        notes_list = self.query_one("#notes-list", OptionList)
        try:
            notes_list.highlighted = notes_list.get_option_index(str(note_id))
        except Exception:  # noqa: BLE001 - the note is filtered out or gone: nothing to highlight
            pass

    def _highlighted_note(self) -> Note | None:
        note_id = self._highlighted_id()
        return self.app.store.notes.get(note_id) if note_id is not None else None

    @on(OptionList.OptionSelected, "#notes-list")
    def _open_for_editing(self) -> None:
        note = self._highlighted_note()
        if note is None:
            return
        if not self._save_typed():
            return
        self._load(note)
        self.query_one("#note-input", TextArea).focus()

    # -- the note being written ---------------------------------------------------------

    def _load(self, note: Note) -> None:
        self._load_text(note.text, note.id, note.mood)

    def _load_text(self, text: str, editing: int | None, mood: str | None) -> None:
        self._loading = True
        area = self.query_one("#note-input", TextArea)
        area.text = text
        area.move_cursor(area.document.end)
        self.editing = editing if editing is not None and self.app.store.notes.get(editing) is not None else None
        with self.query_one("#mood", Select).prevent(Select.Changed):
            self.query_one("#mood", Select).value = mood if mood in MOODS else Select.NULL
        self._loading = False
        self._show_state()

    def _show_state(self) -> None:
        note = self.app.store.notes.get(self.editing) if self.editing is not None else None
        state = self.query_one("#note-state", Static)
        if note is None:
            state.update(t("worker.notes.state_new"))
        else:
            state.update(t("worker.notes.state_editing", date=note.created_at.strftime(t("formats.datetime"))))
        self.query_one("#add", Button).label = t("worker.notes.save") if note is None else t("worker.notes.save_changes")

    def _mood(self) -> str | None:
        value = self.query_one("#mood", Select).value
        return value if value in MOODS else None

    @on(TextArea.Changed, "#note-input")
    @on(Select.Changed, "#mood")
    def _typed(self) -> None:
        if self._loading:
            return
        self._draft_timer.restart()

    def _save_draft(self) -> None:
        text = self.query_one("#note-input", TextArea).text
        self.app.guarded(self.app.store.notes.save_draft, text, self.editing, self._mood())

    def _save_typed(self, *, private: bool = False, announce: bool = True) -> bool:
        """Save the note in the editor (new, or changes to the one being edited); True if nothing is left unsaved."""
        self._draft_timer.stop()
        area = self.query_one("#note-input", TextArea)
        text = area.text.strip()
        store = self.app.store
        if not text:
            return self.app.guarded(store.notes.clear_draft)
        edited = store.notes.get(self.editing) if self.editing is not None else None
        if edited is not None and (edited.text, edited.mood) == (text, self._mood()) and not private:
            saved, message = True, "worker.notes.unchanged"
        elif edited is not None:
            saved = self.app.guarded(store.notes.update, self.editing, text, mood=self._mood())
            if saved and private:
                saved = self.app.guarded(store.notes.set_private, self.editing, True)
            message = "worker.notes.changes_saved"
        else:
            saved = self.app.guarded(store.notes.add, text, private=private, mood=self._mood())
            message = "notes.saved_private" if private else "notes.saved"
        if not saved or not self.app.guarded(store.notes.clear_draft):
            return False
        self._load_text("", None, None)
        if announce:
            self.notify(t(message))
        self.refresh_notes()
        return True

    @on(Button.Pressed, "#add")
    def action_add_note(self) -> None:
        if not self.query_one("#note-input", TextArea).text.strip():
            self.notify(t("notes.empty"), severity="warning")
            return
        self._save_typed()

    def action_new_note(self) -> None:
        if self._save_typed():
            self._load_text("", None, None)
            self.query_one("#note-input", TextArea).focus()

    @on(Button.Pressed, "#private")
    def action_toggle_private(self) -> None:
        area = self.query_one("#note-input", TextArea)
        if area.has_focus and area.text.strip():
            # The note being written is saved straight away as a private one.
            self._save_typed(private=True)
            return
        note = self._highlighted_note()
        if note is None:
            self.notify(t("notes.pick_one"), severity="warning")
            return
        if not self.app.guarded(self.app.store.notes.set_private, note.id, not note.private):
            return
        self.notify(t("notes.now_private") if not note.private else t("notes.now_shared"))
        self.refresh_notes()
        self.query_one("#notes-list", OptionList).focus()

    # -- deleting, and undoing it -------------------------------------------------------

    @property
    def deleted(self) -> list[Note]:
        """Notes deleted during this session of the app, the latest last (for undo)."""
        return self.app.deleted_notes

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "delete_note":
            return self.query_one("#notes-list", OptionList).has_focus
        if action == "undo_delete":
            return bool(self.deleted)
        return True

    @on(Button.Pressed, "#delete")
    def action_delete_note(self) -> None:
        note = self._highlighted_note()
        if note is None:
            self.notify(t("notes.pick_one"), severity="warning")
            return
        first_line = note.text.strip().splitlines()[0] if note.text.strip() else ""
        question = t("worker.notes.confirm_delete", date=note.created_at.strftime(t("formats.datetime")), text=inert_line(first_line[:60]))

        def answered(yes: bool | None) -> None:
            if yes:
                self._delete(note)

        self.app.push_screen(Confirm(question, t("worker.notes.delete")), answered)

    def _delete(self, note: Note) -> None:
        try:
            removed = self.app.store.notes.delete(note.id)
        except Exception as error:  # noqa: BLE001 - shown in one line, nothing removed
            self.notify(str(error), severity="error", markup=False)
            return
        if removed is None:
            return
        self.deleted.append(removed)
        if self.editing == note.id:
            self._load_text("", None, None)
        self.refresh_notes()
        self.notify(t("worker.notes.deleted"), timeout=10)
        self.refresh_bindings()

    def action_undo_delete(self) -> None:
        if not self.deleted:
            return
        note = self.deleted.pop()
        try:
            restored = self.app.store.notes.restore(note)
        except Exception as error:  # noqa: BLE001 - kept for another try
            self.deleted.append(note)
            self.notify(str(error), severity="error", markup=False)
            return
        self.refresh_notes()
        self._select(restored.id)
        self.notify(t("worker.notes.restored"))
        self.refresh_bindings()

    # -- leaving --------------------------------------------------------------------------

    def flush(self) -> bool:
        """Keep a note being typed when the worker leaves or quits; False if it could not be saved."""
        text = self.query_one("#note-input", TextArea).text.strip()
        edited = self.app.store.notes.get(self.editing) if self.editing is not None else None
        if not text or (edited is not None and (edited.text, edited.mood) == (text, self._mood())):
            return self.app.guarded(self.app.store.notes.clear_draft)
        if not self._save_typed(announce=False):
            return False
        self.notify(t("notes.saved_on_leave"))
        return True

    def action_back(self) -> None:
        if self.flush():
            self.dismiss()
