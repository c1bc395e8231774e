"""Waiting for the keys read just before Ctrl+Q to reach the answer, before quitting saves it.

Ctrl+Q is a priority binding (so that it works in every dialog): the app runs
it as soon as it reads it. Keys read in the same instant — a burst of typing
while the app was busy, a terminal delivering several keys in one read — are
then still in the focused field's queue, and their changes have yet to travel
up to the screen that saves them: quitting at once saved the text without
them. ``let_keys_land`` waits, for a bounded time, until the focused widget
and each of its ancestors up to the screen have nothing left to process.
"""

from __future__ import annotations

import asyncio
import time

from textual.screen import Screen

# Long enough for a few keys and the changes they send up; short enough that a stuck queue never holds the
# quit for long (it then saves what has arrived, as before).
LIMIT_SECONDS = 0.5
QUIET_CHECKS = 3


def _busy(screen: Screen) -> bool:
    node = screen.focused
    while node is not None:
        # Textual 8.2.8 (pinned): a message pump's queue of messages it has not handled yet.
        if not node._message_queue.empty():
            return True
        if node is screen:
            return False
        node = node._parent
    return not screen._message_queue.empty()


async def let_keys_land(screen: Screen) -> None:
    """Return once the focused field and its ancestors up to ``screen`` have been idle a moment (at most 0.5 s)."""
    deadline = time.monotonic() + LIMIT_SECONDS
    quiet = 0
    while quiet < QUIET_CHECKS and time.monotonic() < deadline:
        quiet = 0 if _busy(screen) else quiet + 1
        await asyncio.sleep(0.002)
