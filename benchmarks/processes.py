"""Timing child programs: wall time and peak memory of a command, time to first screen in tmux.

``run`` times one command; its peak memory (RSS) comes from GNU time
(``/usr/bin/time -f %M``), because the kernel's own count for a child starts
from its parent's peak (``exec`` keeps the high-water mark of the memory it
replaces), so ``wait4`` from this big Python process would report at least
this process's own size. ``first_screen`` opens a real terminal (a detached
tmux session), starts the program in it, and polls the pane until a piece of
text is on screen: what a person would call "it opened".
"""

from __future__ import annotations

import os
import shlex
import shutil
import subprocess
import time
import uuid
from dataclasses import dataclass
from pathlib import Path

TMUX_SIZE = ("100", "30")
POLL_SECONDS = 0.005


class BenchmarkError(Exception):
    """A measured command did not do what it should; the message says which and why."""


GNU_TIME = "/usr/bin/time"
RSS_LINE = "bilan-bench-peak-rss-kib "


@dataclass(frozen=True)
class Sample:
    seconds: float
    peak_rss_kib: int | None  # None when GNU time is not installed


def memory_measurable() -> bool:
    return os.access(GNU_TIME, os.X_OK)


def run(command: list[str], *, env: dict[str, str] | None = None, output: Path | None = None) -> Sample:
    """Run ``command`` to its end; its standard output goes to ``output`` (or nowhere)."""
    measuring = memory_measurable()
    wrapped = [GNU_TIME, "-f", RSS_LINE + "%M", *command] if measuring else command
    with open(output or os.devnull, "wb") as sink:
        start = time.perf_counter()
        finished = subprocess.run(wrapped, stdin=subprocess.DEVNULL, stdout=sink, stderr=subprocess.PIPE, env=env)
        seconds = time.perf_counter() - start
    errors = finished.stderr.decode(errors="replace")
    if finished.returncode != 0:
        raise BenchmarkError(f"{shlex.join(command)} exited with {finished.returncode}: {errors.strip()[-500:]}")
    peak = None
    if measuring:
        lines = [line for line in errors.splitlines() if line.startswith(RSS_LINE)]
        if not lines:
            raise BenchmarkError(f"{GNU_TIME} gave no memory figure for {shlex.join(command)}")
        peak = int(lines[-1][len(RSS_LINE) :])
    return Sample(seconds, peak)


def tmux_available() -> bool:
    return shutil.which("tmux") is not None


def first_screen(command: list[str], markers: tuple[str, ...], *, env: dict[str, str], timeout: float = 60.0) -> float:
    """Seconds from starting ``command`` in a fresh terminal until every marker is on screen.

    ``env`` holds the variables to set for the program (tmux would otherwise
    give it the environment of whichever tmux server is running).

    The program is then asked to quit (ctrl+q) and the session is closed, so
    the next run starts from the same state.
    """
    session = f"bilan-bench-{os.getpid()}-{uuid.uuid4().hex[:8]}"
    width, height = TMUX_SIZE
    # tmux hands its own server's environment to new sessions: pass ours explicitly.
    wrapped = shlex.join(["env", *(f"{key}={value}" for key, value in env.items()), *command])
    start = time.perf_counter()
    subprocess.run(["tmux", "new-session", "-d", "-s", session, "-x", width, "-y", height, wrapped], check=True)
    try:
        while True:
            captured = subprocess.run(["tmux", "capture-pane", "-p", "-t", session], capture_output=True, text=True)
            if captured.returncode != 0:
                raise BenchmarkError(f"{shlex.join(command)} ended before showing {markers!r}")
            screen = captured.stdout
            if all(marker in screen for marker in markers):
                return time.perf_counter() - start
            if time.perf_counter() - start > timeout:
                raise BenchmarkError(f"{shlex.join(command)}: {markers!r} not on screen after {timeout:.0f} s; screen was:\n{screen}")
            time.sleep(POLL_SECONDS)
    finally:
        _close(session)


def _close(session: str) -> None:
    subprocess.run(["tmux", "send-keys", "-t", session, "C-q"], capture_output=True)
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        if subprocess.run(["tmux", "has-session", "-t", session], capture_output=True).returncode != 0:
            return
        time.sleep(0.05)
    subprocess.run(["tmux", "kill-session", "-t", session], capture_output=True)
