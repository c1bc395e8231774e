"""Python's TOML parser refusals in the interface language, with their place in the file.

``tomllib`` explains in English (« Expected '=' after a key in a key/value pair
(at line 3, column 5) »). A conseiller checking an exercise file reads the same
reason in French; a refusal not listed here keeps the parser's words, so no
detail is ever lost.
"""

from __future__ import annotations

import re
import tomllib

from journal.core.text_safety import inert_line
from journal.i18n import t

_PLACE = re.compile(r"\s*\(at (?:line (\d+), column (\d+)|end of document)\)$")

# The parser's message (its start, before any quoted detail) → the catalogue key of its explanation.
_REASONS = (
    ("Invalid statement", "toml_errors.invalid_statement"),
    ("Expected newline or end of document after a statement", "toml_errors.one_statement_per_line"),
    ("Expected '=' after a key", "toml_errors.expected_equals"),
    ("Expected ']' at the end of a table declaration", "toml_errors.unclosed_table_name"),
    ("Expected ']]' at the end of an array declaration", "toml_errors.unclosed_table_name"),
    ("Invalid initial character for a key part", "toml_errors.bad_key"),
    ("Cannot declare", "toml_errors.declared_twice"),
    ("Cannot overwrite a value", "toml_errors.declared_twice"),
    ("Duplicate inline table key", "toml_errors.declared_twice"),
    ("Cannot redefine namespace", "toml_errors.declared_twice"),
    ("Cannot mutate immutable namespace", "toml_errors.declared_twice"),
    ("Unclosed array", "toml_errors.unclosed_array"),
    ("Unclosed inline table", "toml_errors.unclosed_inline_table"),
    ("Unterminated string", "toml_errors.unterminated_string"),
    ("Unescaped '\\' in a string", "toml_errors.backslash"),
    ("Invalid hex value", "toml_errors.backslash"),
    ("Escaped character is not a Unicode scalar value", "toml_errors.backslash"),
    ("Illegal character", "toml_errors.illegal_character"),
    ("Found invalid character", "toml_errors.illegal_character"),
    ("Invalid date or datetime", "toml_errors.bad_date"),
    ("Invalid value", "toml_errors.invalid_value"),
    ("Expected", "toml_errors.expected"),
)


def toml_place(error: tomllib.TOMLDecodeError) -> str:
    """« ligne 3, colonne 5 », « fin du fichier », or « fichier » when the parser gives no place."""
    match = _PLACE.search(str(error))
    if match is None:
        return t("validation.whole_file")
    if match.group(1) is None:
        return t("toml_errors.end_of_file")
    return t("validation.line", line=match.group(1), column=match.group(2))


def toml_reason(error: tomllib.TOMLDecodeError) -> str:
    """What is wrong, in the interface language (the parser's own words when it is a refusal not listed)."""
    message = _PLACE.sub("", str(error))
    for start, key in _REASONS:
        if message.startswith(start):
            return t(key)
    return inert_line(message)


def toml_refusal(error: tomllib.TOMLDecodeError) -> str:
    """Reason and place in one phrase, for a message with no separate place."""
    return t("toml_errors.at", reason=toml_reason(error), place=toml_place(error))
