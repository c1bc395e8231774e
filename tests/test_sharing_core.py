"""Sharing core: keys checked, fingerprints, passphrase-protected identity files, encrypted summaries."""

from __future__ import annotations

import os
import stat

import pytest
from pyrage import x25519

from journal.core.sharing import (
    DamagedEncryptedFile,
    IdentityFileExists,
    InvalidPublicKey,
    NotAnIdentity,
    NotForThisIdentity,
    SharingError,
    TooLarge,
    WrongIdentityPassphrase,
    create_identity_file,
    decrypt_summary,
    encrypt_summary,
    encrypted_name,
    fingerprint,
    load_identities,
    normalized_public_key,
)
from journal.core.sharing.envelope import MAX_SUMMARY_BYTES
from journal.core.sharing.export_file import write_encrypted_export
from journal.core.storage import JournalError

PASSPHRASE = "une phrase assez longue"


@pytest.fixture(scope="module")
def identity(tmp_path_factory):
    """One protected identity file for the module (scrypt is slow on purpose)."""
    path = tmp_path_factory.mktemp("keys") / "conseil.age"
    return create_identity_file(path, PASSPHRASE, dossier="D-2026-014")


def test_fingerprint_is_four_groups_of_four_hex_digits_and_depends_on_the_key():
    first = str(x25519.Identity.generate().to_public())
    second = str(x25519.Identity.generate().to_public())
    printed = fingerprint(first)
    groups = printed.split(" ")
    assert len(groups) == 4 and all(len(group) == 4 for group in groups)
    assert all(character in "0123456789ABCDEF" for character in printed.replace(" ", ""))
    assert fingerprint(first) == fingerprint("  " + first.upper() + "\n")
    assert fingerprint(first) != fingerprint(second)


@pytest.mark.parametrize("bad", ["", "age1", "age1qqqq", "ssh-ed25519 AAAA", "AGE-SECRET-KEY-1ABC", "age1" + "q" * 200, 42, None, ["age1"]])
def test_public_keys_are_checked(bad):
    with pytest.raises(InvalidPublicKey) as raised:
        normalized_public_key(bad)
    assert "\n" not in str(raised.value)


def test_a_public_key_with_control_characters_is_refused_and_shown_inert():
    key = str(x25519.Identity.generate().to_public())
    with pytest.raises(InvalidPublicKey) as raised:
        normalized_public_key(key[:10] + "\x1b[2J" + key[10:])
    assert "\x1b" not in str(raised.value)


def test_keygen_file_is_private_protected_and_opens_with_its_passphrase(identity):
    mode = stat.S_IMODE(os.stat(identity.path).st_mode)
    assert mode == 0o600
    raw = identity.path.read_bytes()
    assert raw.startswith(b"-----BEGIN AGE ENCRYPTED FILE-----")
    assert b"AGE-SECRET-KEY" not in raw
    asked = []
    loaded = load_identities(identity.path, lambda: asked.append(1) or PASSPHRASE)
    assert asked == [1]
    assert loaded.public_keys == (identity.public_key,)
    assert identity.fingerprint == fingerprint(identity.public_key)


def test_wrong_passphrase_is_one_line_naming_the_file(identity):
    with pytest.raises(WrongIdentityPassphrase) as raised:
        load_identities(identity.path, lambda: "pas la bonne phrase")
    message = str(raised.value)
    assert str(identity.path) in message and "\n" not in message


def test_keygen_never_writes_over_a_file(identity, tmp_path):
    before = identity.path.read_bytes()
    with pytest.raises(IdentityFileExists):
        create_identity_file(identity.path, PASSPHRASE)
    assert identity.path.read_bytes() == before
    link = tmp_path / "lien.age"
    link.symlink_to(tmp_path / "nulle-part")
    with pytest.raises(IdentityFileExists):
        create_identity_file(link, PASSPHRASE)
    assert not (tmp_path / "nulle-part").exists()


def test_keygen_creates_a_private_folder_on_first_use(tmp_path):
    created = create_identity_file(tmp_path / "cles-bilan" / "D-1.age", PASSPHRASE)
    assert stat.S_IMODE(os.stat(tmp_path / "cles-bilan").st_mode) == 0o700
    assert created.path.exists()


def test_keygen_refuses_a_short_passphrase(tmp_path):
    with pytest.raises(SharingError):
        create_identity_file(tmp_path / "cle.age", "court")
    assert not (tmp_path / "cle.age").exists()


def test_an_unprotected_age_keygen_file_is_read_without_asking(tmp_path):
    secret = x25519.Identity.generate()
    path = tmp_path / "key.txt"
    path.write_text(f"# created: 2026-01-01\n# public key: {secret.to_public()}\n{secret}\n")
    loaded = load_identities(path, lambda: pytest.fail("no passphrase should be asked"))
    assert loaded.public_keys == (str(secret.to_public()),)


@pytest.mark.parametrize(
    "content",
    [b"", b"hello\n", b"AGE-SECRET-KEY-1NOTBECH32\n", b"\xff\xfe\x00", b"# only comments\n"],
)
def test_files_that_are_not_identities(tmp_path, content):
    path = tmp_path / "key.txt"
    path.write_bytes(content)
    with pytest.raises(NotAnIdentity):
        load_identities(path, lambda: PASSPHRASE)


def test_missing_folder_and_huge_identity_files(tmp_path):
    with pytest.raises(NotAnIdentity):
        load_identities(tmp_path / "absent.age", lambda: PASSPHRASE)
    with pytest.raises(NotAnIdentity):
        load_identities(tmp_path, lambda: PASSPHRASE)
    huge = tmp_path / "huge.txt"
    huge.write_bytes(b"#" * (65 * 1024))
    with pytest.raises(TooLarge):
        load_identities(huge, lambda: PASSPHRASE)


def test_encrypt_then_decrypt_round_trip_in_memory():
    secret = x25519.Identity.generate()
    text = "# Synthèse\n\nÉlodie veut devenir formatrice. ✓\n"
    sealed = encrypt_summary(text, str(secret.to_public()))
    assert sealed.startswith(b"age-encryption.org/v1\n")
    assert "formatrice".encode() not in sealed
    assert decrypt_summary(sealed, (secret,), name="a.md.age").decode() == text


def test_a_summary_for_one_dossier_key_cannot_be_opened_with_another():
    first, second = x25519.Identity.generate(), x25519.Identity.generate()
    sealed = encrypt_summary("secret", str(first.to_public()))
    with pytest.raises(NotForThisIdentity) as raised:
        decrypt_summary(sealed, (second,), name="camille.md.age")
    assert "camille.md.age" in str(raised.value)


@pytest.mark.parametrize("cut", [10, 60, -1])
def test_damaged_encrypted_files(cut):
    secret = x25519.Identity.generate()
    sealed = encrypt_summary("x" * 1000, str(secret.to_public()))
    damaged = sealed[:cut] if cut > 0 else sealed[:-1] + bytes([sealed[-1] ^ 1])
    with pytest.raises((DamagedEncryptedFile, NotForThisIdentity)):
        decrypt_summary(damaged, (secret,), name="a.md.age")


def test_sizes_are_bounded():
    secret = x25519.Identity.generate()
    with pytest.raises(TooLarge):
        encrypt_summary("x" * (MAX_SUMMARY_BYTES + 1), str(secret.to_public()))
    with pytest.raises(TooLarge):
        decrypt_summary(b"age-encryption.org/v1\n" + b"x" * (MAX_SUMMARY_BYTES * 2), (secret,), name="big.age")


def test_encrypted_export_file_is_private_and_refuses_the_journal_folder(tmp_path):
    secret = x25519.Identity.generate()
    journal_folder = tmp_path / "journal"
    journal_folder.mkdir()
    target = tmp_path / "bilan.md.age"
    write_encrypted_export(target, "Bonjour", str(secret.to_public()), journal_folder)
    assert stat.S_IMODE(os.stat(target).st_mode) == 0o600
    assert decrypt_summary(target.read_bytes(), (secret,), name=target.name) == b"Bonjour"
    with pytest.raises(JournalError):
        write_encrypted_export(journal_folder / "x.md.age", "Bonjour", str(secret.to_public()), journal_folder)


def test_encrypted_name():
    assert encrypted_name("bilan-2026-03-14.md") == "bilan-2026-03-14.md.age"
    assert encrypted_name("bilan.html.age") == "bilan.html.age"
