"""The whole loop of encrypted sharing, as the conseiller and the worker live it.

keygen (passphrase from BILAN_IDENTITY_PASSPHRASE) → assign with the key →
import → the worker confirms the fingerprint in the app → export --to →
review with the identity opens it under its dossier and finds the answers.
Also: a changed key is not used until confirmed; private words never travel.
"""

from __future__ import annotations

import argparse
from datetime import date, timedelta

import pytest
from pyrage import x25519
from textual.widgets import Button, Checkbox

from journal.cli.commands.review import load_caseload
from journal.cli.main import main
from journal.core.sharing import decrypt_summary, fingerprint, load_identities
from journal.core.sharing.conseiller_key import confirmed_recipient, key_waiting_for_confirmation
from journal.core.store import JournalStore
from journal.tui.app import BilanApp
from journal.tui.review import ReviewApp
from journal.tui.sharing.key_confirmation import KeyConfirmationScreen

PASSPHRASE = "phrase de passe du conseiller"
ANSWER = "Je veux transmettre mon savoir-faire de menuisière"
PRIVATE = "Hippopotomonstrueux secret de famille"


@pytest.fixture(autouse=True)
def conseiller_environment(tmp_path, monkeypatch):
    monkeypatch.setenv("BILAN_IDENTITY_PASSPHRASE", PASSPHRASE)
    monkeypatch.setenv("BILAN_CONSEILLER_HOME", str(tmp_path / "conseiller"))


def keygen(path, dossier, capsys) -> str:
    assert main(["keygen", "-o", str(path), "--dossier", dossier]) == 0
    out = capsys.readouterr().out
    return next(word for word in out.split() if word.startswith("age1"))


def assign(path, key, capsys, *, dossier="D-2026-014") -> None:
    due = (date.today() + timedelta(days=20)).isoformat()
    arguments = ["assign", "--for", "Camille", "--from", "Mme Lefèvre", "--dossier", dossier, "--key", key]
    arguments += ["--exercise", "ma-demande", "--due", due, "-o", str(path)]
    assert main(arguments) == 0, capsys.readouterr().err
    capsys.readouterr()


def answer(data_dir) -> None:
    with JournalStore(data_dir) as store:
        store.entries.save_answer("ma-demande", "pourquoi-maintenant", ANSWER)
        store.entries.save_answer("mon-emploi-actuel", "poste", PRIVATE)
        store.entries.set_private("mon-emploi-actuel", True)
        store.notes.add(f"Note privée : {PRIVATE}", private=True)


async def confirm_in_app(data_dir, catalogue, *, expect_previous: bool = False) -> None:
    with JournalStore(data_dir) as store:
        app = BilanApp(store, catalogue)
        async with app.run_test(size=(100, 30)) as pilot:
            await pilot.pause()
            assert isinstance(app.screen, KeyConfirmationScreen)
            text = " ".join(str(widget.render()) for widget in app.screen.query("Static"))
            waiting = key_waiting_for_confirmation(store)
            assert waiting.fingerprint in text
            assert ("ancienne empreinte" in text) == expect_previous
            await pilot.click("#key-confirm")
            await pilot.pause()
            assert not isinstance(app.screen, KeyConfirmationScreen)


async def test_the_whole_loop(tmp_path, data_dir, catalogue, capsys):
    key_file = tmp_path / "cles" / "D-2026-014.age"
    key_file.parent.mkdir()
    key = keygen(key_file, "D-2026-014", capsys)
    assignment = tmp_path / "camille.toml"
    assign(assignment, key, capsys)
    assert main(["--data", str(data_dir), "import", str(assignment)]) == 0
    answer(data_dir)
    with JournalStore(data_dir) as store:
        assert confirmed_recipient(store) is None
        assert key_waiting_for_confirmation(store).fingerprint == fingerprint(key)

    await confirm_in_app(data_dir, catalogue)
    with JournalStore(data_dir) as store:
        assert confirmed_recipient(store).key == key

    received = tmp_path / "recus"
    received.mkdir()
    assert main(["--data", str(data_dir), "export", "--to", key, "-o", str(received / "camille.md")]) == 0
    sealed = received / "camille.md.age"
    assert sealed.exists()
    clear = decrypt_summary(sealed.read_bytes(), load_identities(key_file, lambda: PASSPHRASE).identities, name="x").decode()
    assert ANSWER in clear and PRIVATE not in clear

    dossiers, refusals = load_caseload(argparse.Namespace(identity=str(key_file), paths=[str(received)]))
    assert refusals == []
    app = ReviewApp(dossiers, refusals)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        tree = app.query_one("#caseload")
        assert str(tree.root.children[0].label) == "Camille · D-2026-014"
        assert "chiffré" in str(tree.root.children[0].children[0].label)
        await pilot.press("ctrl+f", *"menuisiere")
        await pilot.pause()
        assert str(app.query_one("#search-count").render()).startswith("1/1")


async def test_a_changed_key_is_not_used_until_confirmed(tmp_path, data_dir, catalogue, capsys):
    # Keys made in memory: keygen itself is tried in the whole loop above (its scrypt is slow on purpose).
    first, second = (str(x25519.Identity.generate().to_public()) for _ in range(2))
    assign(tmp_path / "a1.toml", first, capsys)
    main(["--data", str(data_dir), "import", str(tmp_path / "a1.toml")])
    await confirm_in_app(data_dir, catalogue)
    assign(tmp_path / "a2.toml", second, capsys)
    main(["--data", str(data_dir), "import", str(tmp_path / "a2.toml")])
    with JournalStore(data_dir) as store:
        assert confirmed_recipient(store).key == first
        waiting = key_waiting_for_confirmation(store)
        assert waiting.key == second and waiting.replaces_fingerprint == fingerprint(first)
    await confirm_in_app(data_dir, catalogue, expect_previous=True)
    with JournalStore(data_dir) as store:
        assert confirmed_recipient(store).key == second
        assert key_waiting_for_confirmation(store) is None


async def test_later_leaves_the_key_unused_and_the_export_in_clear(tmp_path, data_dir, catalogue, capsys):
    key = str(x25519.Identity.generate().to_public())
    assign(tmp_path / "a.toml", key, capsys)
    main(["--data", str(data_dir), "import", str(tmp_path / "a.toml")])
    with JournalStore(data_dir) as store:
        app = BilanApp(store, catalogue)
        async with app.run_test(size=(100, 30)) as pilot:
            await pilot.pause()
            await pilot.press("escape")
            await pilot.pause()
            assert confirmed_recipient(store) is None
            app.action_export()
            await pilot.pause()
            assert not app.screen.query_one("#encryption-check", Checkbox).display
            assert app.screen.query_one("#check-key", Button).display


async def test_the_export_screen_encrypts_for_a_confirmed_key_by_default(tmp_path, data_dir, catalogue, capsys, monkeypatch):
    key_file = tmp_path / "cle.age"
    key = keygen(key_file, "D-2026-014", capsys)
    assign(tmp_path / "a.toml", key, capsys)
    main(["--data", str(data_dir), "import", str(tmp_path / "a.toml")])
    answer(data_dir)
    monkeypatch.chdir(tmp_path)
    with JournalStore(data_dir) as store:
        app = BilanApp(store, catalogue)
        async with app.run_test(size=(100, 30)) as pilot:
            await pilot.press("escape")  # « Plus tard » at start
            app.action_export()
            await pilot.pause()
            screen = app.screen
            assert not screen.query_one("#encryption-check").display
            await pilot.click("#check-key")
            await pilot.pause()
            assert isinstance(app.screen, KeyConfirmationScreen)
            await pilot.click("#key-confirm")
            await pilot.pause()
            check = screen.query_one("#encryption-check", Checkbox)
            assert check.display and check.value
            assert "Mme Lefèvre" in str(check.label)
            assert fingerprint(key) in str(screen.query_one("#encryption-means").render())
            await pilot.pause(0.5)
            assert screen.query_one("#export-path").value.endswith(".md.age")
            check.value = False  # the worker may still choose a clear file, told where copies linger
            await pilot.pause()
            assert screen.query_one("#export-path").value.endswith(".md")
            assert "Téléchargements" in str(screen.query_one("#encryption-means").render())
            check.value = True
            await pilot.pause()
            path = screen.query_one("#export-path").value
            assert path.endswith(".md.age")
            await pilot.press("ctrl+s")
            await app.workers.wait_for_complete()
            await pilot.pause()
    sealed = tmp_path / path.rsplit("/", 1)[-1]
    clear = decrypt_summary(sealed.read_bytes(), load_identities(key_file, lambda: PASSPHRASE).identities, name="x").decode()
    assert ANSWER in clear and PRIVATE not in clear
    assert clear.startswith("---\nbilan_summary: 1")
