"""Review core: front matter read as hostile input, refusals in one line, dossiers, changes, search."""

from __future__ import annotations

import json

import pytest
from pyrage import x25519

from journal.core.review import ReviewRefused, group_by_dossier, read_summary, summary_paths
from journal.core.review.changes import compare
from journal.core.review.changes_markdown import changes_markdown
from journal.core.review.search import matching_lines
from journal.core.sharing import encrypt_summary
from tests.summary_factory import summary_text, three_dossiers, write_summary


def refusal(path, identities=None) -> str:
    with pytest.raises(ReviewRefused) as raised:
        read_summary(path, identities)
    message = str(raised.value)
    assert "\n" not in message and path.name in message
    return message


def test_a_summary_is_read_with_its_header(tmp_path):
    path = write_summary(tmp_path, "a.md", alias="Élodie", sequence=4)
    summary = read_summary(path, None)
    assert summary.header.alias == "Élodie"
    assert summary.header.sequence == 4
    assert summary.header.dossier == "D-2026-014"
    assert summary.header.exported_at.utcoffset() is not None
    assert str(summary.header.period_from) == "2026-02-01"
    assert summary.header.exercises == ("valeurs", "interets")
    assert [section.title for section in summary.sections][1:] == ["Où j'en suis", "Mes questions pour le prochain entretien", "Mes valeurs"]
    assert not summary.encrypted


def test_control_characters_of_the_body_are_inert(tmp_path):
    path = write_summary(tmp_path, "a.md", sections={"Mes valeurs": "l'autonomie\x1b]52;c;aGk=\x07 \u202eevil"})
    body = read_summary(path, None).body
    assert "\x1b" not in body and "\x07" not in body and "\u202e" not in body
    assert "autonomie" in body


def test_a_dump_is_refused_as_such(tmp_path):
    path = tmp_path / "copie.json"
    path.write_text(json.dumps({"kind": "bilan-dump", "format": 1, "entries": []}))
    assert "bilan dump" in refusal(path)


@pytest.mark.parametrize(
    "content, expected",
    [
        ("# Juste du Markdown\n", "n'est pas un document exporté par bilan"),
        ("---\ntitle: un article\n---\ntexte\n", "n'est pas un document exporté par bilan"),
        ("{\"kind\": \"autre\"}", "n'est pas un document exporté par bilan"),
        ("---\nbilan_summary: 1\nexported_at: hier\nsequence: 1\n---\n", "exported_at"),
        ("---\nbilan_summary: 1\nexported_at: '2026-03-14T10:00:00+01:00'\nsequence: 0\n---\n", "sequence"),
        ("---\nbilan_summary: 1\nexported_at: '2026-03-14T10:00:00+01:00'\nsequence: true\n---\n", "sequence"),
        ("---\nbilan_summary: 1\nexported_at: '2026-03-14T10:00:00+01:00'\nsequence: 1\nalias: [1, 2]\n---\n", "alias"),
        ("---\nbilan_summary: 1\nexported_at: '2026-03-14T10:00:00+01:00'\nsequence: 1\nperiod: 3\n---\n", "period"),
        ("---\nbilan_summary: 1\nexported_at: '2026-03-14T10:00:00+01:00'\nsequence: 1\nexercises: [1]\n---\n", "exercises"),
        ("---\nbilan_summary: 1\n  bad: [yaml\n---\n", "yaml"),
        ("---\nbilan_summary: 2\n---\n", "plus récente"),
        ("---\nbilan_summary: 'un'\n---\n", "bilan_summary"),
        ("---\na: &x [1]\nb: *x\nbilan_summary: 1\n---\n", "yaml"),
        ("---\nbilan_summary: 1\n" + "x: 1\n" * 5000 + "---\n", "---"),
        ("---\nbilan_summary: 1\n", "n'est pas un document exporté par bilan"),
    ],
)
def test_bad_files_are_refused_in_one_line(tmp_path, content, expected):
    path = tmp_path / "s.md"
    path.write_text(content)
    assert expected in refusal(path)


def test_a_yaml_bomb_is_refused_quickly(tmp_path):
    lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x]"]
    lines += [f"a{n}: &a{n} [*a{n-1}, *a{n-1}, *a{n-1}, *a{n-1}, *a{n-1}, *a{n-1}, *a{n-1}, *a{n-1}, *a{n-1}]" for n in range(1, 9)]
    path = tmp_path / "bomb.md"
    path.write_text("---\nbilan_summary: 1\n" + "\n".join(lines) + "\n---\n")
    assert "yaml" in refusal(path)


def test_deeply_nested_yaml_is_refused(tmp_path):
    path = tmp_path / "deep.md"
    path.write_text("---\nbilan_summary: 1\nx: " + "[" * 5000 + "]" * 5000 + "\n---\n")
    refusal(path)


def test_non_utf8_and_not_files(tmp_path):
    path = tmp_path / "latin.md"
    path.write_bytes("---\nbilan_summary: 1\nalias: Hélène\n---\n".encode("latin-1"))
    assert "texte" in refusal(path)
    assert "introuvable" in refusal(tmp_path / "absent.md")


def test_encrypted_summaries_need_the_right_identity(tmp_path):
    mine, other = x25519.Identity.generate(), x25519.Identity.generate()
    path = tmp_path / "camille.md.age"
    path.write_bytes(encrypt_summary(summary_text(alias="Camille"), str(mine.to_public())))
    assert "--identity" in refusal(path)
    assert "autre clé" in refusal(path, (other,))
    summary = read_summary(path, (mine,))
    assert summary.encrypted and summary.header.alias == "Camille"


def test_an_encrypted_dump_is_refused_too(tmp_path):
    mine = x25519.Identity.generate()
    path = tmp_path / "copie.md.age"
    path.write_bytes(encrypt_summary(json.dumps({"kind": "bilan-dump", "format": 1}), str(mine.to_public())))
    assert "bilan dump" in refusal(path, (mine,))


def test_dossiers_newest_first_and_older_ones_superseded(tmp_path):
    three_dossiers(tmp_path)
    # An older summary received late (higher mtime, older sequence) does not become the newest.
    write_summary(tmp_path, "camille-0-late.md", sequence=1, exported_at="2026-04-01T10:00:00+02:00")
    paths, cut = summary_paths([tmp_path])
    assert not cut
    dossiers = group_by_dossier([read_summary(path, None) for path in paths])
    assert [dossier.alias for dossier in dossiers] == ["Camille", "Julien", "Nadia"]
    camille = dossiers[0]
    assert [summary.header.sequence for summary in camille.summaries] == [2, 1, 1]
    assert camille.newest.path.name == "camille-2.md"
    assert all(camille.is_superseded(summary) for summary in camille.summaries[1:])
    assert camille.previous(camille.newest) is camille.summaries[1]
    assert camille.previous(camille.summaries[-1]) is None


def test_summaries_without_dossier_are_grouped_by_first_name(tmp_path):
    write_summary(tmp_path, "a.md", alias="Lou", dossier="", sequence=1)
    write_summary(tmp_path, "b.md", alias="Lou", dossier="", sequence=2)
    write_summary(tmp_path, "c.md", alias="Max", dossier="", sequence=1)
    paths, _ = summary_paths([tmp_path])
    dossiers = group_by_dossier([read_summary(path, None) for path in paths])
    assert [(dossier.alias, len(dossier.summaries)) for dossier in dossiers] == [("Lou", 2), ("Max", 1)]


def test_folders_are_walked_for_summaries_only(tmp_path):
    write_summary(tmp_path / "camille", "a.md")
    write_summary(tmp_path / "julien", "b.md.age")
    (tmp_path / "notes.txt").write_text("x")
    (tmp_path / ".cache").mkdir()
    write_summary(tmp_path / ".cache", "hidden.md")
    paths, _ = summary_paths([tmp_path, tmp_path / "camille" / "a.md"])
    assert sorted(path.name for path in paths) == ["a.md", "b.md.age"]


def test_what_changed_between_two_summaries(tmp_path):
    paths = three_dossiers(tmp_path)
    first, second = read_summary(paths[0], None), read_summary(paths[1], None)
    changes = compare(first, second)
    assert [section.title for section in changes.added] == ["Mes pistes"]
    assert changes.removed == ()
    assert [change.title for change in changes.changed] == ["Mes valeurs"]
    assert any("l'équipe" in line for line in changes.changed[0].added)
    page = changes_markdown(first, second)
    assert "Mes pistes" in page and "+ **Ce qui compte le plus**" in page
    assert "premier document" in changes_markdown(None, first)
    assert "Aucune différence" in changes_markdown(first, first)


def test_changed_lines_cannot_break_out_of_their_block(tmp_path):
    one = read_summary(write_summary(tmp_path, "a.md", sections={"A": "avant"}), None)
    two = read_summary(write_summary(tmp_path, "b.md", sequence=2, sections={"A": "`````\n# Titre injecté"}), None)
    page = changes_markdown(one, two)
    assert "``````diff" in page


def test_search_ignores_case_and_accents():
    text = "Première ligne\nune FORMATION\nrien\nformation éducateur"
    assert matching_lines(text, "formation") == [1, 3]
    assert matching_lines(text, "premiere") == [0]
    assert matching_lines(text, "EDUCATEUR") == [3]
    assert matching_lines(text, "   ") == []
