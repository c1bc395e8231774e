"""``bilan export --to conseiller``: the key the worker confirmed; a clear export warns before it is written."""

from __future__ import annotations

from pyrage import x25519

from journal.cli.main import main
from journal.core.assignments.importing import import_assignment
from journal.core.store import JournalStore
from tests.assignment_files import assignment


def journal_with_key(data_dir, *, confirmed: bool) -> x25519.Identity:
    secret = x25519.Identity.generate()
    with JournalStore(data_dir) as store:
        bilan = import_assignment(store, assignment(key=str(secret.to_public()))).bilan
        store.notes.add("Une note à partager.")
        if confirmed:
            assert store.bilans.confirm_key(bilan.id, str(secret.to_public()))
    return secret


def test_to_conseiller_encrypts_for_the_confirmed_key(data_dir, tmp_path, capsys):
    from pyrage import decrypt

    secret = journal_with_key(data_dir, confirmed=True)
    assert main(["--data", str(data_dir), "export", "--to", "conseiller", "-o", str(tmp_path / "s.md")]) == 0
    assert "Une note à partager." in decrypt((tmp_path / "s.md.age").read_bytes(), [secret]).decode("utf-8")
    assert not (tmp_path / "s.md").exists()
    assert "en clair" not in capsys.readouterr().out


def test_to_conseiller_without_a_confirmed_key_is_one_line(data_dir, tmp_path, capsys):
    journal_with_key(data_dir, confirmed=False)
    assert main(["--data", str(data_dir), "export", "--to", "conseiller", "-o", str(tmp_path / "s.md")]) == 1
    err = capsys.readouterr().err
    assert "aucune clé de conseiller confirmée" in err and len(err.strip().splitlines()) == 1
    assert list(tmp_path.glob("s.md*")) == []


def test_a_clear_export_warns_before_it_is_written_but_not_on_standard_output(data_dir, tmp_path, capsys):
    journal_with_key(data_dir, confirmed=True)
    assert main(["--data", str(data_dir), "export", "-o", str(tmp_path / "s.md")]) == 0
    out = capsys.readouterr().out
    assert out.index("Ce fichier sera en clair") < out.index("s.md")
    assert "--to conseiller" in out
    assert main(["--data", str(data_dir), "export", "-o", "-"]) == 0
    assert "en clair" not in capsys.readouterr().out
