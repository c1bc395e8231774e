"""The Markdown export: structure by phase, notes by date, worker text never breaks it."""

from __future__ import annotations

from markdown_it import MarkdownIt

from journal.core.catalogue import Catalogue, validate_file
from journal.core.export import build_summary, render
from journal.core.export.markdown_escape import escape_block
from journal.core.models import EntryStatus
from tests.test_catalogue import GOOD, write

HOSTILE = [
    "# titre",
    "## Phase 9 — Piratage",
    "```\ncode\n```",
    "<script>alert('x')</script>",
    "[lien](http://example.org)",
    "![image](x.png)",
    "---",
    "Texte\n===",
    "1. un\n2. deux",
    "> citation",
    "| a | b |\n|---|---|",
    "    indenté comme du code",
    "*gras* _italique_ `code`",
    "&amp; &lt;",
    "fin avec barre \\",
    "[x]: http://example.org",
    "<http://example.org>",
    "snake_case_nom et **gras** et ~~barré~~",
    "&#65; \\* \\[",
    "[brouillon] à revoir",
    "- tiret",
    "+ plus",
    "#hashtag",
    "===",
    "3) trois",
    "ligne finie par \\\nsuite",
]

LONG_TEXT_EXERCISE = GOOD.replace('kind = "scale"', 'kind = "long_text"').split("options = [")[0]


def parse(markdown: str):
    return MarkdownIt("commonmark").parse(markdown)


def inline_text(tokens) -> str:
    parts = []
    for token in tokens:
        for child in token.children or []:
            if child.type in ("text", "code_inline"):
                parts.append(child.content)
            elif child.type in ("softbreak", "hardbreak"):
                parts.append("\n")
    return "".join(parts)


def test_each_hostile_text_stays_text(tmp_path):
    for hostile in HOSTILE:
        tokens = parse("\n".join(escape_block(hostile)))
        kinds = {token.type for token in tokens}
        assert kinds <= {"paragraph_open", "paragraph_close", "inline"}, (hostile, kinds)
        children = {child.type for token in tokens for child in token.children or []}
        assert children <= {"text", "softbreak", "hardbreak"}, (hostile, children)
        visible = inline_text(tokens)
        expected = "\n".join(line.strip() for line in hostile.splitlines())
        assert visible == expected, (hostile, visible)


def build(tmp_path, store, answers: dict[str, str]):
    exercise, problems = validate_file(write(tmp_path, LONG_TEXT_EXERCISE))
    assert problems == []
    catalogue = Catalogue((exercise,))
    for value in answers.values():
        store.entries.save_answer(exercise.id, "humeur", value)
    return catalogue


def test_export_structure_with_hostile_answer_and_note(tmp_path, store):
    hostile = "\n\n".join(HOSTILE)
    catalogue = build(tmp_path, store, {"humeur": hostile})
    store.notes.add("# pas un titre <b>ni du HTML</b>")
    store.notes.add("ma note privée", private=True)
    markdown = render(build_summary(store, catalogue), "markdown")
    assert markdown.startswith("---\n")
    tokens = parse(markdown.split("\n---\n", 1)[1])
    headings = [tokens[i + 1].content for i, tok in enumerate(tokens) if tok.type == "heading_open"]
    assert headings[0].startswith("Mon bilan de compétences")
    assert "Phase 2 — Investigation" in headings
    assert "Mon essai" in headings
    assert "Notes libres" in headings
    assert not any("Piratage" in h or h == "titre" for h in headings)
    assert not any(tok.type in ("html_block", "fence", "code_block", "hr") for tok in tokens)
    assert not any(child.type in ("html_inline", "link_open", "image") for tok in tokens for child in tok.children or [])
    assert "<script>alert('x')</script>" in inline_text(tokens)
    assert "ma note privée" not in markdown
    assert "privé" not in markdown.casefold() and "1 " not in markdown, "not even a count of what was left out"


def test_private_entry_is_left_out(tmp_path, store):
    catalogue = build(tmp_path, store, {"humeur": "à garder pour moi"})
    store.entries.set_private("mon-essai", True)
    markdown = render(build_summary(store, catalogue), "markdown")
    assert "à garder pour moi" not in markdown
    html = render(build_summary(store, catalogue), "html")
    assert "à garder pour moi" not in html


def test_html_export_escapes_markup(tmp_path, store):
    catalogue = build(tmp_path, store, {"humeur": "<script>alert(1)</script>"})
    html = render(build_summary(store, catalogue), "html")
    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert html.startswith("<!DOCTYPE html>")


def test_real_catalogue_answers_all_appear(store, catalogue):
    exercise = catalogue.exercises[0]
    prompt = next(p for p in exercise.prompts if p.kind in ("long_text", "short_text"))
    store.entries.save_answer(exercise.id, prompt.id, "Une réponse bien à moi")
    store.entries.set_status(exercise.id, EntryStatus.DONE)
    markdown = render(build_summary(store, catalogue), "markdown")
    assert "Une réponse bien à moi" in markdown
    assert str(exercise.title) in markdown
    assert "Statut : terminé" in markdown


def test_notes_are_listed_by_date(store, tmp_path):
    store.notes.add("première")
    store.notes.add("seconde")
    markdown = render(build_summary(store, Catalogue(())), "markdown")
    assert markdown.index("première") < markdown.index("seconde")


def test_plain_french_stays_readable_in_the_raw_file():
    line = escape_block("J'ai 2 idées [brouillon] : 1. partir, 2. rester. C'est 50 % sûr & voilà <3 #bilan")
    assert line == ["J'ai 2 idées [brouillon] : 1. partir, 2. rester. C'est 50 % sûr & voilà <3 #bilan"]


def test_json_export_carries_only_what_the_worker_sees(store, catalogue):
    import json

    prompt = catalogue.get("mes-valeurs").prompt("tri-valeurs")
    first, second = prompt.cards[0].id, prompt.cards[1].id
    field = prompt.top_fields[0].id
    store.entries.save_answer(
        "mes-valeurs",
        "tri-valeurs",
        {"piles": {first: "essentiel"}, "top": [first], "details": {first: {field: "gardé"}, second: {field: "SECRET-RETIRÉ"}}},
    )
    document = json.loads(render(build_summary(store, catalogue), "json"))
    answer = document["entries"][0]["answers"]["tri-valeurs"]
    assert answer["details"] == {first: {field: "gardé"}}
    assert "SECRET-RETIRÉ" not in render(build_summary(store, catalogue), "json")


def test_export_refuses_to_overwrite_the_journal(store, catalogue):
    import pytest

    from journal.core.export.writer import write_export
    from journal.core.storage import JournalError

    before = store.path.read_bytes()
    with pytest.raises(JournalError):
        write_export(store.path, "# pas un journal", store.data_dir)
    with pytest.raises(JournalError):
        write_export(store.data_dir / "backups" / "x.md", "x", store.data_dir)
    assert store.path.read_bytes() == before
