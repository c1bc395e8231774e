"""bilan's argument parsers: the terminal's width is looked up when help is written, not for every option.

argparse makes a help formatter for each option it is given, only to check the
option, and each formatter asks ``shutil`` for the terminal's width (importing
``shutil``, ``bz2`` and ``lzma`` at every start: a thirtieth of a ``bilan note``).
The width matters only when help or usage is laid out, which argparse does in
``format_help``: it is asked there, exactly as argparse asks it.
"""

from __future__ import annotations

import argparse


class LazyWidthHelpFormatter(argparse.HelpFormatter):
    def __init__(self, prog: str, indent_increment: int = 2, max_help_position: int = 24, width: int | None = None):
        self._asked = (indent_increment, max_help_position, width)
        super().__init__(prog, indent_increment, max_help_position, width=80 if width is None else width)

    def format_help(self) -> str:
        indent_increment, max_help_position, width = self._asked
        if width is None:
            import shutil

            width = shutil.get_terminal_size().columns - 2  # argparse.HelpFormatter's own reckoning
            self._width = width
            self._max_help_position = min(max_help_position, max(width - 20, indent_increment * 2))
        return super().format_help()


class Parser(argparse.ArgumentParser):
    """An ArgumentParser with the lazy formatter; its sub-command parsers are Parsers too (argparse's default)."""

    def __init__(self, *args, formatter_class: type[argparse.HelpFormatter] = LazyWidthHelpFormatter, **kwargs):
        super().__init__(*args, formatter_class=formatter_class, **kwargs)
