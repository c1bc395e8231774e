"""Pick: choose a real job title (ROME) or competence (ESCO), or type one's own words.

``PickEditor`` serves both pick prompts and table columns of kind pick. The
worker types a few letters in the search field (accents and case do not
matter); ↑ / ↓ move through the short list of matches and Enter chooses one
(a click works too). With ``allow_free``, the typed text can be kept as is.
Esc closes the list, as in any combo box, and leaves the typed text as it is
(↓ opens the list again); a second Esc leaves the exercise.
The chosen titles are listed as buttons: pressing one removes it. The value
is a list of ``{"code": str | None, "label": str}``; when the prompt does not
allow several, choosing replaces the previous title. The source of the list
is credited under the list whenever the list is on screen.

What the worker chose stays chosen: letters typed afterwards are only a
search. Typed text counts as the worker's own title only while nothing is
chosen, and then it is part of the value as it is typed, so it is saved like
any answer (and survives leaving with Esc or a closed terminal). Leaving the
editor only tidies the screen; it never changes the value, and it does
nothing once the editor is being removed.
"""

from __future__ import annotations

from typing import Any

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.widgets import Button, Input, OptionList, Static

from journal.core.models import PromptKind
from journal.core.reference_data import Reference, fold, search, source_credit
from journal.i18n import t
from journal.tui.widgets.safe_editors import SafeInput
from journal.tui.safe_text import line, plain_line
from journal.tui.widgets.editors.base import PromptEditor
from journal.tui.widgets.editors.keys import translate_bindings

SHOWN_MATCHES = 30


def picked_text(pick: dict[str, Any], source: str) -> str:
    """A chosen title as the worker reads it: ROME codes are short enough to show."""
    label = str(pick.get("label", ""))
    code = pick.get("code")
    return f"{label} ({code})" if code and source == "rome" else label


class PickEditor(PromptEditor):
    """Search a reference list, choose titles, remove them; free text when allowed."""

    BINDINGS = [
        Binding("down", "highlight_match(1)", show=False),
        Binding("up", "highlight_match(-1)", show=False),
        # Only while the list is open: otherwise Esc goes on to the screen, which leaves the exercise.
        Binding("escape", "close_matches", "editor.pick.close"),
    ]

    DEFAULT_CSS = """
    PickEditor { height: auto; }
    PickEditor > .pick-chosen { height: auto; }
    PickEditor > .pick-chosen > Button { width: auto; max-width: 100%; margin: 0 0 0 0; }
    PickEditor > .pick-matches { height: auto; max-height: 8; }
    PickEditor > .pick-credit { color: $text-muted; text-style: italic; }
    """

    def __init__(self, spec, value: Any = None, **kwargs: Any):
        super().__init__(spec, value, **kwargs)
        picks = value if isinstance(value, list) else [value] if isinstance(value, dict) else []
        self.picks: list[dict[str, Any]] = [
            {"code": pick.get("code"), "label": str(pick["label"])}
            for pick in picks
            if isinstance(pick, dict) and str(pick.get("label", "")).strip()
        ]
        self._matches: list[Reference | None] = []
        # Built once in ``compose`` and kept: handlers that run while the screen is being
        # left must never look their parts up again (they may already be gone).
        self._search = SafeInput(placeholder=t(f"editor.pick.placeholder_{self.source}"), classes="pick-search")
        self._match_list = OptionList(markup=False, classes="pick-matches")
        self._credit = Static(t("editor.pick.credit", credit=source_credit(self.source)), markup=False, classes="pick-credit")
        self._chosen_box = Vertical(classes="pick-chosen")
        self._closed_by_escape = False  # the list stays closed when the focus comes back to the field, until a key
        translate_bindings(self)

    @property
    def source(self) -> str:
        return self.spec.source or "rome"

    def compose(self) -> ComposeResult:
        # Search first, then what is chosen: Tab goes from the field to the matches, then to the choices.
        yield self._search
        self._match_list.display = False
        yield self._match_list
        self._credit.display = False
        yield self._credit
        yield self._chosen_box

    async def on_mount(self) -> None:
        await self._show_picks()

    @property
    def search_input(self) -> Input:
        return self._search

    @property
    def match_list(self) -> OptionList:
        return self._match_list

    @property
    def leaving(self) -> bool:
        """True once the editor (or its screen) is being taken off the screen."""
        return not self.is_attached or self._closing or self._pruning or not self._chosen_box.is_attached

    # -- chosen titles ------------------------------------------------------------------

    async def _show_picks(self) -> None:
        if self.leaving:
            return
        box = self._chosen_box
        await box.remove_children()
        buttons = []
        for index, pick in enumerate(self.picks):
            button = Button(line(f"{picked_text(pick, self.source)}  ✕"), compact=True, name=str(index))
            button.tooltip = t("editor.pick.remove")
            buttons.append(button)
        if buttons:
            await box.mount_all(buttons)

    def _already_chosen(self, pick: dict[str, Any]) -> bool:
        if pick["code"]:
            return any(chosen["code"] == pick["code"] for chosen in self.picks)
        return any(fold(chosen["label"]) == fold(pick["label"]) for chosen in self.picks)

    def _typed_title(self) -> dict[str, Any] | None:
        """The typed text as the worker's own title: only when free text is allowed and nothing is chosen."""
        text = self.search_input.value.strip()
        if not text or not self.spec.allow_free or self.picks:
            return None
        return {"code": None, "label": text}

    def _record(self) -> None:
        """The value: what is chosen, or else the worker's own words as typed."""
        typed = self._typed_title()
        chosen = self.picks if typed is None else [typed]
        self.set_value([dict(pick) for pick in chosen])

    async def _choose(self, pick: dict[str, Any]) -> None:
        # Value first and search cleared at once: a key pressed meanwhile (Tab) finds the choice made.
        if not self._already_chosen(pick):
            self.picks = [*self.picks, pick] if self.spec.multiple else [pick]
        self.search_input.value = ""
        self._record()
        self.search_input.focus()
        await self._show_picks()

    @on(Button.Pressed, ".pick-chosen Button")
    async def _remove_clicked(self, event: Button.Pressed) -> None:
        event.stop()
        index = int(event.button.name or 0)
        self.picks = [pick for position, pick in enumerate(self.picks) if position != index]
        self._record()
        self.search_input.focus()
        await self._show_picks()

    # -- searching ----------------------------------------------------------------------

    @on(Input.Changed, ".pick-search")
    def _typed(self, event: Input.Changed) -> None:
        event.stop()
        if self.leaving:
            return
        self._closed_by_escape = False
        self._record()
        self._show_matches(event.value.strip())

    def _show_matches(self, query: str) -> None:
        """The matches of ``query`` (none for an empty query), with the source credited under them."""
        self._matches = list(search(self.source, query, limit=SHOWN_MATCHES)) if query else []
        if query and self.spec.allow_free:
            self._matches.append(None)
        prompts = [self._match_prompt(match, query) for match in self._matches]
        matches = self.match_list
        matches.set_options(prompts)
        self._show_list(bool(prompts))
        if prompts:
            matches.highlighted = 0
            # The list opens under the field: bring it into view, or the worker types blind.
            self.call_after_refresh(matches.scroll_visible, animate=False)

    def _show_list(self, shown: bool) -> None:
        """Open or close the list of matches (and the credit of its source)."""
        if shown == self.match_list.display:
            return
        self.match_list.display = shown
        self._credit.display = shown
        self.refresh_bindings()  # Esc closes the list while it is open, and the footer says so

    def on_descendant_focus(self) -> None:
        if not (self.leaving or self._closed_by_escape) and self.search_input.has_focus and not self.match_list.display:
            self._show_matches(self.search_input.value.strip())

    def on_descendant_blur(self) -> None:
        # The list closes once the focus has left the editor (it may only move to the list).
        if not self.leaving:
            self.call_after_refresh(self._close_if_left)

    async def _close_if_left(self) -> None:
        if self.leaving or self.has_focus_within:
            return
        self._closed_by_escape = False
        self._show_list(False)
        typed = self._typed_title()
        if typed is not None:
            # Already the value: now shown as a chosen title, like any other.
            self.picks = [typed]
            self.search_input.value = ""
            self._record()
            await self._show_picks()

    def _match_prompt(self, match: Reference | None, query: str) -> Content:
        if match is None:
            return Content.assemble(("+ ", "bold"), plain_line(t("editor.pick.free", text=query)))
        detail = f"{match.code} · {match.group}" if self.source == "rome" and match.group else match.code if self.source == "rome" else match.group
        return Content.assemble(plain_line(match.label), (plain_line(f" · {detail}"), "dim"))

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if self.leaving:
            return action not in ("highlight_match", "close_matches")
        if action == "highlight_match":
            # ↓ in the field also opens the list again after Esc closed it.
            reopens = parameters == (1,) and self._closed_by_escape and bool(self.search_input.value.strip())
            return self.search_input.has_focus and (self.match_list.display or reopens)
        if action == "close_matches":
            return self.match_list.display
        return True

    def action_highlight_match(self, delta: int) -> None:
        matches = self.match_list
        if not matches.display:
            self._closed_by_escape = False
            self._show_matches(self.search_input.value.strip())
        elif delta > 0:
            matches.action_cursor_down()
        else:
            matches.action_cursor_up()

    def action_close_matches(self) -> None:
        """Close the list; the typed text stays in the field, and is the value as before."""
        self._closed_by_escape = True
        if not self.search_input.has_focus:
            self.search_input.focus()  # the focus was in the list, which is going
        self._show_list(False)

    @on(Input.Submitted, ".pick-search")
    async def _entered(self, event: Input.Submitted) -> None:
        event.stop()
        if self.leaving:
            return
        index = self.match_list.highlighted if self.match_list.display else None
        if index is not None:
            await self._choose_match(index)

    @on(OptionList.OptionSelected, ".pick-matches")
    async def _match_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        await self._choose_match(event.option_index)

    async def _choose_match(self, index: int) -> None:
        if not 0 <= index < len(self._matches):
            return
        match = self._matches[index]
        if match is None:
            text = self.search_input.value.strip()
            if text:
                await self._choose({"code": None, "label": text})
        else:
            await self._choose({"code": match.code, "label": match.label})


PICK_EDITORS = {PromptKind.PICK: PickEditor}
