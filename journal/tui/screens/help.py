"""Contextual help: the keys of the screen the worker came from, what that screen is for,
then what a bilan is and is not, how privacy works, the general guide and the help pages
(« Prendre soin de soi »).

Every screen opens it with F1, and with ``?`` wherever the focus is not in a text field.
A screen says what it is for through a ``help_section()`` method returning Markdown.
"""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen, Screen
from rich.markdown import Markdown as RichMarkdown
from rich.theme import Theme
from textual.widgets import Button, Static

from journal.core.export.markdown_escape import escape_inline
from journal.core.help_pages import HELP_PAGES, page_key
from journal.core.text_safety import inert_line
from journal.i18n import t
from journal.tui.safe_text import plain


def screen_keys(app, screen: Screen) -> list[tuple[str, str]]:
    """The keys that do something on ``screen`` right now, with what they do (one line per action)."""
    seen: set[str] = set()
    keys: list[tuple[str, str]] = []
    for active in app.active_bindings.values():
        binding = active.binding
        description = str(binding.description or "")
        # Only the keys the footer would show: the widgets' own (cursor moves…) are not worth a line, and Textual's are in English.
        if not binding.show or not description or description in seen or not active.enabled:
            continue
        seen.add(description)
        keys.append((key_name(binding), description))
    return keys


def key_name(binding: Binding) -> str:
    """A key as a person would name it: « Ctrl+T », « Échap », « F2 » rather than « ^t », « esc », « f2 »."""
    if binding.key_display:
        return binding.key_display
    first = binding.key.split(",")[0].strip()
    named = {"escape": t("worker.keys.escape"), "enter": t("worker.keys.enter"), "delete": t("worker.keys.delete")}
    return "+".join(named.get(part, part.capitalize()) for part in first.split("+"))


def help_markdown(app, screen: Screen) -> str:
    lines = [f"## {t('worker.help.keys_here')}"]
    lines += [f"- **{escape_inline(key)}** : {escape_inline(description)}" for key, description in screen_keys(app, screen)]
    lines += ["", t("worker.help.keys_always"), ""]
    section = getattr(screen, "help_section", None)
    if callable(section):
        lines += [section(), ""]
    lines += [t("worker.help.bilan"), "", t("worker.help.privacy"), "", t("help.body", folder=inert_line(str(app.store.data_dir)))]
    return "\n".join(lines)


class HelpText(Static):
    """Help written in Markdown, drawn as one widget.

    Textual's Markdown widget makes a widget of every paragraph and list item:
    the help (some 190 of them) took one to two seconds to open after F1.
    """

    # Rich draws `code` cyan on black whatever the theme: a black box in the light theme. Bold reads in every theme.
    STYLES = Theme({"markdown.code": "bold"})

    def __init__(self, markdown: str, *, id: str | None = None):
        super().__init__(RichMarkdown(markdown, hyperlinks=False), id=id)
        self.markdown = markdown

    def on_mount(self) -> None:
        console = self.app.console
        if not getattr(console, "_bilan_help_styles", False):
            console.push_theme(self.STYLES)
            console._bilan_help_styles = True


class HelpScreen(ModalScreen[None]):
    BINDINGS = [Binding("escape,q,question_mark,f1", "dismiss(None)", t("keys.close"))]

    def __init__(self, markdown: str):
        super().__init__()
        self.markdown = markdown

    def compose(self) -> ComposeResult:
        with VerticalScroll(classes="modal-box help-box"):
            yield HelpText(self.markdown)
            for page in HELP_PAGES:
                yield HelpText(t(page_key(page, "body")), id=f"page-{page}")
            yield HelpText(t("panel.help"), id="page-conseiller")
            yield Button(t("worker.help.extra.welcome_again"), id="welcome-again")

    def on_mount(self) -> None:
        self.query_one(VerticalScroll).focus()

    @on(Button.Pressed, "#welcome-again")
    def _welcome_again(self) -> None:
        self.dismiss(None)
        self.app.action_welcome()
