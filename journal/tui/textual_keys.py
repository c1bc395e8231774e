"""The keys Textual's own widgets show in the footer, described in the worker's language.

Textual 8.2.8 (pinned) describes them in English: while a ``Select``'s list is
open the footer said « esc Dismiss menu »; the command palette's Échap is
« Exit the command palette ». ``translate_textual_keys`` gives these classes the
same bindings described from the translation catalogue, once, as the app is
imported (the language is chosen by then, as for every ``BINDINGS`` of bilan's).
Their subclasses merged their bindings when they were defined: they merge them
again. tests/test_worker_system_strings.py walks every Textual class the app
loads and checks that no key it shows is described in English.
"""

from __future__ import annotations

from dataclasses import replace

from textual.binding import Binding
from textual.command import CommandPalette
from textual.dom import DOMNode
from textual.widgets._select import SelectOverlay

from journal.i18n import t

# For each class, the action of a key shown in the footer and the message that describes it.
SHOWN_KEYS: dict[type[DOMNode], dict[str, str]] = {
    SelectOverlay: {"dismiss": "worker.system.close_list"},
    CommandPalette: {"escape": "keys.close"},
}


def translate_textual_keys() -> None:
    for cls, messages in SHOWN_KEYS.items():
        bindings = [Binding(*binding) if isinstance(binding, tuple) else binding for binding in cls.__dict__["BINDINGS"]]
        cls.BINDINGS = [
            replace(binding, description=t(messages[binding.action])) if binding.action in messages else binding
            for binding in bindings
        ]
        _merge_again(cls)


def _merge_again(cls: type[DOMNode]) -> None:
    cls._merged_bindings = cls._merge_bindings()
    for subclass in cls.__subclasses__():
        _merge_again(subclass)
