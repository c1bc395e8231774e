"""Where the worker was when they last left an exercise: exercise, instance, question, cursor.

Kept as one journal setting, so that reopening bilan can offer to go back there.
Everything read back is checked (a hand-edited journal may hold anything).
"""

from __future__ import annotations

from dataclasses import dataclass

from journal.core.store import JournalStore

KEY = "last_place"


@dataclass(frozen=True, slots=True)
class Place:
    exercise_id: str
    instance: int = 1
    prompt_id: str | None = None
    cursor: tuple[int, int] | None = None


def save_place(store: JournalStore, place: Place) -> None:
    store.settings.set(
        KEY,
        {
            "exercise": place.exercise_id,
            "instance": place.instance,
            "prompt": place.prompt_id,
            "cursor": list(place.cursor) if place.cursor else None,
        },
    )


def read_place(store: JournalStore) -> Place | None:
    raw = store.settings.get(KEY)
    if not isinstance(raw, dict) or not isinstance(raw.get("exercise"), str):
        return None
    instance = raw.get("instance")
    prompt = raw.get("prompt")
    cursor = raw.get("cursor")
    valid_cursor = (
        isinstance(cursor, list)
        and len(cursor) == 2
        and all(isinstance(part, int) and not isinstance(part, bool) and 0 <= part < 1_000_000 for part in cursor)
    )
    return Place(
        raw["exercise"],
        instance if isinstance(instance, int) and not isinstance(instance, bool) and instance >= 1 else 1,
        prompt if isinstance(prompt, str) else None,
        (cursor[0], cursor[1]) if valid_cursor else None,
    )
