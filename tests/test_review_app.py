"""The review viewer as a conseiller uses it: dossiers, superseded summaries, changes, search, leaving."""

from __future__ import annotations

import pytest
from pyrage import x25519
from textual.widgets import Markdown

from journal.core.review import Refusal, group_by_dossier, read_summary, summary_paths
from journal.core.sharing import encrypt_summary
from journal.i18n import set_language
from journal.tui.review import ReviewApp
from journal.tui.review.caseload_tree import SummaryChoice
from tests.summary_factory import summary_text, three_dossiers


def caseload(folder, identities=None):
    three_dossiers(folder)
    paths, _ = summary_paths([folder])
    return group_by_dossier([read_summary(path, identities) for path in paths])


async def search_for(app, pilot, text: str) -> None:
    app.query_one("#search-input").value = text
    await pilot.pause()


def shown_text(app) -> str:
    return app.query_one("#summary-text", Markdown).source


async def test_the_caseload_is_grouped_and_the_newest_summary_shown_first(tmp_path):
    app = ReviewApp(caseload(tmp_path), [])
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        tree = app.query_one("#caseload")
        labels = [str(node.label) for node in tree.root.children]
        assert labels == ["Camille · D-2026-014", "Julien · D-2026-021", "Nadia · D-2026-007"]
        camille = [str(node.label) for node in tree.root.children[0].children]
        assert camille == ["n° 2 · 14/03/2026", "n° 1 · 20/02/2026 · remplacé"]
        assert "Mes pistes" in shown_text(app)
        await pilot.press("down", "down")
        await pilot.pause()
        assert "Mes pistes" not in shown_text(app)
        header = str(app.query_one("#summary-header").render())
        assert "remplacée par le document n° 2" in header


async def test_what_changed_since_the_previous_summary(tmp_path):
    app = ReviewApp(caseload(tmp_path), [])
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("c")
        await pilot.pause()
        text = shown_text(app)
        assert "Ce qui a changé" in text and "Par rapport au document n° 1" in text
        assert "+ **Ce qui compte le plus** : l'autonomie, la transmission, l'équipe." in text
        await pilot.press("c")
        await pilot.pause()
        assert shown_text(app).startswith("\n# Mon bilan") or "# Mon bilan" in shown_text(app)


async def test_search_goes_to_next_and_previous_matches(tmp_path):
    app = ReviewApp(caseload(tmp_path), [])
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("ctrl+f")
        await pilot.press(*"autonomie")
        await pilot.pause()
        count = str(app.query_one("#search-count").render())
        assert count.startswith("1/1")
        await pilot.press("escape")
        await pilot.press("ctrl+f")
        await search_for(app, pilot, "formatrice")
        await pilot.pause()
        assert str(app.query_one("#search-count").render()).startswith("1/1")
        marked = app.query(".search-match")
        assert len(marked) == 1 and "Formatrice" in str(marked.first().render())
        await search_for(app, pilot, "mes")
        await pilot.pause()
        total = int(str(app.query_one("#search-count").render()).split("/")[1].split(" ")[0])
        assert total >= 3
        await pilot.press("enter")
        assert str(app.query_one("#search-count").render()).startswith("2/")
        await pilot.press("up", "up")
        assert str(app.query_one("#search-count").render()).startswith(f"{total}/")
        await search_for(app, pilot, "introuvable-xyz")
        await pilot.pause()
        assert "Introuvable" in str(app.query_one("#search-count").render())


async def test_escape_closes_search_then_returns_to_the_list_then_quits(tmp_path):
    app = ReviewApp(caseload(tmp_path), [])
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("down", "enter")
        await pilot.pause()
        assert app.focused.id == "summary-scroll"
        await pilot.press("ctrl+f")
        assert app.focused.id == "search-input"
        await pilot.press("escape")
        assert not app.query_one("#search-bar").display
        assert app.focused.id == "summary-scroll"
        await pilot.press("escape")
        assert app.focused.id == "caseload"
        await pilot.press("escape")
        await pilot.pause()
    assert app.return_code == 0


async def test_the_mouse_chooses_a_summary(tmp_path):
    app = ReviewApp(caseload(tmp_path), [])
    async with app.run_test(size=(120, 40)) as pilot:
        tree = app.query_one("#caseload")
        julien = tree.root.children[1]
        await pilot.click("#caseload", offset=(4, julien.line))
        await pilot.pause()
        assert isinstance(app.choice, SummaryChoice) and app.choice.summary.header.alias == "Julien"
        assert "changer de métier" in shown_text(app)


async def test_refused_files_are_listed_with_their_reason(tmp_path):
    dump = tmp_path / "copie.md"
    dump.write_text('{"kind": "bilan-dump", "format": 1}')
    reason = "copie.md est une copie complète"
    app = ReviewApp(caseload(tmp_path / "c"), [Refusal(dump, reason)])
    async with app.run_test(size=(80, 24)) as pilot:
        tree = app.query_one("#caseload")
        assert str(tree.root.children[-1].label) == "Fichiers non ouverts (1)"
        tree.move_cursor(tree.root.children[-1].children[0])
        await pilot.pause()
        assert reason in shown_text(app)


async def test_screenshots_are_refused(tmp_path):
    app = ReviewApp(caseload(tmp_path), [])
    async with app.run_test(size=(80, 24)) as pilot:
        with pytest.raises(PermissionError):
            app.save_screenshot(path=str(tmp_path))
        app.action_screenshot()
        await pilot.pause()
    assert not list(tmp_path.glob("*.svg"))


async def test_in_english(tmp_path):
    set_language("en")
    app = ReviewApp(caseload(tmp_path), [])
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("down", "down")
        await pilot.pause()
        assert "superseded by summary no. 2" in str(app.query_one("#summary-header").render())


async def test_encrypted_summaries_are_shown_as_such(tmp_path):
    secret = x25519.Identity.generate()
    path = tmp_path / "lea.md.age"
    path.write_bytes(encrypt_summary(summary_text(alias="Léa", dossier="D-9"), str(secret.to_public())))
    dossiers = group_by_dossier([read_summary(path, (secret,))])
    app = ReviewApp(dossiers, [])
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        leaf = app.query_one("#caseload").root.children[0].children[0]
        assert str(leaf.label).endswith("· chiffré")
        assert "Mes valeurs" in shown_text(app)


async def test_f1_and_question_mark_open_the_viewers_help(tmp_path):
    from journal.tui.review.help_screen import ReviewHelp

    app = ReviewApp(caseload(tmp_path), [])
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        for key in ("f1", "question_mark"):
            await pilot.press(key)
            await pilot.pause()
            assert isinstance(app.screen, ReviewHelp)
            assert "Ctrl+F" in app.screen.query_one("HelpText").markdown
            await pilot.press("escape")
            await pilot.pause()
            assert not isinstance(app.screen, ReviewHelp) and app.is_running
