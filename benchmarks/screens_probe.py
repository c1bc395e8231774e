"""One process, one app: open each exercise, Tab through it, leave it — time to frames.

Run by ``python -m benchmarks screens`` (``benchmarks/bench_screens.py``), once
for bilan and once for its floor, interleaved; by hand:
``python -m benchmarks.screens_probe --app bilan|floor [--repeat 3]``.

Headless (``App.run_test``, 100×30), with the runtime settings ``run()`` sets up
(``typing_probe.runtime_of``). For each built-in exercise, ``--repeat`` times:

- open: from asking for the screen to the end of its first frame, and to the
  end of its last layout once nothing is left to do (« settled »: the footer's
  keys and every field in place);
- Tab: 6 Tabs, each from the key to the end of the first frame after it;
- leave: Esc (twice if a field holds it) to the home screen's first frame.

bilan's side opens the real exercise screen on an empty journal. The floor is
a Textual screen with as many widgets as that exercise screen (Static
widgets, and as many Inputs as it has focusable fields, in a scrolling body
between Header and Footer): what Textual costs for a screen of that size.
Prints one JSON object.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

from textual import events
from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, Header, Input, Static

from benchmarks.typing_probe import runtime_of

SIZE = (100, 30)
TABS = 6
SETTLE = 0.4
TIMED = ("_compositor_refresh", "_refresh_layout")


class FloorScreen(Screen):
    """A screen of ``widgets`` widgets, ``fields`` of them Inputs, as plain as Textual makes them."""

    BINDINGS = [Binding("escape", "app.pop_screen", "Retour")]

    def __init__(self, widgets: int, fields: int) -> None:
        super().__init__()
        self.widgets, self.fields = widgets, fields

    def compose(self) -> ComposeResult:
        # Header (4 widgets), the body (1), the footer and its one key (2), Textual's toasts and tooltip (2).
        body = max(self.widgets - 9, self.fields, 1)
        inputs = {round(index * body / self.fields) for index in range(self.fields)} if self.fields else set()
        yield Header()
        with VerticalScroll():
            for number in range(body):
                if number in inputs:
                    yield Input(placeholder=f"Champ {number}")
                else:
                    yield Static(f"Ligne {number} d'un écran plancher, sans données.")
        yield Footer()


class FloorScreensApp(App):
    """Its first screen: a header, a line, the footer."""

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static("Plancher")
        yield Footer()


class FrameClock:
    """When each screen of a given class finished a frame, and a layout."""

    def __init__(self, screen_class: type[Screen]) -> None:
        self.frames: list[float] = []
        self.layouts: list[float] = []
        self._screen_class = screen_class
        self._own = {name: vars(screen_class)[name] for name in TIMED if name in vars(screen_class)}
        frame, layout = screen_class._compositor_refresh, screen_class._refresh_layout

        def timed_frame(screen, *args, **kwargs):
            result = frame(screen, *args, **kwargs)
            self.frames.append(time.perf_counter())
            return result

        def timed_layout(screen, *args, **kwargs):
            result = layout(screen, *args, **kwargs)
            self.layouts.append(time.perf_counter())
            return result

        screen_class._compositor_refresh = timed_frame
        screen_class._refresh_layout = timed_layout

    def restore(self) -> None:
        """Give the class its methods back (the probe also runs inside the tests' process)."""
        for name in TIMED:
            if name in self._own:
                setattr(self._screen_class, name, self._own[name])
            else:
                delattr(self._screen_class, name)

    def clear(self) -> None:
        self.frames.clear()
        self.layouts.clear()

    async def first_frame_after(self, start: float, timeout: float = 5.0) -> float:
        while not any(frame > start for frame in self.frames):
            if time.perf_counter() - start > timeout:
                raise TimeoutError("no frame")
            await asyncio.sleep(0.0005)
        return (min(frame for frame in self.frames if frame > start) - start) * 1000


async def measure(app_kind: str, repeat: int, shapes: dict[str, list[int]], only: list[str] | None = None) -> dict:
    from journal.core.catalogue import load_catalogue
    from journal.core.store import JournalStore
    from journal.i18n import set_language

    set_language("fr")
    catalogue = load_catalogue()
    exercises = [exercise for exercise in catalogue.exercises if not only or exercise.id in only]
    results: dict[str, dict[str, list[float]]] = {}
    folder = Path(tempfile.mkdtemp(prefix="bilan-screens-"))
    if app_kind == "bilan":
        from journal.tui.app import BilanApp
        from journal.tui.screens.exercise import ExerciseScreen
        from journal.tui.screens.home import HomeScreen

        store = JournalStore(folder / "journal")
        app: App = BilanApp(store, catalogue)
        opened_class, home_class = ExerciseScreen, HomeScreen
    else:
        store = None
        app = FloorScreensApp()
        opened_class, home_class = FloorScreen, Screen
    opened_clock = FrameClock(opened_class)  # before the home screen's: FloorScreen would take Screen's clock
    home_clock = FrameClock(home_class)
    shapes_seen: dict[str, tuple[int, int]] = {}
    try:
        async with runtime_of(app), app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            await asyncio.sleep(SETTLE)
            for _ in range(repeat):
                for exercise in exercises:
                    figures = results.setdefault(exercise.id, {"open": [], "settled": [], "tab": [], "leave": []})
                    opened_clock.clear()
                    start = time.perf_counter()
                    if app_kind == "bilan":
                        app.open_exercise(exercise)
                    else:
                        widgets, fields = shapes[exercise.id]
                        app.push_screen(FloorScreen(widgets, fields))
                    figures["open"].append(await opened_clock.first_frame_after(start))
                    await pilot.pause()
                    await asyncio.sleep(SETTLE)
                    await pilot.pause()
                    figures["settled"].append((max(opened_clock.layouts) - start) * 1000)
                    screen = app.screen
                    shapes_seen[exercise.id] = (
                        len(list(screen.walk_children())),
                        sum(1 for widget in screen.walk_children() if widget.focusable),
                    )
                    for _ in range(TABS):
                        start = time.perf_counter()
                        app.post_message(events.Key("tab", None))
                        figures["tab"].append(await opened_clock.first_frame_after(start))
                        await pilot.pause()
                        await asyncio.sleep(0.15)
                    home_clock.clear()
                    start = time.perf_counter()
                    for _ in range(3):
                        if isinstance(app.screen, opened_class):
                            app.post_message(events.Key("escape", None))
                            await pilot.pause()
                    if isinstance(app.screen, opened_class):
                        raise RuntimeError(f"{exercise.id}: Esc did not leave the screen")
                    figures["leave"].append(await home_clock.first_frame_after(start))
                    await pilot.pause()
                    await asyncio.sleep(SETTLE)
    finally:
        home_clock.restore()
        opened_clock.restore()
    if store is not None:
        store.close()
    shutil.rmtree(folder, ignore_errors=True)
    medians = {
        exercise_id: {name: statistics.median(values) for name, values in figures.items()}
        for exercise_id, figures in results.items()
    }
    return {"app": app_kind, "medians": medians, "shapes": shapes_seen}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.screens_probe", description=__doc__.splitlines()[0])
    parser.add_argument("--app", choices=("bilan", "floor"), required=True)
    parser.add_argument("--repeat", type=int, default=1)
    parser.add_argument("--only", nargs="*", help="these exercises only (ids)")
    parser.add_argument("--shapes", type=Path, help="floor: the JSON of bilan's run, for each exercise's widget counts")
    args = parser.parse_args(argv)
    shapes = json.loads(args.shapes.read_text(encoding="utf-8"))["shapes"] if args.shapes else {}
    if args.app == "floor" and not shapes:
        parser.error("the floor needs --shapes (a JSON printed by the bilan probe)")
    print(json.dumps(asyncio.run(measure(args.app, args.repeat, shapes, args.only))))
    return 0


if __name__ == "__main__":
    sys.exit(main())
