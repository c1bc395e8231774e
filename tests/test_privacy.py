"""Per-question privacy: a private answer never leaves the machine, in any format, nor through a pre-fill."""

from __future__ import annotations

import json

import pytest

from journal.core.export import build_summary, render
from journal.core.prefill import prefill_value
from journal.core.store import JournalStore
from journal.tui.app import BilanApp
from journal.tui.screens.exercise import ExerciseScreen
from journal.tui.widgets.privacy_marker import PrivacyMarker

SECRET = "Salaire voulu : 3 400 € net"
SHARED = "Travailler près de chez moi"


def motivations(store):
    store.entries.save_answer("mes-motivations", "lieu", SHARED)
    store.entries.save_answer("mes-motivations", "remuneration", SECRET)


@pytest.mark.parametrize("fmt", ["markdown", "html", "json"])
def test_a_private_answer_is_in_no_export_format(store, catalogue, fmt):
    motivations(store)
    store.entries.set_prompt_private("mes-motivations", "remuneration", True)
    text = render(build_summary(store, catalogue), fmt)
    assert SHARED in text
    assert "3 400" not in text
    if fmt == "json":
        entry = next(e for e in json.loads(text)["entries"] if e["exercise"] == "mes-motivations")
        assert "remuneration" not in entry["answers"]


def test_sharing_it_again_puts_it_back(store, catalogue):
    motivations(store)
    store.entries.set_prompt_private("mes-motivations", "remuneration", True)
    store.entries.set_prompt_private("mes-motivations", "remuneration", False)
    assert SECRET in render(build_summary(store, catalogue), "markdown")


def test_exports_never_say_how_much_was_left_out(store, catalogue):
    motivations(store)
    store.entries.set_prompt_private("mes-motivations", "remuneration", True)
    store.notes.add("note privée", private=True)
    store.entries.set_private("ma-demande", True)
    for fmt in ("markdown", "html", "json"):
        text = render(build_summary(store, catalogue), fmt).casefold()
        assert "privé" not in text and "private" not in text and "left out" not in text


def test_entourage_answers_are_private_until_the_worker_shares_them(store, catalogue):
    """The message promises « Je garderai tes réponses pour moi »: the app keeps that promise."""
    store.entries.save_answer("avis-entourage", "reponses", [{"personne": "Léa", "forces": "Elle dit que j'écoute bien"}])
    store.entries.save_answer("avis-entourage", "a-garder", "Ce que je retiens")
    text = render(build_summary(store, catalogue), "markdown")
    assert "Ce que je retiens" in text and "écoute bien" not in text and "Léa" not in text
    store.entries.set_prompt_private("avis-entourage", "reponses", False)
    assert "écoute bien" in render(build_summary(store, catalogue), "markdown")


def test_a_private_answer_is_never_copied_by_a_pre_fill(store, catalogue):
    prompt = next(
        prompt for exercise in catalogue.exercises for prompt in exercise.prompts if "mes-pistes/pistes" in prompt.prefill
    )
    secret = [{"code": None, "label": "Mon secret à moi"}]
    store.entries.save_answer("mes-pistes", "pistes", [{"piste": secret}])
    assert "Mon secret à moi" in str(prefill_value(prompt, catalogue, store))
    store.entries.set_prompt_private("mes-pistes", "pistes", True)
    assert "Mon secret à moi" not in str(prefill_value(prompt, catalogue, store))


def test_malformed_privacy_records_fall_back_to_the_defaults(data_dir):
    with JournalStore(data_dir) as store:
        store.entries.save_answer("mes-motivations", "lieu", "x")
        store.entries._journal.table("entries").update({"prompt_privacy": ["remuneration"]})
        assert store.entries.get("mes-motivations").prompt_privacy == {}
        store.entries._journal.table("entries").update({"prompt_privacy": {"remuneration": "yes", "lieu": True}})
        assert store.entries.get("mes-motivations").prompt_privacy == {"lieu": True}


async def open_motivations(pilot):
    app = pilot.app
    app.open_exercise(app.catalogue.get("mes-motivations"))
    await pilot.pause()
    assert isinstance(app.screen, ExerciseScreen)
    return app.screen


async def test_f3_and_a_click_mark_the_question_private_with_a_visible_marker(data_dir, catalogue):
    store = JournalStore(data_dir)
    motivations(store)
    app = BilanApp(store, catalogue)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        screen = await open_motivations(pilot)
        remuneration = screen.query_one("#prompt-remuneration")
        next(widget for widget in remuneration.query("*") if widget.focusable).focus()
        await pilot.press("f3")
        await pilot.pause()
        marker = next(m for m in screen.query(PrivacyMarker) if m.prompt_id == "remuneration")
        assert "⊘ Privée" in str(marker.render())
        assert store.entries.get("mes-motivations").is_private(remuneration.spec)
        # The export preview shows exactly what would leave: not this answer.
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("e")
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        preview = app.screen.query_one("#preview")
        assert SHARED in preview.source and "3 400" not in preview.source
        await pilot.press("escape")
        await pilot.pause()
        screen = await open_motivations(pilot)
        marker = next(m for m in screen.query(PrivacyMarker) if m.prompt_id == "remuneration")
        assert marker.private
        marker.scroll_visible(animate=False)
        await pilot.pause()
        await pilot.click(marker)
        await pilot.pause()
        assert not marker.private and "⊘" not in str(marker.render())
        assert not store.entries.get("mes-motivations").is_private(remuneration.spec)
    store.close()


async def test_home_marks_private_exercises_with_a_glyph_and_a_word(data_dir, catalogue):
    store = JournalStore(data_dir)
    store.entries.save_answer("ma-demande", "pourquoi-maintenant", "x")
    store.entries.set_private("ma-demande", True)
    app = BilanApp(store, catalogue)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        options = app.screen.query_one("#exercise-list")
        rows = [str(options.get_option_at_index(i).prompt) for i in range(options.option_count)]
        assert any("Ma demande" in row and "⊘ privé" in row for row in rows)
        assert not any("Mon parcours" in row and "privé" in row for row in rows)
    store.close()
