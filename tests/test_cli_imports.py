"""One-shot commands load only what they use: ``bilan note`` never loads Textual, the exporters, the exercises or
cryptography; a Markdown export never loads the HTML page's Markdown parser."""

from __future__ import annotations

import os
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
HEAVY = ("textual", "markdown_it", "journal.core.export", "journal.core.catalogue", "cryptography", "yaml", "journal.core.answer_view")
LOADED_HEAVY = (
    "import sys\n"
    "from journal.cli.main import main\n"
    "code = main(sys.argv[1:])\n"
    f"print(code, *sorted(name for name in {HEAVY!r} if name in sys.modules))\n"
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
    assert result.stdout.splitlines()[-1].split() == ["0", "journal.core.export"]
    result = subprocess.run(
        [sys.executable, "-c", LOADED, "--data", folder, "export", "--format", "html", "-o", str(tmp_path / "out.html")],
        capture_output=True, text=True, check=True,
    )
    assert result.stdout.splitlines()[-1].split() == ["0", "journal.core.export", "markdown_it"]


def test_a_clear_export_loads_neither_the_sharing_code_nor_the_toml_parser_once_cached(tmp_path):
    """Age encryption is loaded for ``--to`` only; the exercises and messages come parsed from the cache."""
    folder = str(tmp_path / "journal")
    env = {**os.environ, "BILAN_CACHE_DIR": str(tmp_path / "cache")}
    subprocess.run([sys.executable, "-m", "journal", "--data", folder, "note", "Une note."], capture_output=True, check=True, env=env)
    script = (
        "import sys\n"
        "from journal.cli.main import main\n"
        "code = main(sys.argv[1:])\n"
        "print(code, *sorted(name for name in ('journal.core.sharing', 'pyrage', 'tomllib._parser') if name in sys.modules))\n"
    )
    for number in range(2):  # the first fills the cache, the second reads it
        result = subprocess.run(
            [sys.executable, "-c", script, "--data", folder, "export", "-o", str(tmp_path / f"out{number}.md")],
            capture_output=True, text=True, check=True, env=env,
        )
    assert result.stdout.splitlines()[-1].split() == ["0"]


def test_a_note_in_a_plain_journal_loads_no_exercise_no_cryptography(tmp_path):
    folder = str(tmp_path / "journal")
    for _ in range(2):  # the first creates the journal, the second opens an existing one
        result = subprocess.run(
            [sys.executable, "-c", LOADED_HEAVY, "--data", folder, "note", "Une note."], capture_output=True, text=True, check=True
        )
        assert result.stdout.splitlines()[-1].split() == ["0"]


def test_a_note_in_an_encrypted_journal_still_opens_it(tmp_path):
    folder = str(tmp_path / "journal")
    env = {**os.environ, "BILAN_PASSPHRASE": "une phrase assez longue"}
    subprocess.run([sys.executable, "-m", "journal", "--data", folder, "note", "Avant."], capture_output=True, check=True, env=env)
    subprocess.run([sys.executable, "-m", "journal", "--data", folder, "encrypt"], capture_output=True, check=True, env=env)
    result = subprocess.run(
        [sys.executable, "-c", LOADED_HEAVY, "--data", folder, "note", "Après."], capture_output=True, text=True, env=env
    )
    assert result.stdout.splitlines()[-1].split() == ["0", "cryptography"]


# What the fixed cost of a note or an export must not include again (each was paid at every run):
# the encryption code, OpenSSL's digests, _strptime, the app's module, the crash report, the damage
# report, the exercise and prompt classes (a note), tempfile and shutil (a note: atomic writes make their
# own temporary file, help asks the terminal's width only when shown), PyYAML (an export whose front
# matter is plain).
NOT_FOR_A_NOTE = (
    "journal.core.storage.crypto", "_hashlib", "hmac", "_strptime", "journal.cli.commands.app", "journal.core.crash_report",
    "journal.core.storage.damage", "journal.core.models.prompt", "journal.core.models.exercise", "journal.core.catalogue",
    "yaml", "textual", "tempfile", "shutil",
)
NOT_FOR_AN_EXPORT = (
    "journal.core.storage.crypto", "_hashlib", "hmac", "_strptime", "journal.cli.commands.app", "journal.core.crash_report",
    "journal.core.storage.damage", "yaml", "textual", "tomllib._parser",
)


def _loaded(argv: list[str], names: tuple[str, ...]) -> list[str]:
    script = (
        "import sys\n"
        "from journal.cli.main import main\n"
        "code = main(sys.argv[1:])\n"
        f"print(code, *sorted(name for name in {names!r} if name in sys.modules))\n"
    )
    result = subprocess.run([sys.executable, "-c", script, *argv], capture_output=True, text=True, check=True)
    return result.stdout.splitlines()[-1].split()


def test_a_note_and_an_export_of_a_plain_journal_load_only_what_they_use(tmp_path):
    folder = str(tmp_path / "journal")
    # The first run may write the parsed-messages cache (tempfile) and creates the journal.
    assert _loaded(["--data", folder, "note", "La première."], ())[0] == "0"
    assert _loaded(["--data", folder, "note", "La deuxième."], NOT_FOR_A_NOTE) == ["0"]
    (tmp_path / "journal" / "backups").mkdir(exist_ok=True)
    assert _loaded(["--data", folder, "export", "-o", str(tmp_path / "out.md")], NOT_FOR_AN_EXPORT) == ["0"]
    assert (tmp_path / "out.md").read_text(encoding="utf-8").startswith("---\nbilan_summary: 1\n")


def test_the_collector_skips_what_the_start_made_and_runs_during_the_command(tmp_path, monkeypatch):
    """Off while the parser, the command's modules and the journal load; those objects are then frozen out
    of its passes (a later pass would otherwise walk them all); on again for the command itself."""
    import gc

    import journal.cli.commands.note as note_command
    from journal.cli.main import main

    seen = []
    monkeypatch.setattr(note_command, "run", lambda args: seen.append(gc.isenabled()) or 0)
    gc.unfreeze()
    try:
        assert main(["--data", str(tmp_path / "journal"), "note", "x"]) == 0
        assert seen == [True] and gc.isenabled()
        assert gc.get_freeze_count() > 0
        with pytest.raises(SystemExit):
            main(["--help"])
        assert gc.isenabled()
        gc.disable()
        try:  # a caller that had it off finds it off
            main(["--data", str(tmp_path / "journal"), "note", "x"])
            assert not gc.isenabled()
        finally:
            gc.enable()
    finally:
        gc.unfreeze()
