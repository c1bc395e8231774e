"""The command line of sharing: bilan keygen, bilan export --to, bilan review refusals."""

from __future__ import annotations

import os
import shutil
import stat
import subprocess

import pytest
from pyrage import passphrase as age_passphrase
from pyrage import x25519

from journal.cli.main import main
from journal.core.sharing import fingerprint, load_identities
from tests.summary_factory import write_summary

PASSPHRASE = "phrase de passe du conseiller"


@pytest.fixture(autouse=True)
def identity_passphrase(monkeypatch):
    monkeypatch.setenv("BILAN_IDENTITY_PASSPHRASE", PASSPHRASE)


@pytest.fixture(scope="module")
def keygen_output(tmp_path_factory):
    """``bilan keygen`` run once for the module: the key file and what it printed."""
    folder = tmp_path_factory.mktemp("conseil")
    path = folder / "cle-D-014.age"
    environment = {**os.environ, "BILAN_IDENTITY_PASSPHRASE": PASSPHRASE}
    import sys

    done = subprocess.run(
        [sys.executable, "-m", "journal", "keygen", "-o", str(path), "--dossier", "D-014"],
        capture_output=True,
        text=True,
        env=environment,
        timeout=60,
    )
    return path, done


def public_key_from(output: str) -> str:
    return next(word for word in output.split() if word.startswith("age1"))


def test_keygen_prints_key_fingerprint_and_how_to_keep_a_copy(keygen_output):
    path, done = keygen_output
    assert done.returncode == 0, done.stderr
    key = public_key_from(done.stdout)
    assert fingerprint(key) in done.stdout
    assert "Si vous perdez ce fichier" in done.stdout and "copie" in done.stdout
    assert "D-014" in done.stdout
    assert stat.S_IMODE(os.stat(path).st_mode) == 0o600
    assert load_identities(path, lambda: PASSPHRASE).public_keys == (key,)


def test_keygen_refuses_to_overwrite(keygen_output, capsys):
    path, _ = keygen_output
    before = path.read_bytes()
    assert main(["keygen", "-o", str(path)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "existe déjà" in err
    assert path.read_bytes() == before


def test_keygen_without_terminal_nor_variable_says_how(tmp_path, monkeypatch, capsys):
    monkeypatch.delenv("BILAN_IDENTITY_PASSPHRASE")
    assert main(["keygen", "-o", str(tmp_path / "k.age")]) == 1
    assert "BILAN_IDENTITY_PASSPHRASE" in capsys.readouterr().err
    assert not (tmp_path / "k.age").exists()


def test_export_to_a_key_writes_an_age_file_only_that_key_opens(data_dir, tmp_path, capsys):
    mine, other = x25519.Identity.generate(), x25519.Identity.generate()
    main(["--data", str(data_dir), "note", "Je pense à la formation de menuisier"])
    main(["--data", str(data_dir), "note", "--prive", "Mon secret de famille"])
    capsys.readouterr()
    target = tmp_path / "pour-conseil.md"
    assert main(["--data", str(data_dir), "export", "--to", str(mine.to_public()), "-o", str(target)]) == 0
    out, err = capsys.readouterr()
    sealed = tmp_path / "pour-conseil.md.age"
    assert sealed.exists() and not target.exists()
    assert fingerprint(str(mine.to_public())) in out
    assert "en clair" not in err + out
    raw = sealed.read_bytes()
    assert b"menuisier" not in raw
    import pyrage

    clear = pyrage.decrypt(raw, [mine]).decode()
    assert "menuisier" in clear and "secret de famille" not in clear
    with pytest.raises(pyrage.DecryptError):
        pyrage.decrypt(raw, [other])


def test_a_clear_export_says_where_copies_linger(data_dir, tmp_path, capsys):
    main(["--data", str(data_dir), "note", "x"])
    capsys.readouterr()
    assert main(["--data", str(data_dir), "export", "-o", str(tmp_path / "clair.md")]) == 0
    out = capsys.readouterr().out
    assert "courriel" in out and "clé USB" in out and "Téléchargements" in out



@pytest.mark.parametrize("arguments", [["--to", "age1nimportequoi"], ["--to", "ssh-rsa AAAA"]])
def test_export_to_a_bad_key_is_bad_usage(data_dir, tmp_path, capsys, arguments):
    main(["--data", str(data_dir), "note", "x"])
    assert main(["--data", str(data_dir), "export", *arguments, "-o", str(tmp_path / "a.md")]) == 2
    assert not list(tmp_path.glob("a.md*"))


def test_export_to_a_key_refuses_stdout(data_dir, capsys):
    key = str(x25519.Identity.generate().to_public())
    main(["--data", str(data_dir), "note", "x"])
    assert main(["--data", str(data_dir), "export", "--to", key, "-o", "-"]) == 2
    assert capsys.readouterr().out.count("Note") <= 1


@pytest.mark.skipif(shutil.which("age") is None, reason="the age command is not installed (Debian package age)")
def test_the_age_command_decrypts_an_export(keygen_output, data_dir, tmp_path, capsys):
    path, done = keygen_output
    main(["--data", str(data_dir), "note", "Une note lisible par age"])
    target = tmp_path / "bilan.md"
    assert main(["--data", str(data_dir), "export", "--to", public_key_from(done.stdout), "-o", str(target)]) == 0
    # The age command asks the identity's passphrase on a terminal; give it the unprotected identity instead.
    plain = tmp_path / "identite.txt"
    plain.write_bytes(age_passphrase.decrypt(path.read_bytes(), PASSPHRASE))
    plain.chmod(0o600)
    result = subprocess.run(["age", "-d", "-i", str(plain), str(tmp_path / "bilan.md.age")], capture_output=True, timeout=30)
    assert result.returncode == 0, result.stderr
    assert "Une note lisible par age" in result.stdout.decode()


def test_review_refuses_each_file_in_one_line_when_none_opens(tmp_path, capsys):
    (tmp_path / "copie.md").write_text('{"kind": "bilan-dump", "format": 1}')
    (tmp_path / "notes.md").write_text("# Mes notes\n")
    assert main(["review", str(tmp_path)]) == 2
    lines = capsys.readouterr().err.strip().splitlines()
    assert len(lines) == 2
    assert any("copie.md" in line and "bilan dump" in line for line in lines)
    assert any("notes.md" in line and "n'est pas un document exporté par bilan" in line for line in lines)


def test_review_of_an_empty_folder(tmp_path, capsys):
    assert main(["review", str(tmp_path)]) == 2
    assert "Aucun document" in capsys.readouterr().err


def test_review_with_a_wrong_identity_passphrase(keygen_output, tmp_path, monkeypatch, capsys):
    path, _ = keygen_output
    write_summary(tmp_path, "a.md")
    monkeypatch.setenv("BILAN_IDENTITY_PASSPHRASE", "pas la bonne phrase")
    assert main(["review", "--identity", str(path), str(tmp_path)]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "phrase de passe incorrecte" in err and path.name in err


def test_review_of_a_summary_for_another_key(keygen_output, tmp_path, capsys):
    from journal.core.sharing import encrypt_summary
    from tests.summary_factory import summary_text

    path, _ = keygen_output
    other = x25519.Identity.generate()
    (tmp_path / "autre.md.age").write_bytes(encrypt_summary(summary_text(), str(other.to_public())))
    assert main(["review", "--identity", str(path), str(tmp_path / "autre.md.age")]) == 2
    err = capsys.readouterr().err
    assert "autre.md.age" in err and "autre clé" in err


def test_review_help_in_english(capsys):
    with pytest.raises(SystemExit):
        main(["--lang", "en", "review", "--help"])
    assert "read-only" in capsys.readouterr().out


def test_review_bounds_the_memory_a_folder_takes(tmp_path, monkeypatch):
    import argparse

    from journal.cli.commands import review

    for number in range(3):
        write_summary(tmp_path, f"s{number}.md", alias=f"P{number}", dossier=f"D-{number}")
    monkeypatch.setattr(review, "MAX_TOTAL_CHARS", 10)
    dossiers, refusals = review.load_caseload(argparse.Namespace(identity=None, paths=[str(tmp_path)]))
    assert len(dossiers) == 1
    assert [refusal.path.name for refusal in refusals] == ["s1.md", "s2.md"]
    assert "Ouvrez un dossier à la fois" in refusals[0].reason


def test_review_starts_the_viewer_with_the_caseload_and_the_refused_files(tmp_path, monkeypatch):
    from tests.summary_factory import three_dossiers

    three_dossiers(tmp_path)
    (tmp_path / "copie.md").write_text('{"kind": "bilan-dump", "format": 1}')
    started = []
    monkeypatch.setattr("journal.tui.review.ReviewApp.run", lambda app: started.append(app))
    assert main(["review", str(tmp_path)]) == 0
    (app,) = started
    assert [dossier.alias for dossier in app.dossiers] == ["Camille", "Julien", "Nadia"]
    assert [refusal.path.name for refusal in app.refusals] == ["copie.md"]


def test_an_unexpected_error_in_the_viewer_is_one_line_and_exit_1(tmp_path, monkeypatch, capsys):
    from journal.tui.review import ReviewApp
    from tests.summary_factory import three_dossiers

    three_dossiers(tmp_path)

    def broken_mount(self):
        raise RuntimeError("Camille secret text")

    monkeypatch.setattr(ReviewApp, "on_mount", broken_mount)
    monkeypatch.setattr(ReviewApp, "run", lambda app: __import__("asyncio").run(_run_headless(app)))
    assert main(["review", str(tmp_path)]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "erreur inattendue" in err and "secret" not in err


async def _run_headless(app):
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
