"""One-shot commands load only what they use: ``bilan note`` never loads Textual or the exporters."""

from __future__ import annotations

import subprocess
import sys

import pytest

from journal.cli.main import COMMANDS, _modules_needed

LOADED = (
    "import sys\n"
    "from journal.cli.main import main\n"
    "code = main(sys.argv[1:])\n"
    "print(code, *sorted(name for name in ('textual', 'markdown_it', 'journal.core.export') if name in sys.modules))\n"
)


@pytest.mark.parametrize(
    ("argv", "modules"),
    [
        (["note", "texte"], ("note",)),
        (["--data", "export", "note", "x"], ("note",)),
        (["--data=/tmp/x", "--lang", "en", "export", "-o", "-"], ("export",)),
        (["decrypt"], ("crypto",)),
        (["demo"], ("app",)),
        ([], ("app",)),
        (["--data", "/tmp/x"], ("app",)),
        (["--help"], COMMANDS),
        (["--version"], COMMANDS),
        (["--wrong", "note", "x"], COMMANDS),
        (["nonsense"], COMMANDS),
    ],
)
def test_only_the_module_of_the_command_given_is_loaded(argv, modules):
    assert _modules_needed(argv) == modules


def test_a_note_loads_neither_textual_nor_the_exporters(tmp_path):
    result = subprocess.run(
        [sys.executable, "-c", LOADED, "--data", str(tmp_path / "journal"), "note", "Une note."],
        capture_output=True,
        text=True,
        check=True,
    )
    assert result.stdout.split()[-1] == "0"


def test_an_export_loads_the_exporters_but_not_textual(tmp_path):
    folder = str(tmp_path / "journal")
    subprocess.run([sys.executable, "-m", "journal", "--data", folder, "note", "Une note."], capture_output=True, check=True)
    result = subprocess.run(
        [sys.executable, "-c", LOADED, "--data", folder, "export", "-o", str(tmp_path / "out.md")], capture_output=True, text=True, check=True
    )
    assert result.stdout.split()[-3:] == ["0", "journal.core.export", "markdown_it"]
