"""When the app asks about the conseiller's key: at start, after an import, and from the export screen.

« Plus tard » is remembered for the session only, so the question comes back
next time the app opens, without nagging on every screen change.
"""

from __future__ import annotations

import weakref
from collections.abc import Callable

from journal.core.storage import JournalError
from journal.i18n import t

# Keys the worker answered « Plus tard » to, per running app.
_postponed: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


def offer_key_confirmation(app, *, insist: bool = False, done: Callable[[bool], None] | None = None) -> bool:
    """Show the fingerprint of a key waiting for confirmation; False when there is none to show."""
    try:
        bilan = app.store.bilans.current()
        if bilan is None or not bilan.key_to_confirm:
            return False  # the usual case, at every start: no need to load the age keys code to say so
        from journal.core.sharing.conseiller_key import key_waiting_for_confirmation

        waiting = key_waiting_for_confirmation(app.store)
    except JournalError as error:
        app.notify(str(error), severity="error", markup=False)
        return False
    postponed = _postponed.setdefault(app, set())
    if waiting is None or (waiting.key in postponed and not insist):
        return False
    from journal.tui.sharing.key_confirmation import KeyConfirmationScreen, conseiller_name  # only when there is a key to show

    def answered(same: bool | None) -> None:
        from journal.core.sharing.conseiller_key import confirm

        name = conseiller_name(waiting.conseiller)
        if same and app.guarded(confirm, app.store, waiting):
            app.notify(t("key_check.confirmed", conseiller=name), markup=False)
        else:
            postponed.add(waiting.key)
            app.notify(t("key_check.not_confirmed"), severity="warning", markup=False)
        if done is not None:
            done(bool(same))

    app.push_screen(KeyConfirmationScreen(waiting), answered)
    return True
