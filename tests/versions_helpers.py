"""What the tests of saved versions share: answers saved across sessions, where an entry's versions file is."""

from __future__ import annotations

import pytest

from journal.core.storage import crypto
from journal.core.storage.versions_folder import file_name
from journal.core.store import JournalStore


@pytest.fixture(autouse=True)
def fast_kdf(monkeypatch):
    monkeypatch.setattr(crypto, "DEFAULT_KDF", crypto.KdfParams(log2_n=10))


def answer_in_sessions(data_dir, *values, exercise="ma-demande", passphrase=None):
    """Each value saved in a new opening of the store: every one after the first keeps the one before as a version."""
    for value in values:
        with JournalStore(data_dir, passphrase=passphrase, snapshot_on_open=False) as store:
            store.entries.save_answer(exercise, "q", value)


def entry_file(data_dir, exercise="ma-demande", instance=1):
    return data_dir / "versions" / file_name(exercise, instance)
