"""Opening a screen with its key, as the worker does, and checking it is the one on top."""

from __future__ import annotations

from typing import TypeVar

ScreenKind = TypeVar("ScreenKind")


async def open_by_key(pilot, key: str, kind: type[ScreenKind]) -> ScreenKind:
    await pilot.pause()
    await pilot.press(key)
    await pilot.pause()
    assert isinstance(pilot.app.screen, kind)
    return pilot.app.screen
