"""What the worker told bilan about themselves at first start: alias, conseiller, next appointment.

Kept as settings of the journal (never exported unless the worker exports them
on purpose). Every value read back is checked: a hand-edited journal may hold anything.
"""

from __future__ import annotations

from datetime import datetime

from journal.core.record import record
from journal.core.store import JournalStore

MAX_NAME = 80
WELCOMED = "welcomed"


@record
class Profile:
    alias: str = ""
    conseiller: str = ""
    next_appointment: datetime | None = None


def _text(value: object) -> str:
    return value.strip()[:MAX_NAME] if isinstance(value, str) else ""


def read_profile(store: JournalStore) -> Profile:
    settings = store.settings
    appointment = settings.get("next_appointment")
    when = None
    if isinstance(appointment, str):
        try:
            when = datetime.fromisoformat(appointment)
        except ValueError:
            when = None
    return Profile(_text(settings.get("alias")), _text(settings.get("conseiller")), when)


def conseiller_name(store: JournalStore) -> str:
    """The conseiller of the current bilan (from an assignment), else the name the worker wrote at first start."""
    bilan = store.bilans.current()
    return (bilan.conseiller.strip() if bilan is not None else "") or read_profile(store).conseiller


def save_profile(store: JournalStore, profile: Profile) -> None:
    store.settings.set("alias", _text(profile.alias))
    store.settings.set("conseiller", _text(profile.conseiller))
    store.settings.set("next_appointment", profile.next_appointment.isoformat(timespec="minutes") if profile.next_appointment else None)


def parse_appointment(text: str) -> datetime | None:
    """« 14/03/2026 10:00 », « 14/03/2026 », « 2026-03-14 10:00 »; None when empty; ValueError otherwise."""
    text = " ".join(text.replace("à", " ").replace("h", ":").split())
    if text.endswith(":"):
        text += "00"
    if not text:
        return None
    for pattern in ("%d/%m/%Y %H:%M", "%d/%m/%Y", "%Y-%m-%d %H:%M", "%Y-%m-%d"):
        try:
            return datetime.strptime(text, pattern)
        except ValueError:
            continue
    raise ValueError(text)


def was_welcomed(store: JournalStore) -> bool:
    return store.settings.get(WELCOMED) is True


def mark_welcomed(store: JournalStore) -> None:
    store.settings.set(WELCOMED, True)
