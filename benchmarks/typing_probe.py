"""One typing measurement, inside the app's own process: key → frame, GC pauses, keys lost.

Run by ``benchmarks/bench_typing.py`` as a child process (one process per
measurement, so that no run inherits another's memory or garbage)::

    python -m benchmarks.typing_probe --app bilan --data DIR [--save-load] [--keys 150]
    python -m benchmarks.typing_probe --app floor [--save-load --data DIR]

It starts the app headless at 100×30 (``App.run_test``), puts a long answer
(``--chars`` characters of French) in a long-text question, the cursor at its
end, and types a French sentence into it one key every ``--interval`` seconds,
the way a fast typist would, posting each key through the driver as a terminal
would. It prints one JSON object: each key's latency, the collector's pauses
while typing, and whether the final text is exactly the long answer plus what
was typed (then, for bilan, whether the journal holds it after the autosave).

Where the times come from:

- a key's start is the moment it is handed to the driver, on a fixed schedule
  (a key the app is still busy for waits in the queue, as it would for a
  person: that wait counts);
- the key has landed when the text area applies its edit (``TextArea.edit``);
- its frame is the first ``App._display`` that starts after that edit. A
  headless app skips turning the compositor's update into terminal output
  (``render_segments``), so the hook does that work itself: the time includes
  everything but the write to the terminal.

On a machine shared with other work, wall times include the moments the
system gave the processor to someone else. Each latency therefore also comes
as the processor time the app's thread spent in that window
(``time.thread_time``: what the app itself cost), and each collector pause as
both wall and processor time.

``--save-load`` runs saves of the journal back to back in a thread while the
keys are typed (an answer of another exercise changed each time): typing while
a save runs, which is what happens when the autosave of the previous pause
writes a large journal.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import gc
import json
import random
import sys
import threading
import time
from pathlib import Path

from benchmarks import french_texts

SIZE = (100, 30)
TYPED = (
    "En relisant tout cela, je comprends mieux pourquoi l'équipe me manque : "
    "j'aime coordonner, « mettre les gens autour d'une table », et transmettre."
)
LONG_EXERCISE = "ma-demande"  # its first question is a long text: the screen puts the focus there
SAVED_EXERCISE = "mes-valeurs"  # what the save-load thread changes, one answer after the other


def long_answer(chars: int) -> str:
    """About ``chars`` characters of French in paragraphs, the same every run."""
    rng = random.Random("bilan-typing")
    paragraphs: list[str] = []
    length = 0
    while length < chars:
        paragraph = french_texts.sentences(rng, 3, 6)
        paragraphs.append(paragraph)
        length += len(paragraph) + 2
    return "\n\n".join(paragraphs)[:chars].rstrip()


def key_event_args(character: str) -> tuple[str, str]:
    """The (key, character) pair a terminal driver posts for ``character``."""
    from textual.keys import _character_to_key

    key = character if character.isalnum() else _character_to_key(character)
    return key, character


class Recorder:
    """Timestamps of keys, edits, frames and collector passes, in ``time.perf_counter`` seconds."""

    def __init__(self) -> None:
        self.posted: list[float] = []
        self.posted_cpu: list[float] = []
        self.edits: list[float] = []
        self.frames: list[tuple[float, float]] = []  # (start, end)
        self.frames_cpu: list[float] = []  # the UI thread's processor time at each frame's end
        self.gc_pauses: list[tuple[int, float, float]] = []  # (generation, wall seconds, processor seconds)
        self.recording = False
        self._gc_started = (0.0, 0.0)

    def on_gc(self, phase: str, info: dict) -> None:
        if phase == "start":
            self._gc_started = (time.perf_counter(), time.thread_time())
        elif self.recording:
            wall, cpu = self._gc_started
            self.gc_pauses.append((info.get("generation", -1), time.perf_counter() - wall, time.thread_time() - cpu))

    def _shown(self) -> list[tuple[int, int]]:
        """(key, frame) index pairs: each key with the first frame that starts after its edit."""
        pairs = []
        frame_index = 0
        for key_index, edited in enumerate(self.edits[: len(self.posted)]):
            while frame_index < len(self.frames) and self.frames[frame_index][0] < edited:
                frame_index += 1
            if frame_index == len(self.frames):
                break
            pairs.append((key_index, frame_index))
        return pairs

    def latencies(self) -> list[float]:
        """For each key, seconds from being posted to the end of the first frame that shows it."""
        return [self.frames[frame][1] - self.posted[key] for key, frame in self._shown()]

    def cpu_latencies(self) -> list[float]:
        """The same windows, in processor time of the app's thread."""
        return [self.frames_cpu[frame] - self.posted_cpu[key] for key, frame in self._shown()]


def hook(app, area, recorder: Recorder) -> None:
    """Time the text area's edits and the app's frames (instance attributes: nothing else changes)."""
    from textual._compositor import CompositorUpdate

    edit = area.edit
    display = app._display

    def timed_edit(*args, **kwargs):
        result = edit(*args, **kwargs)
        if recorder.recording:
            recorder.edits.append(time.perf_counter())
        return result

    def timed_display(screen, renderable):
        start = time.perf_counter()
        display(screen, renderable)
        if app.is_headless and isinstance(renderable, CompositorUpdate):
            renderable.render_segments(app.console)
        if recorder.recording:
            recorder.frames.append((start, time.perf_counter()))
            recorder.frames_cpu.append(time.thread_time())

    area.edit = timed_edit
    app._display = timed_display


class SaveLoad:
    """Saves of the journal back to back in a thread, as long as the keys are typed."""

    def __init__(self, data: Path):
        from journal.core.catalogue import load_catalogue
        from journal.core.store import JournalStore

        self.store = JournalStore(data, snapshot_on_open=False)
        exercise = next(exercise for exercise in load_catalogue().exercises if exercise.id == SAVED_EXERCISE)
        self.prompt = next(prompt.id for prompt in exercise.prompts if prompt.kind.value == "long_text")
        self.durations: list[float] = []
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _run(self) -> None:
        number = 0
        while not self._stop.is_set():
            number += 1
            start = time.perf_counter()
            self.store.entries.save_answer(SAVED_EXERCISE, self.prompt, f"Version {number} de ma réponse.")
            self.durations.append(time.perf_counter() - start)

    def __enter__(self) -> "SaveLoad":
        self._thread.start()
        return self

    def __exit__(self, *_) -> None:
        self._stop.set()
        self._thread.join()
        self.store.close()


async def type_into(app, area, recorder: Recorder, text: str, interval: float, saves: SaveLoad | None) -> None:
    from textual import events

    driver = app._driver
    await asyncio.sleep(0.3)  # let the screen settle: its first layouts are not typing
    gc.collect()
    recorder.recording = True
    start = time.perf_counter()
    try:
        for number, character in enumerate(text):
            due = start + number * interval
            await asyncio.sleep(max(0.0, due - time.perf_counter()))
            key, char = key_event_args(character)
            event = events.Key(key, char)
            event.set_sender(app)
            recorder.posted.append(time.perf_counter())
            recorder.posted_cpu.append(time.thread_time())
            driver.send_message(event)
        deadline = time.perf_counter() + 10
        while len(recorder.edits) < len(text) and time.perf_counter() < deadline:
            await asyncio.sleep(0.01)
        await asyncio.sleep(0.1)  # the last frame
    finally:
        recorder.recording = False


def bilan_app(data: Path, answer: str):
    from journal.core.catalogue import load_catalogue
    from journal.core.store import JournalStore
    from journal.tui.app import BilanApp

    catalogue = load_catalogue()
    exercise = next(exercise for exercise in catalogue.exercises if exercise.id == LONG_EXERCISE)
    prompt = exercise.prompts[0]
    store = JournalStore(data, snapshot_on_open=False)
    store.entries.save_answer(exercise.id, prompt.id, answer)
    app = BilanApp(store, catalogue)
    return app, exercise, prompt, store


@contextlib.asynccontextmanager
async def runtime_of(app):
    """What ``run()`` sets up before an app starts (``run_test`` does not call ``run``).

    bilan: ``BilanApp.run``'s runtime settings (``journal.tui.runtime``). The
    floor: only ``gc.freeze()`` of what is loaded, which any app can do.
    """
    if hasattr(app, "collector"):
        from journal.tui.runtime import tuned_for_typing

        with tuned_for_typing() as collector:
            app.collector = collector
            yield
    else:
        gc.freeze()
        yield


async def measure(args) -> dict:
    recorder = Recorder()
    answer = long_answer(args.chars)
    typed = TYPED[: args.keys] if args.keys <= len(TYPED) else (TYPED * (args.keys // len(TYPED) + 1))[: args.keys]
    store = exercise = prompt = None
    if args.app == "bilan":
        app, exercise, prompt, store = bilan_app(args.data, answer)
    else:
        from benchmarks.floor_app import FloorTextApp

        app = FloorTextApp(answer)
    result: dict = {"app": args.app, "chars": len(answer), "keys": len(typed)}
    gc.callbacks.append(recorder.on_gc)
    try:
        async with runtime_of(app), app.run_test(size=SIZE) as pilot:
            if store is not None:
                from journal.tui.screens.exercise import ExerciseScreen

                await app.push_screen(ExerciseScreen(exercise))
                await pilot.pause()
            from textual.widgets import TextArea

            area = app.screen.query_one(TextArea) if store is None else app.screen.query_one(f"#prompt-{prompt.id} TextArea", TextArea)
            area.focus()
            area.move_cursor(area.document.end)
            await pilot.pause()
            hook(app, area, recorder)
            if args.save_load:
                with SaveLoad(args.data) as saves:
                    await type_into(app, area, recorder, typed, args.interval, saves)
                result["saves"] = saves.durations
            else:
                await type_into(app, area, recorder, typed, args.interval, None)
            result["text_kept"] = area.text == answer + typed
            if store is not None:
                app.screen.flush()
                entry = store.entries.get(exercise.id)
                result["saved_kept"] = entry is not None and entry.answers.get(prompt.id) == answer + typed
            result["tracked_objects"] = len(gc.get_objects())
    finally:
        gc.callbacks.remove(recorder.on_gc)
        if store is not None:
            store.close()
    result["latencies"] = recorder.latencies()
    result["cpu_latencies"] = recorder.cpu_latencies()
    result["edits"] = len(recorder.edits)
    result["gc_pauses"] = recorder.gc_pauses
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.typing_probe", description=__doc__.splitlines()[0])
    parser.add_argument("--app", choices=("bilan", "floor"), required=True)
    parser.add_argument("--data", type=Path, help="the journal folder (bilan, or the save load)")
    parser.add_argument("--save-load", action="store_true", help="save the journal back to back while typing")
    parser.add_argument("--keys", type=int, default=150)
    parser.add_argument("--chars", type=int, default=5000)
    parser.add_argument("--interval", type=float, default=0.05)
    args = parser.parse_args(argv)
    if (args.app == "bilan" or args.save_load) and args.data is None:
        parser.error("--data is needed for bilan and for --save-load")
    from journal.i18n import set_language

    set_language("fr")
    print(json.dumps(asyncio.run(measure(args))))
    return 0


if __name__ == "__main__":
    sys.exit(main())
