"""The built wheel carries exercises and themes and works from outside the repository."""

from __future__ import annotations

import os
import subprocess
import sys
import sysconfig
import venv
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.slow
def test_wheel_installs_and_lists_exercises(tmp_path):
    dist = tmp_path / "dist"
    subprocess.run(
        [sys.executable, "-m", "build", "--wheel", "--no-isolation", "--outdir", str(dist), str(ROOT)],
        check=True,
        capture_output=True,
        timeout=300,
    )
    wheel = next(dist.glob("bilan-*.whl"))
    environment = tmp_path / "venv"
    venv.EnvBuilder(with_pip=False).create(environment)
    python = environment / "bin" / "python"
    # Dependencies come from the running environment (no network in tests); the
    # wheel's own package sits first on the path, so it is the one imported.
    target = subprocess.run(
        [str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
        capture_output=True, text=True, check=True,
    ).stdout.strip()
    Path(target, "_parent_env.pth").write_text(sysconfig.get_paths()["purelib"] + "\n")
    subprocess.run(
        [sys.executable, "-m", "pip", "--python", str(python), "install", "--no-deps", "--no-index", "--quiet", str(wheel)],
        check=True,
        capture_output=True,
        timeout=300,
    )
    outside = tmp_path / "elsewhere"
    outside.mkdir()
    env = {key: value for key, value in os.environ.items() if key not in ("PYTHONPATH", "BILAN_HOME")}
    result = subprocess.run(
        [str(environment / "bin" / "bilan"), "exercises", "list"],
        cwd=outside,
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert "ma-demande" in result.stdout and "point-de-suivi" in result.stdout
    located = subprocess.run(
        [str(python), "-c", "import journal.resources as r; print(r.exercises_dir()); print(r.themes_dir() / 'bilan.tcss')"],
        cwd=outside,
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
    )
    exercises_folder, stylesheet = located.stdout.split()
    assert str(environment) in exercises_folder
    assert Path(stylesheet).is_file()
    # the exercises and messages written as Python are the installed files' own (their digests match)
    frozen = subprocess.run(
        [
            str(python),
            "-c",
            "from journal.core.catalogue import frozen; from journal.i18n import catalogue as c, frozen as m;"
            " import journal.resources as r; print(frozen.thaw(r.exercises_dir()) is not None,"
            " *(m.thaw(lang, c.LOCALES, c.message_files(lang)) is not None for lang in c.LANGUAGES))",
        ],
        cwd=outside,
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
    )
    assert frozen.stdout.split() == ["True", "True", "True"], frozen.stderr
