"""jrnl 4.6, the anchor: installed once in its own virtual environment, fed the same texts.

jrnl is the terminal journal a worker might pick instead of bilan. It lives in
``<cache>/jrnl-venv`` (created with ``pip install 'jrnl==4.6.*'`` on first
use), never in bilan's environment. Each benchmark journal gets a jrnl
configuration file of its own, with its plain-text journal, no colours and no
editor; ``XDG_CONFIG_HOME``/``XDG_DATA_HOME`` point into the cache so jrnl
never touches the user's own files.
"""

from __future__ import annotations

import json
import os
import subprocess
import venv
from pathlib import Path

from benchmarks.journals import JRNL_TIME_FORMAT

REQUIREMENT = "jrnl==4.6.*"


class Jrnl:
    def __init__(self, executable: Path, home: Path):
        self.executable = executable
        self.home = home

    @property
    def env(self) -> dict[str, str]:
        return {
            **os.environ,
            "XDG_CONFIG_HOME": str(self.home / "config"),
            "XDG_DATA_HOME": str(self.home / "data"),
            "NO_COLOR": "1",
        }

    def configure(self, journal_file: Path) -> Path:
        """Write the configuration for one journal file; returns its path."""
        # YAML written out directly (jrnl takes a JSON file for a jrnl 1 configuration and wants to upgrade it).
        config = "\n".join(
            (
                "colors: {body: none, date: none, tags: none, title: none}",
                "default_hour: 9",
                "default_minute: 0",
                "editor: ''",
                "encrypt: false",
                "highlight: false",
                "indent_character: '|'",
                "journals:",
                "  default:",
                f"    journal: {_quoted(str(journal_file))}",
                "linewrap: 79",
                "tagsymbols: '#@'",
                "template: false",
                f"timeformat: {_quoted(JRNL_TIME_FORMAT)}",
                "version: '4.6'",
                "",
            )
        )
        path = journal_file.with_suffix(".yaml")
        path.write_text(config, encoding="utf-8")
        return path

    def export_command(self, config: Path) -> list[str]:
        return [str(self.executable), "--config-file", str(config), "--export", "markdown"]

    def add_command(self, config: Path, text: str) -> list[str]:
        return [str(self.executable), "--config-file", str(config), text]

    def count(self, config: Path) -> int:
        """How many entries jrnl reads in the journal (to check it parsed every one)."""
        result = subprocess.run(
            [str(self.executable), "--config-file", str(config), "--format", "json"], capture_output=True, env=self.env, check=True
        )
        return len(json.loads(result.stdout)["entries"])


def install(cache: Path) -> tuple[Jrnl | None, str]:
    """jrnl in ``cache/jrnl-venv`` (installed if missing), or None and one line saying why not."""
    home = cache / "jrnl-venv"
    executable = home / ("Scripts" if os.name == "nt" else "bin") / "jrnl"
    if not executable.exists():
        try:
            venv.EnvBuilder(with_pip=True, clear=True).create(home)
            python = executable.with_name("python")
            subprocess.run([str(python), "-m", "pip", "install", "-q", REQUIREMENT], check=True, capture_output=True, timeout=600)
        except (OSError, subprocess.SubprocessError) as error:
            detail = getattr(error, "stderr", b"") or b""
            last = detail.decode(errors="replace").strip().splitlines()[-1:] or [str(error)]
            return None, f"jrnl could not be installed with pip ({REQUIREMENT}): {last[0]}"
    version = subprocess.run([str(executable), "--version"], capture_output=True, text=True)
    if version.returncode != 0 or "v4.6" not in version.stdout:
        return None, f"{executable} is not jrnl 4.6 ({version.stdout.strip().splitlines()[:1]}); delete {home} to reinstall"
    (cache / "jrnl-home").mkdir(exist_ok=True)
    return Jrnl(executable, cache / "jrnl-home"), f"jrnl 4.6 in {home}"


def _quoted(text: str) -> str:
    """A YAML single-quoted scalar."""
    return "'" + text.replace("'", "''") + "'"
