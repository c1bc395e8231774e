"""Pickers that forgive: word starts first, then containing, then close spellings (rapidfuzz)."""

from __future__ import annotations

from textual.widgets import Input, OptionList

from journal.core.reference_data import search


def labels(source, query, limit=5):
    return [ref.label for ref in search(source, query, limit)]


def test_word_starts_come_first_and_typos_are_forgiven():
    assert labels("rome", "aide soig")[0] == "Aide-soignant / Aide-soignante"
    assert labels("rome", "aide soignat")[0] == "Aide-soignant / Aide-soignante"
    assert labels("rome", "AIDE SOIGNANTE")[0] == "Aide-soignant / Aide-soignante"
    assert labels("rome", "boulangr")[0] == "Boulanger / Boulangère"
    assert "Educateur spécialisé / Educatrice spécialisée" in labels("rome", "educatuer specialise")
    assert labels("esco", "travail equipe")[0] == "travailler en équipe"
    assert labels("rome", "xyzzy") == []
    assert len(search("rome", "a" * 5000)) <= 30


async def test_pick_editor_offers_the_right_title_for_a_typo_with_its_sector(data_dir, catalogue):
    from journal.core.store import JournalStore
    from journal.tui.app import BilanApp
    from journal.tui.widgets.editors.pick import PickEditor

    store = JournalStore(data_dir)
    exercise = next(e for e in catalogue.exercises if any(p.kind.value == "pick" and (p.source or "rome") == "rome" for p in e.prompts))
    app = BilanApp(store, catalogue)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        app.open_exercise(exercise)
        await pilot.pause()
        editor = next(e for e in app.screen.query(PickEditor) if e.source == "rome")
        editor.query_one(Input).focus()
        await pilot.press(*"aide soignat")
        await pilot.pause()
        matches = editor.query_one(OptionList)
        first = str(matches.get_option_at_index(0).prompt)
        assert first.startswith("Aide-soignant / Aide-soignante · J1501") and "·" in first.split("J1501", 1)[1]
    store.close()
