"""The YAML front matter that opens a Markdown summary (read by ``bilan review``, pandoc, Obsidian).

Written and read with PyYAML (``safe_dump`` / ``safe_load``): quoting every
hostile string correctly is a YAML library's job, not ours. Keys (format 1):
``bilan_summary``, ``exported_at``, ``alias``, ``conseiller``, ``dossier``,
``sequence``, ``period`` (``from``/``to``), ``exercises``.
"""

from __future__ import annotations

from typing import Any

import yaml

from journal.core.export.summary import Summary

FRONT_MATTER_VERSION = 1


def front_matter_data(summary: Summary) -> dict[str, Any]:
    return {
        "bilan_summary": FRONT_MATTER_VERSION,
        "exported_at": summary.created_at.isoformat(),
        "alias": summary.alias,
        "conseiller": summary.conseiller,
        "dossier": summary.dossier,
        "sequence": summary.sequence,
        "period": {
            "from": summary.period_from.isoformat() if summary.period_from else None,
            "to": summary.period_to.isoformat(),
        },
        "exercises": summary.exercise_ids,
    }


def front_matter(summary: Summary) -> str:
    body = yaml.safe_dump(front_matter_data(summary), allow_unicode=True, sort_keys=False, default_flow_style=False)
    return f"---\n{body}---\n"


def read_front_matter(text: str) -> dict[str, Any] | None:
    """The front matter of a summary, or None when the text does not open with one."""
    if not text.startswith("---\n"):
        return None
    end = text.find("\n---\n", 4)
    if end < 0:
        return None
    data = yaml.safe_load(text[4:end + 1])
    return data if isinstance(data, dict) else None
