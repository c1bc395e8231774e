"""The themes the palette's « Thème » offers: bilan's own only.

Textual's ThemeProvider lists every registered theme, some twenty developer
themes (dracula, gruvbox, …) beside bilan's; those were neither checked for
contrast nor translated. They stay registered (Textual's own code names some,
« textual-dark » for one): they are only not offered.
"""

from __future__ import annotations

from textual.theme import ThemeProvider

from journal.tui.themes import load_themes


class BilanThemes(ThemeProvider):
    @property
    def commands(self):
        ours = {theme.name for theme in load_themes()}
        return [(name, choose) for name, choose in super().commands if name in ours]
