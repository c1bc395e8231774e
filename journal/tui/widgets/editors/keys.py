"""Key bindings of the editors, described in the worker's language.

Widgets declare ``BINDINGS`` whose descriptions (and key displays) may be translation keys
(``"editor.ranking.move_up"``); ``translate_bindings`` swaps them for the text
in the current language when the widget is built, so the footer follows a
language switch made after import. ``add_binding`` gives one widget a key of
its own (e.g. one key per pile, named after the pile).
"""

from __future__ import annotations

from dataclasses import replace

from textual.binding import Binding
from textual.dom import DOMNode

from journal.i18n import t

TRANSLATION_PREFIX = "editor."


def translate_bindings(node: DOMNode) -> None:
    """Replace the translation keys in ``node``'s binding descriptions by their text."""
    bindings = node._bindings.key_to_bindings
    for key, key_bindings in list(bindings.items()):
        # The lists are shared with the class: build new ones, never mutate.
        bindings[key] = [_translated(binding) for binding in key_bindings]


def _translated(binding: Binding) -> Binding:
    changes = {}
    if binding.description.startswith(TRANSLATION_PREFIX):
        changes["description"] = t(binding.description)
    if binding.key_display and binding.key_display.startswith(TRANSLATION_PREFIX):
        changes["key_display"] = t(binding.key_display)
    if binding.group is not None and binding.group.description.startswith(TRANSLATION_PREFIX):
        changes["group"] = replace(binding.group, description=t(binding.group.description))
    return replace(binding, **changes) if changes else binding


def add_binding(node: DOMNode, binding: Binding) -> None:
    """Give ``node`` (only this instance) one more binding."""
    bindings = node._bindings.key_to_bindings
    bindings[binding.key] = [*bindings.get(binding.key, []), binding]
