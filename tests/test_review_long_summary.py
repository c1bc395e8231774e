"""A long summary is drawn in two steps: its beginning at once, then the whole text (journal.tui.review.summary_pane)."""

from __future__ import annotations

from textual.widgets import Markdown
from textual.widgets.markdown import MarkdownBlock

from journal.core.review import group_by_dossier, read_summary
from journal.tui.review import ReviewApp
from journal.tui.review.summary_pane import HEAD_CHARS, beginning
from tests.summary_factory import summary_text


def test_the_beginning_ends_on_a_blank_line_outside_code():
    text = "# Titre\n\nPremier paragraphe.\n\n## Partie\n\n" + "Une ligne de texte.\n\n" * 50
    head = beginning(text, 200)
    assert head is not None and text.startswith(head) and len(head) <= 200
    assert text[len(head) : len(head) + 2] == "\n\n"
    assert beginning("Court.\n\nTexte.", 200) is None  # short: shown at once
    assert beginning("x" * 500, 200) is None  # no place to cut
    fenced = "Avant.\n\n```\ncode\n\ncode\n" + "suite\n\n" * 60
    assert beginning(fenced, 40) is None  # the cut would fall inside a code block


async def test_a_long_summary_ends_up_whole_on_screen(tmp_path):
    parts = {f"Partie {number}": f"Paragraphe {number} : " + "des mots du bilan. " * 30 for number in range(80)}
    path = tmp_path / "long.md"
    path.write_text(summary_text(sections=parts), encoding="utf-8")
    summary = read_summary(path, None)
    assert len(summary.body) > 3 * HEAD_CHARS
    app = ReviewApp(group_by_dossier([summary]), [])
    async with app.run_test(size=(120, 40)) as pilot:
        for _ in range(40):
            await pilot.pause(0.05)
            shown = app.query_one("#summary-text", Markdown)
            if shown.source == summary.body and any("Partie 79" in str(block._content) for block in shown.query(MarkdownBlock)):
                break
        assert shown.source == summary.body
        headings = [str(block._content) for block in shown.query(MarkdownBlock) if str(block._content).startswith("Partie ")]
        assert headings[0] == "Partie 0" and headings[-1] == "Partie 79" and len(headings) == 80
