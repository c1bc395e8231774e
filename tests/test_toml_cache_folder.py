"""The parsed-TOML cache folder, found without platformdirs on Linux, is the one platformdirs gives."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from platformdirs import user_cache_dir

from journal.core import toml_cache

linux_only = pytest.mark.skipif(sys.platform != "linux", reason="the XDG reading is for Linux only")


@linux_only
@pytest.mark.parametrize(
    ("home", "xdg"),
    [
        ("/home/marie", None),
        ("/home/marie/", None),
        ("/home/marie", ""),
        ("/home/marie", "/var/cache/marie"),
        ("/home/marie", "/var/cache/marie/"),
        ("/home/marie", "//srv//cache"),
        ("/home/marie", "relative/cache"),
        ("/home/marie", "   "),
        ("relative-home", None),
        ("", None),
    ],
)
def test_the_cache_folder_is_the_one_platformdirs_gives(home, xdg, monkeypatch):
    monkeypatch.delenv("BILAN_CACHE_DIR", raising=False)
    monkeypatch.delenv("ANDROID_DATA", raising=False)
    monkeypatch.setenv("HOME", home)
    if xdg is None:
        monkeypatch.delenv("XDG_CACHE_HOME", raising=False)
    else:
        monkeypatch.setenv("XDG_CACHE_HOME", xdg)
    try:
        expected = Path(user_cache_dir("bilan", appauthor=False))
    except RuntimeError:  # platformdirs refuses a home it cannot resolve: then it is asked, and refuses, here too
        with pytest.raises(RuntimeError):
            toml_cache.cache_folder()
        return
    assert toml_cache.cache_folder() == expected


@linux_only
def test_the_usual_start_finds_the_cache_folder_without_loading_platformdirs(tmp_path):
    import os
    import subprocess

    env = {key: value for key, value in os.environ.items() if key not in ("BILAN_CACHE_DIR", "XDG_CACHE_HOME")}
    env["HOME"] = str(tmp_path)
    script = "import sys\nfrom journal.core.toml_cache import cache_folder\nprint(cache_folder(), 'platformdirs' in sys.modules)"
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True, env=env)
    assert result.stdout.split() == [str(tmp_path / ".cache" / "bilan"), "False"]
