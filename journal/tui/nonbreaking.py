"""Non-breaking spaces stay non-breaking when Textual wraps text.

French typography puts a non-breaking space before « : ; ? ! » and inside « ».
Textual 8.2.8 (pinned) wraps labels with Rich's ``divide_line`` and text areas
with its own ``compute_wrap_offsets``; both cut lines at any whitespace,
non-breaking ones included, so « Préliminaire » could end a line on a lone « ».
This replaces the patterns both use to find words with ones that keep U+00A0,
U+202F and U+2007 inside a word. Checked by tests/test_worker_nonbreaking.py.
"""

from __future__ import annotations

import re

from rich import _wrap as rich_wrap
from textual import _wrap

_KEEP = "\u00a0\u202f\u2007"
_SPACE = rf"[^\S{_KEEP}]"
_WORD = rf"(?:\S|[{_KEEP}])+"
WORD_CHUNK = re.compile(rf"{_WORD}{_SPACE}*|{_SPACE}+")
RICH_WORD = re.compile(rf"{_SPACE}*{_WORD}{_SPACE}*")


def keep_non_breaking_spaces() -> None:
    _wrap.re_chunk = WORD_CHUNK
    rich_wrap.re_word = RICH_WORD
