"""First start: what bilan does in plain words, where the journal lives, that nothing leaves
without the worker's choice, how to get help; then an optional alias, the conseiller's name,
the next appointment (each only when no imported assignment gives it), and an offer to
encrypt the journal.

Shown once (the journal remembers it); reachable again from the help screen. The buttons stay at the
bottom of the dialog while its text scrolls, so the way on is seen at once on a small terminal; what was
typed is kept however the worker leaves (« Plus tard », Escape, Ctrl+Q).
"""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Button, Checkbox, Input, Label, Static

from journal.core.profile import Profile, mark_welcomed, parse_appointment, read_profile, save_profile
from journal.core.progress import given_by_assignment
from journal.core.store import now
from journal.core.storage import JournalError
from journal.core.text_safety import inert_line
from journal.i18n import t


class WelcomeScreen(ModalScreen[None]):
    BINDINGS = [
        Binding("escape", "later", t("worker.welcome.later")),
        Binding("question_mark", "app.help", t("keys.help"), show=False),
    ]

    def compose(self) -> ComposeResult:
        store = self.app.store
        profile = read_profile(store)
        with Vertical(classes="modal-box welcome-box"):
            with VerticalScroll(id="welcome-text"):
                yield from self._questions(store, profile)
            with Horizontal(id="welcome-actions"):
                yield Button(t("worker.welcome.start"), id="start", variant="primary", compact=True)
                yield Button(t("worker.welcome.later"), id="later", compact=True)

    def _questions(self, store, profile: Profile) -> ComposeResult:
        """What the welcome says and asks, in the part that scrolls."""
        yield Static(t("worker.welcome.title"), classes="prompt-label")
        yield Static(t("worker.welcome.body", folder=inert_line(str(store.data_dir))), markup=False)
        yield Label(t("worker.welcome.alias"))
        yield Input(profile.alias, id="alias", max_length=80, compact=True, placeholder=t("worker.welcome.type_here"))
        given = given_by_assignment(store, now())
        if given.conseiller:
            yield Static(t("worker.welcome.conseiller_given", name=inert_line(given.conseiller)), markup=False)
        else:
            yield Label(t("worker.welcome.conseiller"))
            yield Input(profile.conseiller, id="conseiller", max_length=80, compact=True, placeholder=t("worker.welcome.type_here"))
        if given.appointment is not None:
            yield Static(t("worker.welcome.appointment_given", date=given.appointment.strftime(t("formats.datetime"))), markup=False)
        else:
            yield Label(t("worker.welcome.appointment"))
            when = profile.next_appointment.strftime("%d/%m/%Y %H:%M") if profile.next_appointment else ""
            yield Input(when, id="appointment", placeholder=t("worker.welcome.appointment_placeholder"), max_length=40, compact=True)
        if not store.encrypted:
            yield Checkbox(t("worker.welcome.encrypt"), id="encrypt")
            yield Input(id="passphrase", password=True, placeholder=t("worker.welcome.passphrase"), classes="passphrase", compact=True)
            yield Input(id="passphrase-again", password=True, placeholder=t("worker.welcome.passphrase_again"), classes="passphrase", compact=True)
            yield Static(t("worker.welcome.passphrase_warning"), classes="muted passphrase")

    def on_mount(self) -> None:
        for field in self.query(".passphrase"):
            field.display = False
        # The focus waits in the first field; the box opens at its top, so the welcome is read first.
        self.query_one("#alias", Input).focus(scroll_visible=False)
        self.call_after_refresh(self.query_one(VerticalScroll).scroll_home, animate=False)

    @on(Input.Changed)
    def _typing_seen(self, event: Input.Changed) -> None:
        # The box opens at the top of its text: on a small terminal the first field may be below it, and what is
        # typed there must show.
        event.input.scroll_visible(animate=False)

    @on(Checkbox.Changed, "#encrypt")
    def _encrypt_toggled(self, event: Checkbox.Changed) -> None:
        # The focus stays on the box: Tab then goes to the first passphrase field, the second, then « Commencer ».
        for field in self.query(".passphrase"):
            field.display = event.value
        if event.value:
            self.query(".passphrase").last().scroll_visible(animate=False)

    @on(Button.Pressed, "#start")
    def action_start(self) -> None:
        try:
            profile = self._typed_profile()
        except ValueError:
            self.notify(t("worker.welcome.bad_date"), severity="warning", timeout=8)
            self.query_one("#appointment", Input).focus()
            return
        if not self._encrypt_if_asked():
            return
        if self.app.guarded(save_profile, self.app.store, profile) and self.app.guarded(mark_welcomed, self.app.store):
            self.dismiss(None)

    def _typed_profile(self, *, strict: bool = True) -> Profile:
        """The profile as typed. An appointment that is not a date: ValueError, or (not ``strict``) the one known."""
        known = read_profile(self.app.store)
        # A field not shown (the assignment gives it) keeps what the journal already holds.
        typed_date = self._typed("#appointment")
        try:
            when = known.next_appointment if typed_date is None else parse_appointment(typed_date)
        except ValueError:
            if strict:
                raise
            when = known.next_appointment
        conseiller = self._typed("#conseiller")
        return Profile(self.query_one("#alias", Input).value, known.conseiller if conseiller is None else conseiller, when)

    def _typed(self, selector: str) -> str | None:
        """What the field holds, or None when the field is not on the screen."""
        found = self.query(selector)
        return found.first(Input).value if found else None

    def _encrypt_if_asked(self) -> bool:
        """Encrypt now if the box is ticked; False (and a message) when the passphrase will not do."""
        boxes = self.query("#encrypt")
        if not boxes or not boxes.first(Checkbox).value:
            return True
        first, second = self.query_one("#passphrase", Input).value, self.query_one("#passphrase-again", Input).value
        if first != second:
            self.notify(t("worker.welcome.passphrase_mismatch"), severity="warning", timeout=8)
            return False
        try:
            self.app.store.enable_encryption(first)
        except JournalError as error:
            self.notify(str(error), severity="error", timeout=10, markup=False)
            return False
        self.notify(t("worker.welcome.encrypted"), timeout=8)
        return True

    def flush(self) -> bool:
        """Keep the alias, conseiller and appointment typed when the worker leaves or quits (never the passphrase:
        the journal is encrypted only by « Commencer »). An appointment that is not a date keeps the one known."""
        return self.app.guarded(save_profile, self.app.store, self._typed_profile(strict=False))

    @on(Button.Pressed, "#later")
    def action_later(self) -> None:
        """Leaving the welcome keeps it from coming back: it stays in the help."""
        if self.flush():
            self.app.guarded(mark_welcomed, self.app.store)
            self.dismiss(None)

    def help_section(self) -> str:
        return t("worker.help.welcome")
