"""The Textual application: wires the journal store and the catalogue to the screens."""

from __future__ import annotations

import gc
from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING

from textual import events
from textual.app import App
from textual.binding import Binding
from textual.command import CommandPalette

from journal.core.catalogue.custom import with_custom
from journal.core.crash_report import write_crash_report
from journal.core.profile import was_welcomed
from journal.core.storage import JournalError
from journal.core.storage.json_bytes import load_orjson_in_background
from journal.i18n import t
from journal.tui.palette import BilanPalette
from journal.tui.commands import BilanCommands
from journal.tui.marks_without_colour import show_marks_without_colour
from journal.tui.nonbreaking import keep_non_breaking_spaces
from journal.tui.textual_keys import translate_textual_keys
from journal.tui.keys_in_flight import let_keys_land
from journal.tui.runtime import CHECK_SECONDS, IdleCollector, tuned_for_typing
from journal.tui.screens.home import HomeScreen
from journal.tui.input_guard import install_input_guard
from journal.tui.journal_opening import JournalOpening, JournalRead
from journal.tui.safe_text import install_output_guard, plain
from journal.tui.sharing.key_prompt import offer_key_confirmation
from journal.tui.system_commands import palette_binding, quit_hint, system_commands, theme_palette
from journal.tui.themes import DEFAULT_THEME, load_themes, stylesheet_path

if TYPE_CHECKING:
    from journal.core.catalogue import Catalogue
    from journal.core.models import Exercise
    from journal.core.search import Hit
    from journal.core.store import JournalStore
    from journal.tui.screens.exercise import ExerciseScreen

# The first screen is the home screen: every other screen is imported where it is opened, so that
# starting the app does not pay for the exercise editors, the exporters or the Markdown help
# (tests/test_app_imports.py keeps it so).

keep_non_breaking_spaces()
show_marks_without_colour()
translate_textual_keys()

# Screens where Enter opens an exercise or a note say so with a class attribute ``OPENS_ON_ENTER = True``
# (the home list, the instance picker, the resume offer, search): no need to import them to ask.
# Keys typed while an exercise opens are held until its first field has the focus, or at most this long
# (seconds), then handed on anyway; generous, because a busy machine can take seconds to mount a long exercise.
HOLD_LIMIT = 5.0


class BilanApp(App):
    CSS_PATH = stylesheet_path()
    COMMANDS = App.COMMANDS | {BilanCommands}
    BINDINGS = [
        Binding("ctrl+q", "quit", t("keys.quit"), priority=True),
        palette_binding(),
        # F1 everywhere, even in a text field; ? only where it would not be typed (a text field takes it first).
        Binding("f1", "help", t("keys.help"), key_display="F1", priority=True),
        Binding("question_mark", "help", t("keys.help"), show=False),
        Binding("ctrl+f", "search", t("worker.search.key"), show=False, priority=True),
        Binding("f4", "questions", t("questions.key"), priority=True),
    ]

    def __init__(
        self,
        store: JournalStore | None,
        catalogue: Catalogue,
        *,
        demo: bool = False,
        greet: bool = False,
        opening: JournalOpening | None = None,
    ):
        """``greet``: on opening, the first-start welcome (once) or the offer to resume where the worker left off.

        ``opening``: instead of ``store``, a journal to read after the first screen is drawn
        (``journal.tui.journal_opening``); ``store`` is None until it has been read.
        """
        super().__init__()
        self.greet = greet
        self.deleted_notes: list = []  # notes deleted in this session, for undo
        # Keys typed while the journal is read wait for it (no time limit: they need the journal).
        self._held_keys: list[events.Key] | None = [] if store is None else None
        self._holds = 0  # holds begun (hold_keys), so that a hold's time limit ends that hold only
        self.store = store
        self.opening = opening
        self.builtin_catalogue = catalogue
        self.catalogue = catalogue
        for theme in load_themes():
            self.register_theme(theme)
        if store is not None:
            self.refresh_catalogue()
        self._start_with_theme(self._saved_theme())
        self.demo = demo
        self._quit_anyway = False
        self.title = t("app.name")
        self.collector: IdleCollector | None = None
        self.crashed = False
        self.crash_report = None
        install_output_guard()
        install_input_guard()

    def run(self, *args, **kwargs):
        # The journal is loaded and the modules imported: they live as long as the app, so they are moved out
        # of the cyclic collector's reach (on a 20,000-entry journal a full pass goes from 76 to 15 ms, start-up
        # spends 43 ms in it instead of 228), and full passes wait for a pause in typing (journal.tui.runtime).
        with tuned_for_typing() as collector:
            self.collector = collector
            return super().run(*args, **kwargs)

    def on_mount(self) -> None:
        if self.collector is not None:
            self.set_interval(CHECK_SECONDS, self.collector.tick, name="idle-collector")
        self.push_screen(HomeScreen())
        if self.collector is not None:
            self.call_after_refresh(self.collector.first_screen_drawn)
        self.call_after_refresh(load_orjson_in_background)  # for the saves: not before the first screen
        if self.store is None:
            # The home screen is drawn with what needs no journal; the journal is read once it is on screen.
            self.call_after_refresh(self.opening.start, self.post_message)
            return
        self._greet()

    def _saved_theme(self) -> str:
        chosen = self.store.settings.get("theme", DEFAULT_THEME) if self.store is not None else DEFAULT_THEME
        return chosen if isinstance(chosen, str) and chosen in self.available_themes else DEFAULT_THEME

    def _start_with_theme(self, name: str) -> None:
        """Set the theme before the stylesheet is first parsed and applied.

        Setting ``theme`` once mounted re-parses every rule and restyles every widget a second time
        (~20 ms of start-up); before the app runs, giving the stylesheet the theme's variables is enough.
        What ``App._watch_theme`` does besides (classes, colour filter) is done here too.
        """
        self.set_reactive(App.theme, name)
        self.stylesheet.set_variables(self.get_css_variables())
        dark = self.current_theme.dark
        classes = {existing: False for existing in self.classes if existing.startswith("-theme-")}
        self.update_classes({**classes, f"-theme-{name}": True, "-dark-mode": dark, "-light-mode": not dark}, update=False)
        self._refresh_truecolor_filter(self.ansi_theme)

    def on_journal_read(self, _message: JournalRead) -> None:
        """The journal read after the first screen: fill in the home screen, then the dialogs, then the keys typed meanwhile."""
        if self.opening.error is not None:
            # Nothing was changed: the command says what is wrong, as when the journal is read first.
            self.exit(return_code=1)
            return
        self.store = self.opening.store
        gc.freeze()  # the journal lives as long as the app (see run)
        self.refresh_catalogue()
        self.theme = self._saved_theme()  # a theme other than the default is applied now (once mounted, a second style pass)
        home = next(screen for screen in self.screen_stack if isinstance(screen, HomeScreen))
        home.refresh_list()
        self._greet()
        self.release_keys()

    def _greet(self) -> None:
        # One dialog at a time: the welcome, then a conseiller's key to confirm, then the offer to resume.
        if self.greet and not was_welcomed(self.store):
            self.action_welcome(after=lambda: offer_key_confirmation(self))
        elif not offer_key_confirmation(self, done=self._offer_resume):
            self._offer_resume()
        others = self.store.open_elsewhere()
        if others:
            self.notify(t("lock.open_elsewhere", count=others), severity="warning", timeout=12)
        if self.store.permissions_notice:
            self.notify(self.store.permissions_notice, severity="warning", timeout=12, markup=False)
        if self.store.backup_warning:
            self.notify(plain(self.store.backup_warning), severity="warning", timeout=12, markup=False)

    def _offer_resume(self, _key_confirmed: bool | None = None) -> None:
        if self.greet:
            from journal.tui.resume import offer_resume

            offer_resume(self)

    def refresh_catalogue(self) -> None:
        """The built-in exercises plus the custom ones kept in the journal (after an import, for instance)."""
        try:
            self.catalogue, _ = with_custom(self.builtin_catalogue, self.store.custom_exercises.all())
        except JournalError:
            self.catalogue = self.builtin_catalogue

    def watch_theme(self, theme: str) -> None:
        # Starting with the default theme saves nothing (on a large journal a save is a visible pause).
        if self.is_mounted and self.store is not None and (self.store.settings.get("theme") or DEFAULT_THEME) != theme:
            self.guarded(self.store.settings.set, "theme", theme)

    def action_command_palette(self) -> None:
        if self.use_command_palette and not CommandPalette.is_open(self):
            self.push_screen(BilanPalette(id="--command-palette", placeholder=t("palette.placeholder")))

    def get_system_commands(self, screen):
        return system_commands(self, screen)

    def search_themes(self) -> None:
        self.push_screen(theme_palette())

    def action_help_quit(self) -> None:
        quit_hint(self)

    def guarded(self, action, *args, **kwargs) -> bool:
        """Run a journal change; a storage failure becomes one clear message, not a crash."""
        try:
            action(*args, **kwargs)
        except JournalError as error:
            self.notify(plain(error), severity="error", timeout=12, markup=False)
            return False
        return True

    # -- navigation -------------------------------------------------------------

    # -- keys typed while a screen opens ----------------------------------------------

    def hold_keys(self) -> None:
        """Keep the keys typed from now until ``release_keys``: they belong to the screen being opened."""
        if self._held_keys is None:
            self._held_keys = []
            self._holds += 1
            self.set_timer(HOLD_LIMIT, partial(self._hold_expired, self._holds))

    def _hold_expired(self, hold: int) -> None:
        # Only the hold the timer was set for: keys held since a later Enter wait for their own screen.
        if hold == self._holds:
            self.release_keys(force=True)

    def release_keys(self, force: bool = False) -> None:
        """Hand the held keys, in order, to what has the focus (waiting a frame if nothing has it yet)."""
        if self._held_keys is None:
            return
        if not force and self.screen_stack and self.screen.focused is None:
            self.call_after_refresh(self.release_keys)
            return
        held, self._held_keys = self._held_keys, None
        if not self.screen_stack:
            return
        for key in held:
            # The key as typed, not a copy: a key made here would carry as its sender whoever called this (the
            # exercise screen, once shown), and Textual stops a key's bubbling at its sender, so it would never
            # reach the app that runs the bindings of the focused field's screen (Esc, F2, Ctrl+T were lost).
            self.post_message(key)

    async def on_event(self, event: events.Event) -> None:
        if self.collector is not None and isinstance(event, events.InputEvent):
            self.collector.input_seen()
        if self.store is None and isinstance(event, (events.MouseDown, events.MouseUp, events.Click)):
            return  # the journal is being read: a click could open what needs it (keys wait; a click is not kept)
        if isinstance(event, events.Key):
            if not self._screen_stack:  # the stack itself, not a copy: this runs on every key
                # A key still on its way (typed, handed on or bubbling back) as the app closes: no screen left to take it.
                return
            if self.store is None and event.key == "ctrl+q":
                await super().on_event(event)  # quitting needs no journal: not held
                return
            if self._held_keys is not None and not event.is_forwarded:
                self._held_keys.append(event)
                return
            # The screen is looked up only for Enter (or a line feed), not on every key typed.
            if event.key in ("enter", "ctrl+j") and not event.is_forwarded and getattr(self.screen, "OPENS_ON_ENTER", False):
                # Enter typed while bilan starts, before the terminal is in raw mode, arrives as a line feed.
                event = events.Key("enter", "\r") if event.key == "ctrl+j" else event
                # Enter here opens a screen: what follows is typed for that screen, not for this list.
                await super().on_event(event)
                self.hold_keys()
                return
        await super().on_event(event)

    def push_exercise(self, screen: ExerciseScreen) -> None:
        """Open an exercise; what is typed meanwhile goes into its first question, not the list behind."""
        self.hold_keys()
        self.push_screen(screen)

    def open_exercise(self, exercise: Exercise) -> None:
        from journal.tui.screens.exercise import ExerciseScreen

        if not exercise.repeatable:
            self.push_exercise(ExerciseScreen(exercise))
            return
        entries = self.store.entries.current_of(exercise.id)
        if not entries:
            self.push_exercise(ExerciseScreen(exercise, self.store.entries.next_instance(exercise.id)))
            return

        from journal.tui.screens.instances import COMPARE, NEW, InstancePicker

        def chosen(choice: int | str | None) -> None:
            if choice is None:
                self.release_keys(force=True)
                return
            if choice == COMPARE:
                from journal.tui.screens.comparison import ComparisonScreen

                self.push_screen(ComparisonScreen(exercise, self.store.entries.current_of(exercise.id)))
                self.release_keys()  # keys typed after Enter move through the table, once it has the focus
                return
            instance = self.store.entries.next_instance(exercise.id) if choice == NEW else int(choice)
            self.push_exercise(ExerciseScreen(exercise, instance))

        self.push_screen(InstancePicker(exercise, entries), chosen)
        self.release_keys()  # keys typed after Enter are for the picker, once its list has the focus

    def open_exercise_instance(self, exercise: Exercise, instance: int) -> None:
        """Open one given instance (the suggested next step, a search result), without asking which."""
        from journal.tui.screens.exercise import ExerciseScreen

        self.push_exercise(ExerciseScreen(exercise, instance))

    def resume_at(self, exercise: Exercise, place) -> None:
        """Open ``exercise`` at the question and cursor of ``place``."""
        from journal.tui.screens.exercise import ExerciseScreen

        self.push_exercise(ExerciseScreen(exercise, place.instance, place=place))

    def _leave_to_home(self) -> bool:
        """Close the screens above the home screen, unless one cannot save what it holds."""
        while len(self.screen_stack) > 2:
            if not self._save_screen(self.screen):
                return False
            self.pop_screen()
        return True

    def action_home(self) -> None:
        self._leave_to_home()

    def action_notes(self) -> None:
        if self._leave_to_home():
            from journal.tui.screens.notes import NotesScreen

            self.push_screen(NotesScreen())

    def action_export(self) -> None:
        if self._leave_to_home():
            from journal.tui.screens.export import ExportScreen

            self.push_screen(ExportScreen())

    def action_import_file(self) -> None:
        if self._leave_to_home():
            from journal.tui.screens.import_file import ImportScreen

            # A key that came with the file is shown for confirmation right away.
            self.push_screen(ImportScreen(), lambda _: offer_key_confirmation(self))

    def action_synthesis(self) -> None:
        if self._leave_to_home():
            from journal.tui.screens.synthesis import SynthesisScreen

            self.push_screen(SynthesisScreen())

    def action_questions(self) -> None:
        from journal.tui.screens.questions import QuestionsScreen

        if not isinstance(self.screen, QuestionsScreen):
            self.push_screen(QuestionsScreen())

    def action_help(self) -> None:
        from journal.tui.screens.help import HelpScreen, help_markdown

        if isinstance(self.screen, HelpScreen):
            self.screen.dismiss(None)
            return
        self.push_screen(HelpScreen(help_markdown(self, self.screen)))

    def action_search(self) -> None:
        from journal.tui.screens.search import SearchScreen

        if isinstance(self.screen, SearchScreen):
            return
        self.push_screen(SearchScreen(), self.open_hit)

    def open_hit(self, hit: Hit | None) -> None:
        """Open what a search found: the question of an answer, or the note."""
        if hit is None or not self._leave_to_home():
            self.release_keys(force=True)
            return
        if hit.kind == "note":
            from journal.tui.screens.notes import NotesScreen

            self.push_screen(NotesScreen(note_id=hit.note_id))
            return
        exercise = self.catalogue.get(hit.exercise_id)
        if exercise is not None:
            from journal.core.last_place import Place
            from journal.tui.screens.exercise import ExerciseScreen

            self.push_exercise(ExerciseScreen(exercise, hit.instance, place=Place(exercise.id, hit.instance, hit.prompt_id)))

    def action_welcome(self, after: Callable[[], object] | None = None) -> None:
        from journal.tui.screens.welcome import WelcomeScreen

        self.push_screen(WelcomeScreen(), (lambda _: after()) if after is not None else None)

    def action_next_theme(self) -> None:
        names = [theme.name for theme in load_themes()]
        current = names.index(self.theme) if self.theme in names else -1
        self.theme = names[(current + 1) % len(names)]

    # -- leaving ----------------------------------------------------------------

    @staticmethod
    def _save_screen(screen) -> bool:
        flush = getattr(screen, "flush", None)
        return flush() is not False if callable(flush) else True

    async def action_quit(self) -> None:
        if self.screen_stack:
            await let_keys_land(self.screen)
        saved = all([self._save_screen(screen) for screen in reversed(self.screen_stack)])
        if saved or self._quit_anyway:
            self.exit()
            return
        # Something typed could not be saved (disk full, journal busy): say so, and quit
        # only if the worker asks again.
        self._quit_anyway = True
        self.set_timer(8, self._disarm_quit)
        self.notify(t("app.quit_unsaved"), severity="error", timeout=8)

    def _disarm_quit(self) -> None:
        self._quit_anyway = False

    # -- unexpected errors ------------------------------------------------------

    def _handle_exception(self, error: Exception) -> None:
        """An unexpected error: save what is pending, write the details to a report, exit non-zero.

        Textual would print the traceback over the worker's terminal on exit; the
        command prints one line instead (see ``journal.cli.commands.app``).
        """
        if not self.crashed:
            self.crashed = True
            self._save_pending_after_crash()
            self.crash_report = write_crash_report(self._data_dir(), error)
        super()._handle_exception(error)

    def panic(self, *renderables) -> None:
        """Textual's own fatal errors (its input thread failing, for one) end like any other crash."""
        if not self.crashed:
            self.crashed = True
            self._save_pending_after_crash()
            self.crash_report = write_crash_report(self._data_dir(), RuntimeError(_as_text(renderables)))
        super().panic(*renderables)

    def _data_dir(self):
        return self.store.data_dir if self.store is not None else self.opening.data_dir

    def _save_pending_after_crash(self) -> None:
        for screen in list(self.screen_stack):
            autosave = getattr(screen, "autosave", None)
            try:
                if autosave is not None:
                    autosave.flush()
            except Exception:  # noqa: BLE001 - already failing: save what can be saved, report the first error
                continue

    def _print_error_renderables(self) -> None:
        if self.crashed:
            self._exit_renderables.clear()
            return
        super()._print_error_renderables()


def _as_text(renderables) -> str:
    """What Textual wanted to print, as plain text for the report."""
    from io import StringIO

    from rich.console import Console

    buffer = StringIO()
    console = Console(file=buffer, width=120, color_system=None)
    for renderable in renderables:
        console.print(renderable)
    return buffer.getvalue()
