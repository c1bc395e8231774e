"""Reading summaries as a conseiller: files found, read (decrypted in memory), grouped by dossier.

- ``collecting``: the files named and the summaries inside the folders named;
- ``reading``: one file, bounded, decrypted in memory, or refused in one line;
- ``front_matter``: the YAML header, type-checked;
- ``caseload``: summaries grouped by dossier, newest first, older ones superseded;
- ``changes`` / ``changes_markdown``: what changed since the previous summary of a dossier;
- ``search``: the lines that hold a word.

No Textual here, and nothing is ever written.
"""

from journal.core.review.caseload import Dossier, group_by_dossier
from journal.core.review.collecting import summary_paths
from journal.core.review.document import Refusal, SummaryDocument
from journal.core.review.reading import ReviewRefused, read_summary

__all__ = [
    "Dossier",
    "Refusal",
    "ReviewRefused",
    "SummaryDocument",
    "group_by_dossier",
    "read_summary",
    "summary_paths",
]
