"""A digest of a set of files, names and bytes: what tells whether a module written from them is still theirs."""

from __future__ import annotations

from pathlib import Path

try:  # BLAKE2 itself: hashlib would load OpenSSL first, for nothing here
    from _blake2 import blake2b
except ImportError:  # pragma: no cover - an interpreter without CPython's built-in BLAKE2
    from hashlib import blake2b


def files_digest(base: Path, names: list[str]) -> str:
    """BLAKE2b of each file ``base / name`` in the order given: its name, its length, its bytes (OSError if one is unreadable)."""
    digest = blake2b(digest_size=32)
    for name in names:
        with open(base / name, "rb") as handle:
            content = handle.read()
        digest.update(name.encode("utf-8", "surrogateescape") + b"\0" + len(content).to_bytes(8, "big") + content)
    return digest.hexdigest()
