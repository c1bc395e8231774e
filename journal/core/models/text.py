"""A text written in French and English, shown in the current language."""

from __future__ import annotations


from journal.core.record import record
from journal.i18n import current_language


@record
class LocalText:
    fr: str
    en: str

    def __str__(self) -> str:
        return self.in_language(current_language())

    def in_language(self, lang: str) -> str:
        """The text in ``lang``, or in the other language when it was written in one only."""
        if lang == "en":
            return self.en or self.fr
        return self.fr or self.en

    @classmethod
    def empty(cls) -> "LocalText":
        return cls("", "")

    def __bool__(self) -> bool:
        return bool(self.fr or self.en)
