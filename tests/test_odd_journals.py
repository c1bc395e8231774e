"""Every command agrees on what a valid journal is: odd but meaningful ones work everywhere,
the others are refused by every command with the same line (never a traceback in one and acceptance in another)."""

from __future__ import annotations

import pytest

from journal.cli.main import main
from journal.core.storage import JournalDamaged
from journal.core.store import JournalStore
from tests.odd_journals import ACCEPTED, REFUSED, write

COMMANDS = {
    "note": ["note", "Encore une idée"],
    "export-md": ["export", "-o", "-"],
    "export-html": ["export", "--format", "html", "-o", "-"],
    "export-json": ["export", "--format", "json", "-o", "-"],
    "export-file": ["export", "-o", "{tmp}/synthese.md"],
}


def test_the_table_is_large_enough():
    assert len(ACCEPTED) + len(REFUSED) >= 30


def _run(folder, args, tmp_path, capsys):
    status = main(["--data", str(folder), *(word.format(tmp=tmp_path) for word in args)])
    out, err = capsys.readouterr()
    return status, out, err


@pytest.mark.parametrize("name", sorted(ACCEPTED))
def test_odd_but_meaningful_journal_works_with_every_command(name, tmp_path, capsys):
    folder = tmp_path / "journal"
    write(folder, ACCEPTED[name])
    for command, args in COMMANDS.items():
        status, out, err = _run(folder, args, tmp_path, capsys)
        assert (status, err) == (0, ""), (command, err)
    status, out, err = _run(folder, ["backup", "list"], tmp_path, capsys)
    assert status == 0 and err == ""
    with JournalStore(folder) as store:
        assert store.notes.all()[-1].text == "Encore une idée"


@pytest.mark.parametrize("name", sorted(REFUSED))
def test_journal_breaking_a_rule_is_refused_by_every_command_with_the_same_line(name, tmp_path, capsys):
    data, where = REFUSED[name]
    folder = tmp_path / "journal"
    write(folder, data)
    before = (folder / "journal.json").read_bytes()
    lines = set()
    for command, args in COMMANDS.items():
        status, out, err = _run(folder, args, tmp_path, capsys)
        assert status == 1, (command, out, err)
        assert err.count("\n") == 1 and "Traceback" not in err
        lines.add(err)
    assert len(lines) == 1
    assert f"« {where} »" in lines.pop()
    with pytest.raises(JournalDamaged):
        JournalStore(folder)
    status, out, err = _run(folder, ["backup", "list"], tmp_path, capsys)
    assert status == 0 and err == ""
    assert (folder / "journal.json").read_bytes() == before


@pytest.mark.parametrize("name", sorted(ACCEPTED))
async def test_app_first_screen_opens_on_odd_journal(name, tmp_path, catalogue):
    from textual.widgets import OptionList

    from journal.tui.app import BilanApp
    from journal.tui.screens.home import HomeScreen

    folder = tmp_path / "journal"
    write(folder, ACCEPTED[name])
    store = JournalStore(folder)
    app = BilanApp(store, catalogue)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        assert app.screen.query_one(OptionList).option_count > 0
        await pilot.press("ctrl+q")
    store.close()
    assert app.return_code in (0, None)
