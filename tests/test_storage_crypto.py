"""Encryption at rest: round trip, wrong passphrase, no plaintext anywhere in the folder, the commands."""

from __future__ import annotations

import pytest

from journal.cli.main import main
from journal.core.storage import JournalError, PassphraseRequired, WrongPassphrase, crypto
from journal.core.store import JournalStore, list_backups

PASSPHRASE = "le chat dort sur le clavier"
SECRET = "Zanzibarophile"  # typed in an answer and a note: must never be found in clear


@pytest.fixture(autouse=True)
def fast_kdf(monkeypatch):
    """Cheap scrypt for tests; the default cost is checked below."""
    monkeypatch.setattr(crypto, "DEFAULT_KDF", crypto.KdfParams(log2_n=10))


def plaintext_hits(folder, word: str) -> list[str]:
    needles = {word.encode("utf-8"), word.encode("utf-16-le"), word.lower().encode()}
    return [str(path) for path in folder.rglob("*") if path.is_file() and any(needle in path.read_bytes() for needle in needles)]


def test_default_key_derivation_is_strong():
    default = crypto.KdfParams()
    assert default.log2_n >= 17 and default.r == 8 and default.p == 1


def test_round_trip(data_dir):
    with JournalStore(data_dir) as store:
        store.entries.save_answer("mes-valeurs", "tri", ["autonomie", "sens"])
        store.notes.add("Une note")
        store.enable_encryption(PASSPHRASE)
        assert store.encrypted
        store.notes.add("Écrite chiffrée")
    raw = (data_dir / "journal.json").read_bytes()
    assert raw.startswith(crypto.MAGIC) and b"autonomie" not in raw
    with JournalStore(data_dir, passphrase=PASSPHRASE) as store:
        assert store.entries.get("mes-valeurs", 1).answers == {"tri": ["autonomie", "sens"]}
        assert [note.text for note in store.notes.all()] == ["Une note", "Écrite chiffrée"]
        store.disable_encryption()
    assert b"autonomie" in (data_dir / "journal.json").read_bytes()
    with JournalStore(data_dir) as store:
        assert not store.encrypted


def test_each_save_uses_a_new_nonce_and_keeps_the_salt(data_dir):
    with JournalStore(data_dir) as store:
        store.enable_encryption(PASSPHRASE)
        first = crypto.read_header((data_dir / "journal.json").read_bytes())
        store.notes.add("x")
        second = crypto.read_header((data_dir / "journal.json").read_bytes())
    assert first.salt == second.salt and first.nonce != second.nonce
    assert first.params == crypto.KdfParams(log2_n=10)


def test_wrong_or_missing_passphrase_changes_nothing(data_dir):
    with JournalStore(data_dir) as store:
        store.notes.add("x")
        store.enable_encryption(PASSPHRASE)
    folder_before = {path: path.read_bytes() for path in data_dir.rglob("*.json")}
    with pytest.raises(WrongPassphrase):
        JournalStore(data_dir, passphrase="not the passphrase")
    with pytest.raises(PassphraseRequired):
        JournalStore(data_dir)
    assert {path: path.read_bytes() for path in data_dir.rglob("*.json")} == folder_before


def test_a_secret_word_is_nowhere_in_clear_in_the_folder(data_dir, monkeypatch):
    with JournalStore(data_dir) as store:
        store.entries.save_answer("mes-valeurs", "pourquoi", f"Ce qui compte : {SECRET}")
        store.notes.add(f"Penser à {SECRET}")
    JournalStore(data_dir).close()  # a start snapshot, in clear for now
    assert plaintext_hits(data_dir, SECRET)  # the check can fail
    with JournalStore(data_dir) as store:
        sealed = store.enable_encryption(PASSPHRASE)
    assert sealed >= 2
    for _ in range(2):  # more starts, saves, a restore: all encrypted
        with JournalStore(data_dir, passphrase=PASSPHRASE) as store:
            store.entries.save_answer("mes-valeurs", "pourquoi", f"Toujours {SECRET}")
    monkeypatch.setenv("BILAN_PASSPHRASE", PASSPHRASE)
    assert main(["--data", str(data_dir), "backup", "restore", list_backups(data_dir)[-1].id]) == 0
    assert plaintext_hits(data_dir, SECRET) == []
    assert all(backup.encrypted for backup in list_backups(data_dir))


def test_plaintext_backups_left_by_an_interrupted_encryption_are_sealed_at_next_open(data_dir):
    with JournalStore(data_dir) as store:
        store.notes.add(SECRET)
    JournalStore(data_dir).close()
    with JournalStore(data_dir) as store:
        store._journal.storage.encrypt_with(crypto.Cipher(PASSPHRASE))  # journal sealed, killed before the backups
        store.notes.add("after")
    assert plaintext_hits(data_dir, SECRET)
    JournalStore(data_dir, passphrase=PASSPHRASE).close()
    assert plaintext_hits(data_dir, SECRET) == []


def test_damaged_ciphertext_is_reported_as_damage_not_as_a_wrong_passphrase(data_dir, capsys, monkeypatch):
    with JournalStore(data_dir) as store:
        store.notes.add("x")
        store.enable_encryption(PASSPHRASE)
    path = data_dir / "journal.json"
    raw = bytearray(path.read_bytes())
    raw[-5] ^= 0xFF
    path.write_bytes(bytes(raw))
    assert main(["--data", str(data_dir), "note", "y"]) == 1  # no passphrase in a non-interactive run
    capsys.readouterr()
    monkeypatch.setenv("BILAN_PASSPHRASE", PASSPHRASE)
    assert main(["--data", str(data_dir), "note", "y"]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "chiffré" in err and "abîmé" in err
    assert path.read_bytes() == bytes(raw)


def test_encrypt_and_decrypt_commands_with_the_environment_variable(data_dir, capsys, monkeypatch):
    assert main(["--data", str(data_dir), "note", f"avant {SECRET}"]) == 0
    assert main(["--data", str(data_dir), "encrypt"]) == 1  # no terminal, no variable: says how
    assert capsys.readouterr().err.count("\n") == 1
    monkeypatch.setenv("BILAN_PASSPHRASE", PASSPHRASE)
    assert main(["--data", str(data_dir), "encrypt"]) == 0
    assert main(["--data", str(data_dir), "encrypt"]) == 1  # already encrypted
    assert main(["--data", str(data_dir), "note", "pendant"]) == 0
    assert plaintext_hits(data_dir, SECRET) == []
    monkeypatch.setenv("BILAN_PASSPHRASE", "une autre phrase")
    before = (data_dir / "journal.json").read_bytes()
    capsys.readouterr()
    assert main(["--data", str(data_dir), "note", "refusée"]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and err.startswith("bilan: ")
    assert (data_dir / "journal.json").read_bytes() == before
    monkeypatch.setenv("BILAN_PASSPHRASE", PASSPHRASE)
    assert main(["--data", str(data_dir), "export", "-o", "-"]) == 0
    assert "pendant" in capsys.readouterr().out
    assert main(["--data", str(data_dir), "decrypt"]) == 0
    monkeypatch.delenv("BILAN_PASSPHRASE")
    assert main(["--data", str(data_dir), "note", "après"]) == 0
    assert main(["--data", str(data_dir), "decrypt"]) == 1  # not encrypted any more


def test_restoring_an_encrypted_backup_needs_its_passphrase(data_dir, capsys, monkeypatch):
    with JournalStore(data_dir) as store:
        store.notes.add("one")
        store.enable_encryption(PASSPHRASE)
    backup = list_backups(data_dir)[0]
    assert backup.encrypted
    monkeypatch.setenv("BILAN_PASSPHRASE", "pas la bonne phrase")
    assert main(["--data", str(data_dir), "backup", "restore", backup.id]) == 1
    monkeypatch.setenv("BILAN_PASSPHRASE", PASSPHRASE)
    assert main(["--data", str(data_dir), "backup", "restore", backup.id]) == 0


def test_too_short_a_passphrase_is_refused(data_dir):
    with JournalStore(data_dir) as store:
        with pytest.raises(JournalError, match=str(crypto.MIN_PASSPHRASE)):
            store.enable_encryption("court")
        assert not store.encrypted
