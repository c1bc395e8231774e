"""Textual's system commands and messages, in the worker's language.

Textual's own palette entries (Theme, Quit, Keys, Maximize, Screenshot), its
theme search and its ctrl+c hint are written in English; the app replaces them
with these. The screenshot command is left out: it writes an SVG file in the
current folder, which no worker asked for. The theme search offers bilan's
themes only (journal.tui.theme_choice).
"""

from __future__ import annotations

from collections.abc import Iterable

from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.command import CommandPalette
from textual.screen import Screen

from journal.tui.palette import BilanPalette
from journal.tui.theme_choice import BilanThemes
from journal.i18n import t


def palette_binding() -> Binding:
    """The ctrl+p binding, described in the worker's language (Textual's own says « palette »)."""
    return Binding(
        App.COMMAND_PALETTE_BINDING,
        "command_palette",
        t("worker.system.palette_key"),
        show=False,
        priority=True,
        tooltip=t("worker.system.palette_tooltip"),
    )


def system_commands(app: App, screen: Screen) -> Iterable[SystemCommand]:
    yield SystemCommand(t("worker.system.theme"), t("worker.system.theme_help"), app.action_change_theme)
    yield SystemCommand(t("worker.system.keys"), t("worker.system.keys_help"), app.action_help)
    yield SystemCommand(t("worker.system.quit"), t("worker.system.quit_help"), app.action_quit)
    if screen.maximized is not None:
        yield SystemCommand(t("worker.system.minimize"), t("worker.system.minimize_help"), screen.action_minimize)
    elif screen.focused is not None and screen.focused.allow_maximize:
        yield SystemCommand(t("worker.system.maximize"), t("worker.system.maximize_help"), screen.action_maximize)


def theme_palette() -> CommandPalette:
    return BilanPalette(providers=[BilanThemes], placeholder=t("worker.system.theme_search"))


def quit_hint(app: App) -> None:
    """What ctrl+c says: how to quit, since ctrl+c copies text in Textual."""
    for key, active in app.active_bindings.items():
        if active.binding.action in ("quit", "app.quit"):
            shown = "+".join(part.capitalize() for part in key.split("+"))
            app.notify(t("worker.system.quit_hint", key=shown), title=t("worker.system.quit_hint_title"))
            return
