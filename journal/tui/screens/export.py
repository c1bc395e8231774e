"""Export: shows exactly what the file will contain, then writes it where the worker says."""

from __future__ import annotations

from pathlib import Path

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.screen import Screen
from textual.widgets import Button, Input, Markdown, Select, Static

from journal.tui.widgets.footer import BilanFooter
from journal.core.export import build_summary, render
from journal.core.export.formats import default_file_name
from journal.core.export.sharing import count_written_export, numbered_now
from journal.core.export.writer import write_export
from journal.core.sharing import SharingError, encrypted_name
from journal.core.sharing.export_file import write_encrypted_export
from journal.core.storage import JournalError
from journal.core.text_safety import inert_line
from journal.core.storage.disk_errors import os_reason
from journal.i18n import t
from journal.tui.widgets.safe_editors import SafeInput
from journal.tui.safe_text import plain
from journal.tui.sharing.encryption_choice import EncryptionChoice
from journal.tui.sharing.key_confirmation import conseiller_name
from journal.tui.widgets.export_options import ExportOptionsPanel
from journal.tui.widgets.steady_header import SteadyHeader


class ExportScreen(Screen):
    BINDINGS = [
        Binding("escape", "back", t("keys.back")),
        Binding("ctrl+s", "write", t("keys.write_export")),
    ]

    def compose(self) -> ComposeResult:
        yield SteadyHeader()
        yield Static(t("export_screen.intro"), classes="muted")
        with Horizontal(id="export-main"):
            yield ExportOptionsPanel(id="export-choices")
            with VerticalScroll(id="export-preview"):
                yield Markdown(t("export_screen.loading"), id="preview")
        with Horizontal(id="export-options"):
            yield Select(
                [(t("export_screen.markdown"), "markdown"), (t("export_screen.html"), "html"), (t("export_screen.json"), "json")],
                value="markdown",
                allow_blank=False,
                id="export-format",
            )
            yield SafeInput(id="export-path")
            yield Button(t("export_screen.write"), id="write", variant="primary")
        yield EncryptionChoice(id="export-encryption")
        yield BilanFooter()

    def on_mount(self) -> None:
        self.title = t("export_screen.title")
        self.sub_title = ""
        self.summary = None
        self._confirm_overwrite: Path | None = None
        self.prepare()

    @on(ExportOptionsPanel.Changed)
    def _options_changed(self) -> None:
        self.prepare()

    def help_section(self) -> str:
        return t("worker.help.export")

    @work(thread=True, exclusive=True, group="export")
    def prepare(self) -> None:
        options = self.query_one(ExportOptionsPanel).options()
        summary = build_summary(self.app.store, self.app.catalogue, options)
        markdown = render(summary, "markdown")
        self.app.call_from_thread(self._prepared, summary, markdown)

    def _prepared(self, summary, markdown: str) -> None:
        first = self.summary is None
        self.summary = summary
        # The front matter is for programs; the preview shows what a reader sees (already inert: said again).
        self.query_one("#preview", Markdown).update(plain(markdown.split("\n---\n", 1)[-1]))
        if first:
            self._suggest_path()

    def _suggest_path(self) -> None:
        if self.summary is None:
            return
        fmt = self.query_one("#export-format", Select).value
        name = default_file_name(self.summary, fmt)
        if self.query_one(EncryptionChoice).key:
            name = encrypted_name(name)
        self.query_one("#export-path", Input).value = str(Path.cwd() / name)

    @on(Select.Changed, "#export-format")
    @on(EncryptionChoice.Changed)
    def _format_changed(self) -> None:
        self._suggest_path()

    @on(Button.Pressed, "#write")
    @on(Input.Submitted, "#export-path")
    def action_write(self) -> None:
        if self.summary is None:
            return
        raw = self.query_one("#export-path", Input).value.strip()
        if not raw:
            self.notify(t("export_screen.no_path"), severity="warning")
            return
        path = Path(raw).expanduser()
        choice = self.query_one(EncryptionChoice)
        if choice.key:
            path = path.with_name(encrypted_name(path.name))
        if path.is_file() and self._confirm_overwrite != path:
            self._confirm_overwrite = path
            self.notify(t("export_screen_options.exists", path=inert_line(str(path))), severity="warning", timeout=10, markup=False)
            return
        self._confirm_overwrite = None
        self.write_file(path, self.query_one("#export-format", Select).value, choice.key, choice.recipient)

    @work(thread=True, exclusive=True, group="export-write")
    def write_file(self, path: Path, fmt: str, key: str | None = None, recipient=None) -> None:
        try:
            summary = numbered_now(self.app.store, self.summary)
            if key is None:
                write_export(path, render(summary, fmt), self.app.store.data_dir)
            else:
                write_encrypted_export(path, render(summary, fmt), key, self.app.store.data_dir)
            count_written_export(self.app.store)
        except (JournalError, SharingError) as error:
            self.app.call_from_thread(self.notify, plain(error), severity="error", timeout=10, markup=False)
            return
        except OSError as error:
            message = t("export_screen.failed", path=path, error=os_reason(error))
            self.app.call_from_thread(self.notify, plain(message), severity="error", timeout=10, markup=False)
            return
        if key is None:
            message = t("export_screen.written", path=path)
        else:
            message = t("export_encryption.written", conseiller=conseiller_name(recipient.conseiller), path=path)
        self.app.call_from_thread(self.notify, plain(message), timeout=8, markup=False)

    def action_back(self) -> None:
        self.dismiss()
