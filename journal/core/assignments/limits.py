"""Bounds on what an assignment file may hold: a file beyond them is refused, never half-read."""

import re

MAX_FILE_BYTES = 1_000_000
MAX_NAME = 120
MAX_FILE_NAME = 200
MAX_MESSAGE = 4_000
MAX_SYNTHESIS = 100_000
MAX_CUSTOM_SOURCE = 200_000
MAX_EXERCISES = 60
MAX_CUSTOM = 20
MAX_SEQUENCE = 1_000_000
MAX_WINDOW_DAYS = 366
DOSSIER = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$")
AGE_PUBLIC_KEY = re.compile(r"^age1[02-9ac-hj-np-z]{58}$")
# In a name or a file name, characters that read as markup (Rich, HTML, templates) are refused.
MARKUP_CHARACTERS = frozenset("[]<>{}")
