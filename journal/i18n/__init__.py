"""The translation catalogue: every string the worker or the conseiller reads.

``t("section.key", name=value)`` returns the text in the current language
(French by default). Texts live in ``locales/<lang>.toml`` and ``locales/<lang>/*.toml``; a key missing in
English falls back to French, and the test suite checks both files share keys.
"""

from journal.i18n.catalogue import (
    LANGUAGES,
    current_language,
    localized,
    set_language,
    t,
)

__all__ = ["LANGUAGES", "current_language", "localized", "set_language", "t"]
