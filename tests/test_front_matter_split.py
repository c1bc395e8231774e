"""Finding the end of a summary's front matter: the quick first look agrees with looking through the whole 16 KB."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from journal.core.review import front_matter
from journal.core.review.front_matter import (
    FIRST_LOOK_CHARS,
    MAX_FRONT_MATTER_CHARS,
    FrontMatterDamaged,
    FrontMatterMissing,
    split_front_matter,
)
from tests.hostile_toml import examples


def split_by_looking_everywhere(text: str) -> tuple[str, str]:
    """The reference: every line of the 16 KB search area, one after the other."""
    text = text.removeprefix("\ufeff")
    first_line, _, rest = text.partition("\n")
    if first_line.rstrip("\r") != "---":
        raise FrontMatterMissing()
    position = 0
    for line in rest[: MAX_FRONT_MATTER_CHARS + 5].splitlines(keepends=True):
        if line.rstrip("\r\n") == "---":
            return rest[:position], rest[position + len(line) :]
        position += len(line)
    if len(rest) > MAX_FRONT_MATTER_CHARS:
        raise FrontMatterDamaged("---")
    raise FrontMatterMissing()


def outcome(split, text: str):
    try:
        return split(text)
    except (FrontMatterMissing, FrontMatterDamaged) as error:
        return type(error).__name__


# Pieces that matter at a line's edge: fences, every line break splitlines knows, text around them.
PIECES = ["---", "--", "-", "\n", "\r", "\r\n", "\u2028", "\x85", "\x0c", "a: 1", " ", "é"]


def filler(length: int) -> st.SearchStrategy[str]:
    return st.just("x" * length)


texts = st.lists(
    st.one_of(st.sampled_from(PIECES), filler(FIRST_LOOK_CHARS - 3), filler(FIRST_LOOK_CHARS - 1), filler(MAX_FRONT_MATTER_CHARS)),
    max_size=12,
).map(lambda parts: "---\n" + "".join(parts))


@settings(max_examples=examples(400), deadline=None)
@given(texts)
def test_the_first_look_finds_what_the_whole_search_finds(text):
    assert outcome(split_front_matter, text) == outcome(split_by_looking_everywhere, text)


@pytest.mark.parametrize("cut", ["---", "---\r", "--"])
def test_a_fence_cut_by_the_first_look_is_looked_at_again(cut):
    head = "x" * (FIRST_LOOK_CHARS - len(cut) - 1) + "\n"
    for tail in ("-more\n---\nbody", "\nbody", "\n---\nbody"):
        text = "---\n" + head + cut + tail
        assert outcome(split_front_matter, text) == outcome(split_by_looking_everywhere, text)


def test_the_yaml_event_check_runs_only_when_an_anchor_or_alias_could_be_there(monkeypatch):
    looked = []
    monkeypatch.setattr(front_matter, "_refuse_anchors_and_aliases", looked.append)
    front_matter._safe_load_without_aliases("alias: Léa\nsequence: 2\n")
    assert looked == []
    front_matter._safe_load_without_aliases("alias: 'Léa & Paul'\n")
    assert looked == ["alias: 'Léa & Paul'\n"]


def test_an_alias_without_its_anchor_is_still_refused():
    with pytest.raises(FrontMatterDamaged):
        front_matter.parse_front_matter("bilan_summary: 1\nalias: *ailleurs\n")
