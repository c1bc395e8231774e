"""``bilan review``: the conseiller's read-only viewer of the summaries received (Textual).

``ReviewApp`` puts the caseload list (``caseload_tree``) beside the text
(``summary_pane``), with search (``search_bar``). The files were read and
decrypted by ``journal.core.review`` before the app starts; the app only shows.
"""

from journal.tui.review.app import ReviewApp

__all__ = ["ReviewApp"]
