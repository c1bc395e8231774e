"""``exports.json``, beside the journal: how many summaries were shared in each bilan; read with care, written atomically.

Counting a shared summary used to rewrite the whole journal (7 MB at 20,000
notes, with an fsync) to add one to a number. The counts live in this small
file of their own, beside the journal's real file (like ``versions.json``),
written atomically under the journal lock and sealed with the journal's cipher
when the journal is encrypted::

    {"kind": "bilan-exports", "format": 1, "counts": {"<bilan id>": 3, "": 1}}

(``""``: summaries shared before any bilan.) It is hostile input like every
file: one that is missing, not a regular file, too large, not this shape,
sealed under another key, or holding a count that is not a sensible whole
number reads as no count at all (each count checked on its own), and the
journal's own count then decides (see ``store.exports``): an export never
stops for this file.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING


from journal.core.storage import codec, json_bytes
from journal.core.storage.atomic import atomic_write
from journal.core.storage.careful_read import NotRegularFile, TooLarge, read_regular
from journal.core.storage.sealed import is_encrypted

if TYPE_CHECKING:
    from journal.core.storage import crypto

KIND = "bilan-exports"
FORMAT = 1
MAX_BYTES = 64 * 1024  # thousands of bilans' counts; a larger file is not one bilan wrote
MAX_COUNT = 1_000_000_000  # no one shares a billion summaries: a larger count is damage


def read_counts(path: Path, cipher: crypto.Cipher | None) -> dict[str, int]:
    """The usable counts of the file at ``path`` ({} when there is none, or nothing usable in it)."""
    raw = _read_small(path)
    if raw is None:
        return {}
    if is_encrypted(raw) and not _same_key(raw, cipher):
        return {}
    try:
        data, _ = codec.unseal_and_parse(raw, cipher)
    except (codec.Problem, codec.NeedPassphrase, codec.WrongPassphrase, ValueError):
        return {}
    if not isinstance(data, dict) or data.get("kind") != KIND or type(data.get("format")) is not int or data["format"] != FORMAT:
        return {}
    counts = data.get("counts")
    if not isinstance(counts, dict):
        return {}
    return {
        key: value
        for key, value in counts.items()
        if type(value) is int and 0 <= value <= MAX_COUNT  # not a bool, a float or a string
    }


def write_counts(path: Path, counts: dict[str, int], cipher: crypto.Cipher | None) -> None:
    """Replace the file with ``counts``, sealed with ``cipher`` when given. Raises ``OSError`` if the disk refuses."""
    plain = json_bytes.dumps({"kind": KIND, "format": FORMAT, "counts": counts})
    atomic_write(path, plain if cipher is None else cipher.seal_parts(plain))


def _read_small(path: Path) -> bytes | None:
    """The bytes of a regular file of at most ``MAX_BYTES`` (never through a link, never waiting on a pipe), or None."""
    try:
        return read_regular(path, MAX_BYTES)
    except (OSError, NotRegularFile, TooLarge):
        return None


def _same_key(raw: bytes, cipher: crypto.Cipher | None) -> bool:
    """Whether sealed bytes were sealed with the journal's key (same salt and cost): otherwise opening them
    would derive another key (half a second), and a file sealed before a passphrase change is of no use."""
    if cipher is None:
        return False
    from journal.core.storage import crypto

    try:
        header = crypto.read_header(raw)
    except ValueError:
        return False
    return header.salt == cipher.salt and header.params == cipher.params
