"""On the export screen: « chiffré pour {conseiller} », checked by default when the key is confirmed.

Without a confirmed key the widget says, before anything is written, where
copies of a clear file linger; when a key waits for its check, a button opens
the fingerprint comparison. Compact (two or three lines) so the preview keeps
its room at 80×24.
"""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.widgets import Button, Checkbox, Static

from journal.core.sharing.conseiller_key import KeyToConfirm, Recipient, confirmed_recipient, key_waiting_for_confirmation
from journal.core.storage import JournalError
from journal.i18n import t
from journal.tui.sharing.key_confirmation import conseiller_name
from journal.tui.sharing.key_prompt import offer_key_confirmation


class EncryptionChoice(Vertical):
    DEFAULT_CSS = """
    EncryptionChoice { height: auto; padding: 0 1; }
    EncryptionChoice #encryption-means { color: $text-muted; }
    EncryptionChoice #encryption-check { display: none; }
    EncryptionChoice.-has-key #encryption-check { display: block; }
    EncryptionChoice #key-waiting { height: auto; display: none; }
    EncryptionChoice.-key-waiting #key-waiting { display: block; }
    EncryptionChoice #key-waiting-text { width: 1fr; color: $warning; }
    EncryptionChoice #check-key { margin-left: 1; }
    """

    class Changed(Message):
        """The choice changed: the export screen updates the suggested file name."""

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.recipient: Recipient | None = None
        self.waiting: KeyToConfirm | None = None

    def compose(self) -> ComposeResult:
        yield Checkbox("", value=True, id="encryption-check", compact=True)
        with Horizontal(id="key-waiting"):
            yield Static("", id="key-waiting-text", markup=False)
            yield Button(t("key_check.check_button"), id="check-key", compact=True)
        yield Static("", id="encryption-means", markup=False)

    def on_mount(self) -> None:
        self.refresh_choice()

    def refresh_choice(self) -> None:
        """Read the current bilan's key again (after a confirmation, say)."""
        try:
            self.recipient = confirmed_recipient(self.app.store)
            self.waiting = key_waiting_for_confirmation(self.app.store)
        except JournalError as error:
            self.app.notify(str(error), severity="error", markup=False)
            self.recipient, self.waiting = None, None
        self.set_class(self.recipient is not None, "-has-key")
        self.set_class(self.waiting is not None, "-key-waiting")
        if self.waiting is not None:
            name = conseiller_name(self.waiting.conseiller)
            self.query_one("#key-waiting-text", Static).update(t("export_encryption.waiting", conseiller=name))
        if self.recipient is not None:
            name = conseiller_name(self.recipient.conseiller)
            self.query_one("#encryption-check", Checkbox).label = t("export_encryption.label", conseiller=name)
        self._explain()

    @property
    def key(self) -> str | None:
        """The key to encrypt for, or None for a clear file."""
        if self.recipient is None or not self.query_one("#encryption-check", Checkbox).value:
            return None
        return self.recipient.key

    def _explain(self) -> None:
        means = self.query_one("#encryption-means", Static)
        if self.key is not None:
            name = conseiller_name(self.recipient.conseiller)
            means.update(t("export_encryption.means", conseiller=name, fingerprint=self.recipient.fingerprint))
        else:
            means.update(t("export_encryption.clear"))

    @on(Checkbox.Changed, "#encryption-check")
    def _toggled(self, event: Checkbox.Changed) -> None:
        event.stop()
        self._explain()
        self.post_message(self.Changed())

    @on(Button.Pressed, "#check-key")
    def _check_key(self, event: Button.Pressed) -> None:
        event.stop()
        offer_key_confirmation(self.app, insist=True, done=lambda _: self._after_check())

    def _after_check(self) -> None:
        self.refresh_choice()
        self.post_message(self.Changed())
