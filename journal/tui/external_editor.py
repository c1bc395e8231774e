"""Ctrl+E: write a long answer in the worker's own editor ($VISUAL, then $EDITOR).

The text goes to a temporary file readable by its owner only (0600), the app
steps aside while the editor runs, the result comes back into the answer (and is
saved like typing), and the file is removed whatever happens.
"""

from __future__ import annotations

import contextlib
import os
import shlex
import shutil
import subprocess
import tempfile
from pathlib import Path

from textual.app import App, SuspendNotSupported

MAX_TEXT = 1_000_000


class EditorProblem(Exception):
    """No editor, or it could not run: the message says what to do."""


def editor_command() -> list[str] | None:
    for variable in ("VISUAL", "EDITOR"):
        value = os.environ.get(variable, "").strip()
        if value:
            try:
                words = shlex.split(value)
            except ValueError:
                continue
            if words and shutil.which(words[0]):
                return words
    for fallback in ("nano", "vi"):
        if shutil.which(fallback):
            return [fallback]
    return None


def edit_text(app: App, text: str) -> str | None:
    """The text after the worker edited it; None when it came back unchanged. Raises EditorProblem."""
    command = editor_command()
    if command is None:
        raise EditorProblem("no-editor")
    handle, name = tempfile.mkstemp(prefix="bilan-", suffix=".txt")
    path = Path(name)
    try:
        os.fchmod(handle, 0o600)
        with os.fdopen(handle, "w", encoding="utf-8") as file:
            file.write(text)
        try:
            suspended = app.suspend()
            suspended.__enter__()
        except SuspendNotSupported:
            suspended = contextlib.nullcontext()
        try:
            result = subprocess.run([*command, str(path)], check=False)
        except OSError as error:
            raise EditorProblem(str(error)) from error
        finally:
            suspended.__exit__(None, None, None)
        if result.returncode != 0:
            raise EditorProblem(f"exit {result.returncode}")
        edited = path.read_bytes()[:MAX_TEXT].decode("utf-8", errors="replace")
    finally:
        path.unlink(missing_ok=True)
    edited = edited.removesuffix("\n") if not text.endswith("\n") else edited
    return None if edited == text else edited
