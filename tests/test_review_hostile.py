"""Hostile summaries never crash review: generated files are read (or refused in one line) and shown.

The generator mixes control characters, bidi overrides, huge texts, deeply
nested Markdown and broken front matter. The default count keeps the suite
quick; ``BILAN_HYPOTHESIS_EXAMPLES`` runs more.
"""

from __future__ import annotations

import os
import random

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from journal.core.review import Refusal, ReviewRefused, group_by_dossier, read_summary
from journal.core.review.changes_markdown import changes_markdown
from journal.core.review.search import matching_lines
from journal.core.text_safety import is_inert
from journal.tui.review import ReviewApp

EXAMPLES = int(os.environ.get("BILAN_HYPOTHESIS_EXAMPLES", "200"))
HOSTILE_CHARACTERS = "\x00\x07\x08\x1b\x7f\x85\x9b\u202e\u2066\u2028\ufeff[]*_`#>|-\\<&"

hostile_text = st.text(alphabet=st.sampled_from(HOSTILE_CHARACTERS) | st.characters(), max_size=200)


def nested_markdown(depth: int, kind: str) -> str:
    if kind == "quote":
        return ">" * depth + " profond\n"
    if kind == "list":
        return "".join("  " * level + "- niveau\n" for level in range(depth))
    if kind == "emphasis":
        return "*" * depth + "x" + "*" * depth + "\n"
    return "[" * depth + "lien" + "](x)" * depth + "\n"


@st.composite
def hostile_summaries(draw) -> bytes:
    field_values = st.one_of(
        hostile_text,
        st.integers(min_value=-(10**20), max_value=10**20),
        st.none(),
        st.booleans(),
        st.lists(hostile_text, max_size=3),
        st.dictionaries(hostile_text, hostile_text, max_size=3),
        st.just("2026-03-14T10:00:00+01:00"),
        st.just("9999-12-31T23:59:59-23:59"),
        st.just("0001-01-01T00:00:00"),
    )
    front = draw(
        st.dictionaries(
            st.sampled_from(["bilan_summary", "exported_at", "alias", "conseiller", "dossier", "sequence", "period", "exercises", "autre"]),
            field_values,
            max_size=9,
        )
    )
    if draw(st.booleans()):
        front["bilan_summary"] = 1
        front.setdefault("exported_at", "2026-03-14T10:00:00+01:00")
        front.setdefault("sequence", draw(st.integers(min_value=1, max_value=5)))
    body_parts = draw(
        st.lists(
            st.one_of(
                hostile_text.map(lambda text: "## " + text),
                hostile_text,
                st.builds(nested_markdown, st.integers(min_value=1, max_value=400), st.sampled_from(["quote", "list", "emphasis", "link"])),
                st.integers(min_value=1, max_value=60_000).map(lambda size: "é\x1b" * size),
                st.just("```\nnon fermé\n"),
            ),
            max_size=6,
        )
    )
    header = yaml.safe_dump(front, allow_unicode=True) if draw(st.booleans()) else draw(hostile_text)
    opening = draw(st.sampled_from(["---\n", "---\r\n", "\ufeff---\n", "", "--- \n"]))
    text = opening + header + draw(st.sampled_from(["---\n", "", "...\n"])) + "\n".join(body_parts)
    raw = text.encode("utf-8", "surrogatepass")
    if draw(st.booleans()):
        raw = raw[: draw(st.integers(min_value=0, max_value=len(raw)))]
    return raw


@settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(raw=hostile_summaries())
def test_hostile_summaries_are_read_or_refused_in_one_line(tmp_path, raw):
    path = tmp_path / "hostile.md"
    path.write_bytes(raw)
    try:
        summary = read_summary(path, None)
    except ReviewRefused as refusal:
        assert "\n" not in str(refusal) and is_inert(str(refusal))
        return
    assert is_inert(summary.body)
    dossier = group_by_dossier([summary, summary])[0]
    changes_markdown(dossier.summaries[1], dossier.summaries[0])
    matching_lines(summary.body, "é")


def _generated_caseload(folder, count: int) -> list:
    """``count`` hostile but readable summaries (fixed seed), some refused ones, for the viewer."""
    rng = random.Random(10)
    summaries, refusals = [], []
    for number in range(count):
        depth = rng.randint(1, 300)
        body = "\n".join(
            rng.choice(
                [
                    "## " + "".join(rng.choice(HOSTILE_CHARACTERS + "abc ") for _ in range(40)),
                    nested_markdown(depth, rng.choice(["quote", "list", "emphasis", "link"])),
                    "\x1b[2J\x1b]0;titre\x07 texte [bold]markup[/bold] \u202e",
                    "| a | b |\n|---|---|\n" + "| x | y |\n" * rng.randint(1, 20),
                    "mot " * rng.randint(1, 5_000),
                ]
            )
            for _ in range(rng.randint(1, 6))
        )
        front = {
            "bilan_summary": 1,
            "exported_at": f"2026-03-{rng.randint(1, 28):02d}T10:00:00+01:00",
            "alias": "".join(rng.choice(HOSTILE_CHARACTERS + "Élodie") for _ in range(rng.randint(0, 80))),
            "dossier": f"D-{rng.randint(1, 12)}\x1b[31m",
            "sequence": rng.randint(1, 4),
        }
        path = folder / f"s{number}.md"
        path.write_text("---\n" + yaml.safe_dump(front, allow_unicode=True) + "---\n" + body, encoding="utf-8", errors="surrogatepass")
        try:
            summaries.append(read_summary(path, None))
        except ReviewRefused as refusal:
            refusals.append(Refusal(path, str(refusal)))
    return group_by_dossier(summaries), refusals


@pytest.mark.slow
async def test_the_viewer_shows_every_generated_hostile_summary(tmp_path):
    count = max(12, EXAMPLES // 16)
    dossiers, refusals = _generated_caseload(tmp_path, count)
    assert dossiers
    app = ReviewApp(dossiers, refusals)
    async with app.run_test(size=(80, 24)) as pilot:
        tree = app.query_one("#caseload")
        shown = 0
        for _ in range(count + len(dossiers) + len(refusals) + 2):
            await pilot.press("down")
            await pilot.pause()
            shown += 1
        await pilot.press("c")
        await pilot.press("ctrl+f")
        await pilot.press(*"mot")
        await pilot.press("enter", "up")
        await pilot.pause()
        assert tree.cursor_line > 0 and shown
        await pilot.press("escape", "escape", "escape")
    assert app.return_code in (0, None)
