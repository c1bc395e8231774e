"""Review is read-only: no decrypted text under the temporary folders or the data folder, files untouched."""

from __future__ import annotations

import argparse
import os
import tempfile

from pyrage import x25519

from journal.cli.commands.review import load_caseload
from journal.core.sharing import encrypt_summary
from journal.tui.review import ReviewApp
from tests.summary_factory import summary_text

DISTINCTIVE = "Zanzibarquetterie"


def every_file_under(folder):
    for root, _, files in os.walk(folder):
        for name in files:
            yield os.path.join(root, name)


async def test_no_decrypted_text_reaches_the_disk(tmp_path, monkeypatch):
    secret = x25519.Identity.generate()
    identity = tmp_path / "cle.txt"
    identity.write_text(f"{secret}\n")
    received = tmp_path / "recus"
    received.mkdir()
    sealed = received / "camille.md.age"
    sealed.write_bytes(encrypt_summary(summary_text(sections={"Mes pistes": f"Devenir {DISTINCTIVE}"}), str(secret.to_public())))
    temporary, data = tmp_path / "tmp", tmp_path / "data"
    temporary.mkdir()
    data.mkdir()
    monkeypatch.setenv("TMPDIR", str(temporary))
    monkeypatch.setenv("BILAN_HOME", str(data))
    monkeypatch.setenv("XDG_DATA_HOME", str(data))
    monkeypatch.setenv("XDG_CACHE_HOME", str(data / "cache"))
    monkeypatch.setattr(tempfile, "tempdir", None)
    before = {path: os.stat(path).st_mtime_ns for path in every_file_under(received)}

    args = argparse.Namespace(identity=str(identity), paths=[str(received)], data=None, command="review")
    dossiers, refusals = load_caseload(args)
    assert not refusals
    app = ReviewApp(dossiers, refusals)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert DISTINCTIVE in app.query_one("#summary-text").source
        await pilot.press("down", "c", "c", "ctrl+f", *"zanzi", "enter", "escape")
        await pilot.pause()

    leaked = [path for folder in (temporary, data) for path in every_file_under(folder) if DISTINCTIVE.encode() in open(path, "rb").read()]
    assert leaked == []
    assert {path: os.stat(path).st_mtime_ns for path in every_file_under(received)} == before
    assert sorted(os.listdir(received)) == ["camille.md.age"]
