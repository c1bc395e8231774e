"""The floor of any Textual app: bilan's home screen widget kinds, no data, no journal.

Header, a list beside a scrolling detail panel, and the footer — the same
kinds of widgets as bilan's first screen — with a few fixed lines. The time
from starting it to its text being on screen is what Textual itself costs;
the benchmark measures bilan's first screen against it.

Run: ``python -m benchmarks.floor_app`` (ctrl+q quits).
"""

from __future__ import annotations

from textual.app import App, ComposeResult
from textual.containers import Horizontal, VerticalScroll
from textual.widgets import Footer, Header, OptionList, Static, TextArea
from textual.widgets.option_list import Option

MARKER = "Plancher Textual"

CSS = """
#floor-body { height: 1fr; }
#floor-list { width: 40%; }
#floor-detail { width: 60%; padding: 0 2; }
"""


class FloorApp(App):
    CSS = CSS
    TITLE = "plancher"

    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal(id="floor-body"):
            yield OptionList(
                Option("Phase 1", disabled=True),
                Option(f"  ○ {MARKER}"),
                Option("  ○ Deuxième ligne"),
                id="floor-list",
            )
            with VerticalScroll(id="floor-detail"):
                yield Static(f"{MARKER}\n\nUne application Textual sans données.", markup=False)
        yield Footer()

    def on_mount(self) -> None:
        self.query_one(OptionList).focus()


if __name__ == "__main__":
    FloorApp().run()


class FloorTextApp(App):
    """The floor of typing: a bare TextArea holding ``text``, sized as bilan's long answers, no data.

    Header and footer as in bilan's exercise screen; the text area has the same
    soft wrapping and height rules as ``LongTextEditor``.
    """

    CSS = """
    #floor-scroll { height: 1fr; }
    #floor-scroll TextArea { height: auto; min-height: 5; max-height: 16; }
    """
    TITLE = "plancher"

    def __init__(self, text: str):
        super().__init__()
        self.text = text

    def compose(self) -> ComposeResult:
        yield Header()
        with VerticalScroll(id="floor-scroll"):
            yield Static(f"{MARKER}\n\n1. Une question", markup=False)
            yield TextArea(self.text, soft_wrap=True, show_line_numbers=False, tab_behavior="focus")
        yield Footer()
