"""« Importer un fichier »: pick an assignment (or a dump) starting in the home or Downloads folder, then import it."""

from __future__ import annotations

from pathlib import Path

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import Screen
from textual.widgets import Button, DirectoryTree, Input, Static

from journal.tui.widgets.footer import BilanFooter
from journal.core.assignments.importing import BilanChoiceNeeded, import_assignment
from journal.core.assignments.reader import AssignmentError, read_assignment
from journal.core.storage import JournalError
from journal.core.text_safety import inert_line
from journal.i18n import t
from journal.tui.widgets.safe_editors import SafeInput
from journal.tui.screens.bilan_choice import BilanChoice
from journal.tui.widgets.steady_header import SteadyHeader

SUFFIXES = (".toml", ".json")


class AssignmentTree(DirectoryTree):
    def filter_paths(self, paths):
        return [p for p in paths if not p.name.startswith(".") and (p.is_dir() or p.suffix.lower() in SUFFIXES)]

    def on_key(self, event) -> None:
        # A path typed while the list has the focus goes where the worker expects it: into the path field.
        if event.is_printable and event.character not in (None, " "):
            path_field = self.screen.query_one("#import-path", Input)
            path_field.focus()
            path_field.insert_text_at_cursor(event.character)
            event.stop()
            event.prevent_default()


def starting_folders() -> list[Path]:
    home = Path.home()
    return [folder for folder in (home / "Téléchargements", home / "Downloads", home) if folder.is_dir()]


class ImportScreen(Screen):
    BINDINGS = [Binding("escape", "back", t("keys.back"))]

    def compose(self) -> ComposeResult:
        yield SteadyHeader()
        with Vertical(id="import-body"):
            yield Static(t("import_screen.intro"), classes="muted", markup=False)
            with Horizontal(classes="buttons"):
                for index, folder in enumerate(starting_folders()):
                    yield Button(inert_line(folder.name or str(folder)), id=f"folder-{index}")
            yield AssignmentTree(str(starting_folders()[0] if starting_folders() else Path.cwd()), id="import-tree")
            with Horizontal(id="import-path-row"):
                yield SafeInput(placeholder=t("import_screen.path_placeholder"), id="import-path", select_on_focus=False)
                yield Button(t("import_screen.import"), id="import", variant="primary")
        yield BilanFooter()

    def on_mount(self) -> None:
        self.title = t("import_screen.title")
        self.sub_title = ""
        self.query_one(AssignmentTree).focus()

    @on(Button.Pressed, "Button")
    def _folder(self, event: Button.Pressed) -> None:
        if event.button.id == "import":
            self._import_typed()
            return
        index = int((event.button.id or "folder-0").split("-")[1])
        self.query_one(AssignmentTree).path = starting_folders()[index]

    @on(DirectoryTree.FileSelected)
    def _picked(self, event: DirectoryTree.FileSelected) -> None:
        self.query_one("#import-path", Input).value = str(event.path)
        self.import_path(Path(event.path))

    @on(Input.Submitted, "#import-path")
    def _import_typed(self) -> None:
        raw = self.query_one("#import-path", Input).value.strip()
        if raw:
            self.import_path(Path(raw).expanduser())

    @work(exclusive=True, group="import")
    async def import_path(self, path: Path) -> None:
        app = self.app
        if path.suffix.lower() == ".json":
            self.notify(t("import_screen.dump_by_command", path=inert_line(str(path))), severity="warning", timeout=12, markup=False)
            return
        try:
            assignment = read_assignment(path, app.builtin_catalogue)
        except AssignmentError as error:
            self.notify(inert_line(str(error)), severity="error", timeout=15, markup=False)
            return
        try:
            try:
                result = import_assignment(app.store, assignment)
            except BilanChoiceNeeded as needed:
                same = await app.push_screen_wait(BilanChoice(assignment.conseiller, assignment.dossier, needed.current.conseiller))
                if same is None:
                    self.notify(t("import_cli.cancelled"))
                    return
                result = import_assignment(app.store, assignment, same_bilan=same)
        except JournalError as error:
            self.notify(inert_line(str(error)), severity="error", timeout=15, markup=False)
            return
        app.refresh_catalogue()
        if not result.added:
            self.notify(t("import_cli.already"), timeout=8)
        elif result.superseded:
            self.notify(t("import_cli.older", sequence=assignment.sequence, dossier=inert_line(assignment.dossier)), timeout=10, markup=False)
        else:
            self.notify(inert_line(t("import_screen.done", conseiller=assignment.conseiller, count=len(assignment.exercises))), timeout=8, markup=False)
        self.dismiss()

    def action_back(self) -> None:
        self.dismiss()
