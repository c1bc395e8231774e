"""A JSON export: the same content as the summary, as data other tools can read (never private items)."""

from __future__ import annotations

from journal import __version__
from journal.core.answer_view import carries_scores
from journal.core.export.front_matter import front_matter_data
from journal.core.export.summary import ExportedEntry, Summary
from journal.core.text_safety import inert_json
from journal.i18n import t


def _notices(exported: ExportedEntry) -> dict[str, str]:
    """How to read scored answers, next to them: an exploration, not a test."""
    return {answer.prompt_id: t("content.not_a_test") for answer in exported.answers if carries_scores(answer.view)}


def render_json(summary: Summary) -> str:
    document = {
        "kind": "bilan-export",
        "format": 2,
        "generator": f"bilan {__version__}",
        "created_at": summary.created_at.isoformat(),
        "summary": front_matter_data(summary),
        "status": [
            {"exercise": line.exercise.id, "status": line.status.value if line.status else "not_shared",
             "due": line.due.isoformat() if line.due else None}
            for line in summary.status
        ],
        "questions": [question.text for question in summary.questions],
        "synthesis_comments": (
            {part.title: summary.synthesis.review.comments[part.key] for part in summary.synthesis.parts
             if summary.synthesis.review.comments.get(part.key, "").strip()}
            if summary.synthesis else {}
        ),
        "entries": [
            {
                "exercise": exported.exercise.id,
                "phase": exported.exercise.phase.value,
                "instance": exported.entry.instance,
                "status": exported.entry.status.value,
                "updated_at": exported.entry.updated_at.isoformat(),
                "answers": {answer.prompt_id: answer.value for answer in exported.answers},
                "not_answered_yet": list(exported.unanswered),
                **({"notices": notices} if (notices := _notices(exported)) else {}),
            }
            for _, entries in summary.phases
            for exported in entries
        ],
        "notes": [{"created_at": created_at.isoformat(), "text": text, "mood": mood} for created_at, text, mood in summary.notes],
    }
    return inert_json(document, indent=2) + "\n"
