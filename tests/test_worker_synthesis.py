"""« Ma synthèse » pre-fills a short draft, saved at once and marked to review, never from private
answers, and in an export only once the worker has opened it."""

from __future__ import annotations

from textual.widgets import Static, TextArea

from journal.core.export import build_summary, render
from journal.core.prefill import DRAFT_LINES, short_draft
from journal.core.store import JournalStore
from journal.tui.app import BilanApp


def test_short_draft_keeps_a_few_short_lines():
    text = "\n".join(f"ligne {n} " + "x" * 200 for n in range(20))
    draft = short_draft(text).splitlines()
    assert len(draft) == DRAFT_LINES + 1 and draft[-1] == "…"
    assert all(len(line) <= 120 for line in draft)


async def test_synthesis_draft_is_saved_on_opening_marked_and_cleared_by_a_change(data_dir, catalogue):
    store = JournalStore(data_dir)
    rows = [{"competence": [{"code": None, "label": f"Compétence numéro {n}"}]} for n in range(30)]
    store.entries.save_answer("mes-competences", "inventaire", rows)
    card = catalogue.get("mes-valeurs").prompt("tri-valeurs").cards[0]
    store.entries.save_answer("mes-valeurs", "tri-valeurs", {"piles": {}, "top": [card.id], "details": {}})
    store.entries.set_private("mes-valeurs", True)
    assert "Ma synthèse" not in render(build_summary(store, catalogue), "markdown")

    app = BilanApp(store, catalogue)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        app.open_exercise(catalogue.get("ma-synthese"))
        await pilot.pause(0.3)
        entry = store.entries.get("ma-synthese")
        assert entry is not None and "forces" in entry.drafts
        forces = entry.answers["forces"]
        assert "Compétence numéro 0" in forces and "Compétence numéro 29" not in forces
        assert len(forces.splitlines()) <= DRAFT_LINES + 2
        assert "ce-qui-compte" not in entry.answers, "a private answer is never copied"
        notices = [str(widget.render()) for widget in app.screen.query(".prompt-prefilled").results(Static)]
        assert any("Brouillon à relire" in notice for notice in notices)
        assert "Ma synthèse" not in render(build_summary(store, catalogue), "markdown"), "a draft not reread is not shared"
        area = app.screen.query_one("#prompt-forces").query_one(TextArea)
        area.focus()
        await pilot.press(*" et d'autres")
        await pilot.pause()
        block = app.screen.query_one("#prompt-forces").parent
        assert not block.query(".prompt-prefilled"), "the notice goes as soon as the worker changes the draft"
        await pilot.press("escape")
        await pilot.pause()
    assert "forces" not in store.entries.get("ma-synthese").drafts
    assert "Compétence numéro 0" in render(build_summary(store, catalogue), "markdown")
    store.close()
