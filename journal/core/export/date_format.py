"""Dates written into a document in the language's format (``formats.date``, ``formats.datetime``), cheaply.

An export of a journal of years writes one date per note: ``strftime`` costs a
few microseconds each time. A format made only of numeric directives (day,
month, four-digit year, hours, minutes, seconds) is turned once into a
``%``-template that gives the same text; any other format, or a year
``strftime`` writes differently from one platform to the next (before 1000),
goes through ``strftime`` as before.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from datetime import date
from operator import attrgetter, methodcaller

# directive → (attribute, how strftime writes it); %Y only for years of four digits, see ``_formatter``.
_NUMERIC = {"d": ("day", "%02d"), "m": ("month", "%02d"), "Y": ("year", "%d"), "H": ("hour", "%02d"), "M": ("minute", "%02d"), "S": ("second", "%02d")}
_DIRECTIVE = re.compile(r"%(.?)", re.DOTALL)


@functools.lru_cache(maxsize=16)
def date_formatter(pattern: str) -> Callable[[date], str]:
    """A function writing a date or datetime as ``moment.strftime(pattern)`` does."""
    template: list[str] = []
    fields: list[str] = []
    position = 0
    for directive in _DIRECTIVE.finditer(pattern):
        template.append(pattern[position:directive.start()])  # text between directives holds no %
        position = directive.end()
        code = directive.group(1)
        if code == "%":
            template.append("%%")
        elif code in _NUMERIC:
            field, written = _NUMERIC[code]
            fields.append(field)
            template.append(written)
        else:
            return methodcaller("strftime", pattern)
    template.append(pattern[position:])
    return _formatter(pattern, "".join(template), tuple(fields))


def _formatter(pattern: str, template: str, fields: tuple[str, ...]) -> Callable[[date], str]:
    if not fields:
        return methodcaller("strftime", pattern)
    values = attrgetter(*fields)  # one field: its value alone, which ``%`` takes as well

    def write(moment: date) -> str:
        if moment.year < 1000:  # strftime's %Y is not padded the same way everywhere
            return moment.strftime(pattern)
        try:
            return template % values(moment)
        except AttributeError:  # a date given to a format with hours: strftime writes them as zeros
            return moment.strftime(pattern)

    return write
