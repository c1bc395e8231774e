"""The summary's front matter is written without PyYAML when its values are plain, byte for byte as
``yaml.safe_dump`` writes them, and through ``safe_dump`` otherwise; ``yaml.safe_load`` reads back every value."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import date, datetime, timedelta, timezone

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from journal.core.export import front_matter as writer
from journal.core.export.front_matter import dump_front_matter, front_matter_data, read_front_matter
from tests.hostile_toml import examples


def safe_dump(data) -> str:
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False, default_flow_style=False)


def reads_back(text: str, data: dict) -> bool:
    """``yaml.safe_load`` gives the values back. Not checked for texts with line breaks: PyYAML folds those it
    wrote itself (a next-line character read back as a space), as safe_dump always did; names and dates have none."""
    if _breaks(data):
        return True
    return yaml.safe_load(text) == data


def _breaks(value) -> bool:
    if isinstance(value, str):
        return any(mark in value for mark in "\n\r\x85\u2028\u2029")
    if isinstance(value, dict):
        return any(_breaks(inner) for inner in value.values())
    if isinstance(value, list):
        return any(_breaks(inner) for inner in value)
    return False


def shaped(alias="", conseiller="", dossier="", sequence=1, period_from=None, period_to="2026-12-01", exercises=()):
    return {
        "bilan_summary": 1,
        "exported_at": "2026-12-01T05:20:28+00:00",
        "alias": alias,
        "conseiller": conseiller,
        "dossier": dossier,
        "sequence": sequence,
        "period": {"from": period_from, "to": period_to},
        "exercises": list(exercises),
    }


# Characters that change how YAML writes a text: indicators, quotes, spaces, line breaks of every kind,
# control and bidi characters, a byte order mark, letters YAML reads as booleans, digits, accents.
TRICKY = (
    "aAyYnNoOtTfF019 -_.'’\":#,[]{}&*!|>%@`?~=<+\\\t\n\r\x00\x07\x1b\x7f\x85\xa0"
    "\u2028\u2029\u202e\u200f\ufeff\ufffe\u00e9\u00c9\u00e7\u0153\u00df\u4e2d\u0663\u00b2\U0001f600"
)
WORDS = st.sampled_from(
    ["yes", "No", "ON", "off", "true", "FALSE", "null", "Null", "~", "y", "n", "Marie", "Jean-Pierre Dupont", "d'Arc",
     "Mme Durand", "Élodie", "2026-042", "42", "0x1f", "1e5", ".inf", "1:30", "---", "...", "- x", "a: b", "a #b",
     "2026-12-01", "2026-12-01T05:20:28+00:00", "2026-12-01T05:20:28.123456+01:00", "2026-1-1", "ma-demande"]
)
TEXTS = st.one_of(WORDS, st.text(alphabet=TRICKY, max_size=12), st.text(max_size=90), st.text(alphabet="ab ", min_size=55, max_size=90))
SCALARS = st.one_of(TEXTS, st.none(), st.booleans(), st.integers(min_value=-(10**30), max_value=10**30))


@settings(max_examples=examples(300), deadline=None)
@given(
    alias=TEXTS, conseiller=TEXTS, dossier=TEXTS, sequence=st.integers(min_value=1, max_value=10**6),
    period_from=st.one_of(st.none(), TEXTS), period_to=TEXTS, exercises=st.lists(TEXTS, max_size=4),
)
def test_the_front_matter_is_what_safe_dump_writes_and_reads_back(alias, conseiller, dossier, sequence, period_from, period_to, exercises):
    data = shaped(alias, conseiller, dossier, sequence, period_from, period_to, exercises)
    text = dump_front_matter(data)
    assert text == safe_dump(data)
    assert reads_back(text, data)


@settings(max_examples=examples(300), deadline=None)
@given(st.dictionaries(TEXTS, st.one_of(SCALARS, st.lists(SCALARS, max_size=3), st.dictionaries(TEXTS, SCALARS, max_size=3)), max_size=5))
def test_any_mapping_of_scalars_lists_and_mappings_is_written_as_safe_dump_writes_it(data):
    assert dump_front_matter(data) == safe_dump(data)


@pytest.mark.parametrize(
    "data",
    [{"A" + "0" * 54: "A" + "0" * 23 + " 0"}, {"period": {"à" * 50: "Jean Pierre Paul Jacques Dupont Martin"}}],
)
def test_a_line_past_80_columns_is_folded_as_safe_dump_folds_it(data):
    """A key and a value each short enough, together past the width where safe_dump folds at a space."""
    assert dump_front_matter(data) == safe_dump(data)


@pytest.mark.parametrize(
    "value",
    ["", "Marie", "Jean-Pierre Dupont", "Élodie d'Arc", "L’Hôte", "ma-demande", "2026-12-01", "2026-12-01T05:20:28+00:00",
     "2026-12-01T05:20:28.500000-03:30"],
)
def test_names_dates_and_identifiers_are_written_without_pyyaml(value, monkeypatch):
    """The common values take the short path: it would be no faster if it fell back to safe_dump for them."""
    monkeypatch.setitem(sys.modules, "yaml", None)  # importing PyYAML now fails
    data = shaped(alias=value, conseiller=value, dossier=value, period_from=value, exercises=[value])
    monkeypatch.undo()
    expected = safe_dump(data)
    monkeypatch.setitem(sys.modules, "yaml", None)
    assert dump_front_matter(data) == expected


@pytest.mark.parametrize(
    "value",
    ["yes", "NO", "on", "null", "~", "2026-042", "42", "0x1f", "1e5", ".inf", "1:30", "a: b", "a #b", "- x", "---", "'", '"',
     " Marie", "Marie ", "Ma\nrie", "Ma\x1brie", "Ma\u202erie", "Ma\ufeffrie", "Ma\x85rie", "Ma\u2028rie", "a" * 61,
     " ".join(["mot"] * 30), "2026-1-1"],
)
def test_hostile_or_unusual_values_go_through_safe_dump_and_read_back(value):
    data = shaped(alias=value, conseiller=value, dossier=value, period_from=value, exercises=[value, value])
    assert writer._block_mapping(data, "", []) is False  # not the short path: PyYAML quotes these
    text = dump_front_matter(data)
    assert text == safe_dump(data)
    assert reads_back(text, data)


def test_a_summary_front_matter_reads_back(tmp_path):
    class Summary:
        created_at = datetime(2026, 12, 1, 5, 20, 28, tzinfo=timezone(timedelta(hours=1)))
        alias = "Élodie"
        conseiller = "M. N'Diaye"
        dossier = "D-2026: 042"
        sequence = 3
        period_from = date(2026, 1, 5)
        period_to = date(2026, 12, 1)
        exercise_ids = ["ma-demande", "mes-valeurs"]

    text = writer.front_matter(Summary()) + "\n## Corps\n"
    assert read_front_matter(text) == front_matter_data(Summary())
    assert text.startswith("---\n" + safe_dump(front_matter_data(Summary())) + "---\n")


def test_a_markdown_export_of_an_ordinary_journal_does_not_load_pyyaml(tmp_path):
    folder = str(tmp_path / "journal")
    subprocess.run([sys.executable, "-m", "journal", "--data", folder, "note", "Une note."], capture_output=True, check=True)
    script = (
        "import sys\n"
        "from journal.cli.main import main\n"
        "code = main(sys.argv[1:])\n"
        "print(code, 'yaml' in sys.modules)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script, "--data", folder, "export", "-o", str(tmp_path / "out.md")],
        capture_output=True, text=True, check=True, env={**os.environ},
    )
    assert result.stdout.splitlines()[-1].split() == ["0", "False"]
    assert read_front_matter((tmp_path / "out.md").read_text(encoding="utf-8"))["bilan_summary"] == 1
