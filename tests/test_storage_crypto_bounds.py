"""Encrypted headers are untrusted: a crafted scrypt cost is refused in one line, before any key is derived."""

from __future__ import annotations

import os
import time

import pytest

from journal.cli.main import main
from journal.core.storage import crypto
from journal.core.storage.crypto import COST_MARGIN, KdfParams

WRITTEN = KdfParams()


def crafted(log2_n: int, r: int, p: int) -> bytes:
    header = crypto.Header(KdfParams(log2_n, r, p), os.urandom(16), os.urandom(16), os.urandom(12))
    return header.pack() + os.urandom(64)


def test_what_bilan_writes_is_accepted_with_its_margin():
    assert WRITTEN.acceptable()
    assert KdfParams(10, 1, 1).acceptable()
    assert KdfParams(WRITTEN.log2_n + 2, WRITTEN.r, WRITTEN.p).acceptable()  # 4 × memory and time
    assert KdfParams(WRITTEN.log2_n, WRITTEN.r, WRITTEN.p * COST_MARGIN).acceptable()  # 4 × time, same memory


@pytest.mark.parametrize(
    "params",
    [
        KdfParams(22, 32, 16),  # ~16 GiB: the bound this replaces let it through
        KdfParams(WRITTEN.log2_n + 3, 8, 1),  # 8 × memory
        KdfParams(WRITTEN.log2_n, 8, COST_MARGIN + 1),  # same memory, 5 × time
        KdfParams(WRITTEN.log2_n + 2, 8, 2),  # 4 × memory and 8 × time
        KdfParams(WRITTEN.log2_n, 8 * COST_MARGIN + 1, 1),  # a little over in memory through r
        KdfParams(255, 255, 255),
    ],
    ids=str,
)
def test_costlier_headers_are_refused(params):
    assert not params.acceptable() and params.too_costly
    with pytest.raises(crypto.TooCostly):
        crypto.read_header(crafted(params.log2_n, params.r, params.p))


@pytest.mark.parametrize("params", [KdfParams(9, 8, 1), KdfParams(17, 0, 1), KdfParams(17, 8, 0)], ids=str)
def test_too_weak_headers_are_an_unknown_format(params):
    assert not params.acceptable() and not params.too_costly
    with pytest.raises(crypto.UnknownFormat):
        crypto.read_header(crafted(params.log2_n, params.r, params.p))


def test_memory_and_work_are_scrypts():
    assert KdfParams(17, 8, 1).memory == 128 * 8 * 2**17 == 128 * 2**20
    assert KdfParams(17, 8, 3).work == 3 * 8 * 2**17


def test_crafted_journal_is_refused_fast_in_one_line_without_deriving(tmp_path, monkeypatch, capsys):
    folder = tmp_path / "journal"
    folder.mkdir()
    (folder / "journal.json").write_bytes(crafted(22, 32, 16))
    monkeypatch.setenv("BILAN_PASSPHRASE", "une phrase assez longue")

    def never(*_args):
        raise AssertionError("a key was derived")

    monkeypatch.setattr(crypto, "derive_key", never)
    started = time.monotonic()
    for args in (["note", "x"], ["export", "-o", "-"], ["decrypt"]):
        assert main(["--data", str(folder), *args]) == 1
        err = capsys.readouterr().err
        assert err.count("\n") == 1 and "bien plus coûteux" in err
    assert time.monotonic() - started < 5
    assert not crypto.Cipher("une phrase assez longue").matches(crafted(22, 32, 16))


@pytest.mark.parametrize(("offset", "value"), [(8, 2), (9, 2), (8, 0), (9, 0)], ids=["version", "kdf", "version-0", "kdf-0"])
def test_an_unknown_version_or_kdf_is_an_unknown_format(offset, value):
    raw = bytearray(crafted(WRITTEN.log2_n, WRITTEN.r, WRITTEN.p))
    raw[offset] = value
    with pytest.raises(crypto.UnknownFormat) as raised:
        crypto.read_header(bytes(raw))
    assert not isinstance(raised.value, crypto.TooCostly)


def test_matches_tells_the_right_passphrase(monkeypatch):
    monkeypatch.setattr(crypto, "DEFAULT_KDF", KdfParams(log2_n=10))
    sealed = crypto.Cipher("une phrase assez longue").seal(b"{}")
    assert crypto.Cipher("une phrase assez longue").matches(sealed) is True
    assert crypto.Cipher("une autre phrase").matches(sealed) is False
    assert crypto.Cipher("une phrase assez longue").matches(b"{}") is False
