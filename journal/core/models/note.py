"""A free, dated note the worker writes outside of any exercise (and the row an export holds of it)."""

from __future__ import annotations

from datetime import datetime

from journal.core.record import record


@record
class Note:
    id: int
    text: str
    created_at: datetime
    private: bool = False
    mood: str | None = None
    updated_at: datetime | None = None

    @property
    def tags(self) -> tuple[str, ...]:
        """The ``#mots`` written in the text, lower-cased, in order of first use."""
        from journal.core.note_tags import tags_in

        return tags_in(self.text)


SharedNote = tuple[datetime, str, "str | None"]
"""A note as an export holds it: when it was written (local time), its text, its mood (None when left out)."""
