"""Help pages an exercise may show next to its questions (e.g. « Prendre soin de soi »).

A page's title and body are translations under ``pages.<id>.title`` and
``pages.<id>.body``; the help screen shows every page, and an exercise lists the
ones it shows with ``pages = ["…"]``.
"""

from __future__ import annotations

HELP_PAGES = ("prendre-soin-de-soi",)


def page_key(page_id: str, part: str) -> str:
    """The translation key of one part (``title`` or ``body``) of a help page."""
    return f"pages.{page_id}.{part}"
