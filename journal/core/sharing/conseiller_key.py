"""The conseiller's key as the worker's journal knows it: waiting for confirmation, or confirmed.

A key arrives in an assignment (``store.bilans.offer_key``). It is used to
encrypt exports only once the worker has compared its fingerprint with the
one the conseiller shows at an appointment (``confirm_key``); a different key
for the same bilan waits until it is confirmed in turn, so a file cannot
silently swap the conseiller's key. The records live in ``store.bilans``
(owner: assignments); this module is the one place sharing reads them.
"""

from __future__ import annotations

from journal.core.record import record
from journal.core.sharing.fingerprint import fingerprint
from journal.core.sharing.keys import InvalidPublicKey, normalized_public_key


@record
class KeyToConfirm:
    bilan_id: str
    conseiller: str
    key: str
    fingerprint: str
    replaces_fingerprint: str | None  # the confirmed key it would replace, if any


@record
class Recipient:
    conseiller: str
    key: str
    fingerprint: str


def _usable(key: str | None) -> str | None:
    """The key if it is a valid age public key (a damaged journal value is ignored, never used)."""
    if not key:
        return None
    try:
        return normalized_public_key(key)
    except InvalidPublicKey:
        return None


def key_waiting_for_confirmation(store) -> KeyToConfirm | None:
    """The key of the current bilan the worker has not confirmed yet (None when there is none)."""
    bilan = store.bilans.current()
    if bilan is None:
        return None
    key = _usable(bilan.key_to_confirm)
    if key is None:
        return None
    previous = _usable(bilan.confirmed_key)
    return KeyToConfirm(
        bilan_id=bilan.id,
        conseiller=bilan.conseiller,
        key=key,
        fingerprint=fingerprint(key),
        replaces_fingerprint=fingerprint(previous) if previous and previous != key else None,
    )


def confirmed_recipient(store) -> Recipient | None:
    """Whom exports of the current bilan are encrypted for: a confirmed key only."""
    bilan = store.bilans.current()
    if bilan is None:
        return None
    key = _usable(bilan.confirmed_key)
    if key is None:
        return None
    return Recipient(conseiller=bilan.conseiller, key=key, fingerprint=fingerprint(key))


def confirm(store, waiting: KeyToConfirm) -> bool:
    """The worker saw the same fingerprint as the conseiller: use this key from now on."""
    return bool(store.bilans.confirm_key(waiting.bilan_id, waiting.key))
