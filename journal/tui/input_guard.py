"""Bytes from the terminal that are not UTF-8 (a pasted binary, a terminal in another encoding) never stop the app.

Textual's Linux driver decodes its input strictly: one invalid byte raises in
the input thread and ends the app (issue 8: pasting a raw 0x9b byte).
``install_input_guard`` makes that decoder replace invalid bytes with U+FFFD,
which the editors then show as « � ».
"""

from __future__ import annotations

import codecs
import functools

_installed = False


def _replacing_decoder(encoding: str):
    return functools.partial(codecs.getincrementaldecoder(encoding), errors="replace")


def install_input_guard() -> None:
    """Have the terminal driver decode its input with replacement instead of failing (once)."""
    global _installed
    if _installed:
        return
    try:
        from textual.drivers import linux_driver
    except ImportError:  # not a POSIX system: another driver, which decodes its own way
        return
    linux_driver.getincrementaldecoder = _replacing_decoder
    _installed = True
