"""Hostile text never reaches a terminal as a control sequence: commands, exports, screens.

One table of hostile strings (CSI, OSC 0/8/52 with BEL and ST, C1 CSI and OSC,
DCS, BEL/backspace/CR overwrites, NUL, VT/FF, U+2028, cursor save/restore,
bidi override) goes through every command's output and error lines, every
export format (to stdout and to a file), and every screen, with the text in
notes, in answers of every editor kind, in a custom exercise's titles and
labels, and in file names. The journal and the JSON export keep it exactly.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from rich.console import Console
from rich.segment import Segment
from textual.strip import Strip

from journal.cli.main import main
from journal.core.catalogue import load_catalogue
from journal.core.export import build_summary, render
from journal.core.store import JournalStore
from journal.tui.app import BilanApp
from journal.tui.safe_text import install_output_guard, visible_strip
from tests.test_catalogue import GOOD

HOSTILE = {
    "csi clear": "avant\x1b[2J\x1b[Haprès",
    "osc 0 title bel": "\x1b]0;titre piégé\x07fin",
    "osc 0 title st": "\x1b]0;titre piégé\x1b\\fin",
    "osc 8 link": "\x1b]8;;http://evil.example\x1b\\clic\x1b]8;;\x1b\\",
    "osc 52 clipboard bel": "\x1b]52;c;cm0gLXJmIH4K\x07copié",
    "osc 52 clipboard st": "\x1b]52;c;cm0gLXJmIH4K\x1b\\copié",
    "c1 csi": "\x9b31mrouge",
    "c1 osc": "\x9d0;titre\x9c",
    "dcs": "\x1bP1$qm\x1b\\dcs",
    "bel backspace cr": "secret\x08\x08\x08\x07\rvisible",
    "nul": "nul\x00ici",
    "vt ff": "vt\x0bff\x0cfin",
    "line separator": "ligne\u2028suivante\u2029fin",
    "cursor save restore": "\x1b7\x1b[10;10Hcaché\x1b8",
    "bidi override": "facture\u202efdp.exe",
}

# What a terminal obeys: C0 but newline and tab, DEL, C1, line separators, bidi controls.
OBEYED = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")
ALL_HOSTILE = " | ".join(HOSTILE.values())


def assert_inert(text: str, where: str) -> None:
    found = OBEYED.search(text)
    assert found is None, f"{where}: {found.group()!r} reaches the terminal in {text[max(0, found.start() - 30):found.end() + 30]!r}"


def toml_string(text: str) -> str:
    return json.dumps(text)  # JSON string escapes (\u001b, \", \\) are TOML basic-string escapes


def hostile_exercise(tmp_path: Path) -> Path:
    """A conseiller's exercise file whose every text is hostile (file name included)."""
    hostile = toml_string(ALL_HOSTILE)
    text = (
        GOOD.replace('title = { fr = "Mon essai", en = "My try" }', f"title = {{ fr = {hostile}, en = {hostile} }}")
        .replace('summary = { fr = "Un essai.", en = "A try." }', f"summary = {{ fr = {hostile}, en = {hostile} }}")
        .replace('why = { fr = "Pour voir.", en = "To see." }', f"why = {{ fr = {hostile}, en = {hostile} }}")
        .replace('label = { fr = "Votre énergie ?", en = "Your energy?" }', f"label = {{ fr = {hostile}, en = {hostile} }}\nhelp = {{ fr = {hostile}, en = {hostile} }}")
        .replace('label = { fr = "Basse", en = "Low" }', f"label = {{ fr = {hostile}, en = {hostile} }}")
        + f"\n[[resources]]\ntitle = {{ fr = {hostile}, en = {hostile} }}\nbody = {{ fr = {hostile}, en = {hostile} }}\n"
    )
    path = tmp_path / "exercice\x1b]0;piège\x07.toml"
    path.write_text(text, encoding="utf-8")
    return path


def fill_journal(store: JournalStore) -> None:
    """Hostile text in notes and in answers of every editor kind of the built-in exercises."""
    for name, text in HOSTILE.items():
        store.notes.add(f"{name}: {text}")
    store.entries.save_answer("ma-demande", "pourquoi-maintenant", ALL_HOSTILE)  # long text
    store.entries.save_answer("ma-demande", "questions-sur-le-bilan", list(HOSTILE.values()))  # list
    store.entries.save_answer("ma-demande", "origine", HOSTILE["c1 csi"])  # a choice id that is not an option
    store.entries.save_answer("ma-demande", "questions-carriere", [HOSTILE["osc 52 clipboard bel"]])
    store.entries.save_answer("mes-motivations", "lieu", HOSTILE["osc 0 title bel"])  # short text
    store.entries.save_answer("enquete-metier", "piste", [{"code": None, "label": HOSTILE["osc 52 clipboard st"]}])
    store.entries.save_answer(
        "mon-parcours",
        "ligne-du-temps",
        [{"periode": HOSTILE["csi clear"], "lieu-role": HOSTILE["bidi override"], "aime": ALL_HOSTILE}],
    )
    store.entries.save_answer("mes-valeurs", "tri-valeurs", {"piles": {HOSTILE["dcs"]: "x"}, "top": [HOSTILE["dcs"]], "details": {}})
    store.entries.save_answer("mes-interets", "interets", {HOSTILE["nul"]: 3})


# -- exports -----------------------------------------------------------------------


@pytest.fixture
def hostile_store(data_dir):
    with JournalStore(data_dir) as store:
        fill_journal(store)
        yield store


@pytest.mark.parametrize("fmt", ["markdown", "html"])
def test_documents_for_people_show_every_hostile_character_inert(hostile_store, catalogue, fmt):
    text = render(build_summary(hostile_store, catalogue), fmt)
    assert_inert(text, fmt)
    assert "␛]52;c;cm0gLXJmIH4K␇copié" in text  # shown, not dropped
    assert "facture<U+202E>fdp.exe" in text.replace("&lt;", "<").replace("&gt;", ">")


def test_json_export_keeps_the_text_exactly_and_escaped(hostile_store, catalogue):
    text = render(build_summary(hostile_store, catalogue), "json")
    assert_inert(text, "json")
    document = json.loads(text)
    notes = [note["text"] for note in document["notes"]]
    assert notes == [f"{name}: {value}" for name, value in HOSTILE.items()]
    answers = next(entry["answers"] for entry in document["entries"] if entry["exercise"] == "ma-demande")
    assert answers["pourquoi-maintenant"] == ALL_HOSTILE


def test_the_journal_keeps_the_text_byte_for_byte(hostile_store):
    assert [note.text for note in hostile_store.notes.all()] == [f"{n}: {v}" for n, v in HOSTILE.items()]
    assert hostile_store.entries.get("ma-demande").answers["pourquoi-maintenant"] == ALL_HOSTILE


# -- commands ----------------------------------------------------------------------


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


@pytest.mark.parametrize("fmt", ["markdown", "html", "json"])
def test_export_to_stdout_and_to_a_file(hostile_store, data_dir, tmp_path, capsys, fmt):
    hostile_store.close()
    code, out, err = run(capsys, "--data", str(data_dir), "export", "--format", fmt, "-o", "-")
    assert code == 0 and out
    assert_inert(out + err, f"export {fmt} -o -")
    target = tmp_path / f"sortie\x1b[2J\u202e.{fmt}"
    code, out, err = run(capsys, "--data", str(data_dir), "export", "--format", fmt, "-o", str(target))
    assert code == 0
    assert_inert(out + err, f"export {fmt} -o FILE")
    assert_inert(target.read_text(encoding="utf-8"), f"export {fmt} file")


def test_note_and_its_errors(data_dir, tmp_path, capsys):
    for text in HOSTILE.values():
        code, out, err = run(capsys, "--data", str(data_dir), "note", text)
        assert code == 0
        assert_inert(out + err, "note")
    blocked = tmp_path / "fichier\x1b]52;c;eA==\x07"
    blocked.write_text("")
    code, out, err = run(capsys, "--data", str(blocked / "journal"), "note", "x")
    assert code != 0 and err
    assert_inert(out + err, "note error quoting a path")


def test_exercises_list_and_validate_with_a_hostile_custom_file(tmp_path, capsys, monkeypatch):
    path = hostile_exercise(tmp_path)
    code, out, err = run(capsys, "exercises", "validate", str(path))
    assert_inert(out + err, "exercises validate")
    broken = tmp_path / "cassé\x9b2J\u202e.toml"
    broken.write_text('format = 1\nid = "\x1b[2J"\ntitle = 3\n', encoding="utf-8")
    code, out, err = run(capsys, "exercises", "validate", str(broken))
    assert code == 2 and err
    assert_inert(out + err, "exercises validate, broken file")
    monkeypatch.setattr("journal.core.catalogue.load_catalogue", lambda: load_catalogue(extra_files=[path]))
    for argv in (["exercises", "list"], ["exercises", "list", "--json"]):
        code, out, err = run(capsys, *argv)
        assert code == 0 and "piège" not in err
        assert_inert(out + err, " ".join(argv))
    rows = json.loads(run(capsys, "exercises", "list", "--json")[1])
    assert ALL_HOSTILE in [row["title"] for row in rows]


def test_backup_list_in_a_hostile_folder(tmp_path, capsys):
    folder = tmp_path / "données\x1b]0;titre\x07\u202e"
    with JournalStore(folder, snapshot_on_open=True) as store:
        store.notes.add("x")
    with JournalStore(folder, snapshot_on_open=True):
        pass
    code, out, err = run(capsys, "--data", str(folder), "backup", "list")
    assert code == 0
    assert_inert(out + err, "backup list")
    code, out, err = run(capsys, "--data", str(folder), "backup", "restore", "\x1b[2J\x9b")
    assert code != 0
    assert_inert(out + err, "backup restore of a hostile id")


# -- screens -----------------------------------------------------------------------


def rendered_segments(screen) -> list[str]:
    """The text of every segment the screen would write, before the last-resort output guard."""
    update = screen._compositor.render_update(full=True)
    return [segment.text for line in update.strips for strip in line for segment in strip if not segment.control]


def assert_screen_inert(app, where: str) -> None:
    text = "".join(rendered_segments(app.screen))
    assert_inert(text, where)
    for title in (app.title, app.sub_title, app.screen.title or "", app.screen.sub_title or ""):
        assert_inert(title, f"{where} (title)")


OPENED_EXERCISES = ("ma-demande", "mon-parcours", "mes-valeurs", "mes-interets", "mes-motivations", "enquete-metier", "mon-essai")


def hostile_app(data_dir, tmp_path) -> tuple[JournalStore, BilanApp]:
    """The app on a journal full of hostile text, with a hostile exercise in its catalogue."""
    catalogue = load_catalogue(extra_files=[hostile_exercise(tmp_path)])
    store = JournalStore(data_dir)
    fill_journal(store)
    store.entries.save_answer("mon-essai", "humeur", "2")
    return store, BilanApp(store, catalogue)


async def test_home_notes_export_and_notifications_show_hostile_text_inert(data_dir, tmp_path):
    store, app = hostile_app(data_dir, tmp_path)
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.pause()
        assert_screen_inert(app, "home")
        for exercise in app.catalogue.exercises:
            option_list = app.screen.query_one("#exercise-list")
            index = next(i for i in range(option_list.option_count) if option_list.get_option_at_index(i).id == f"exercise:{exercise.id}")
            option_list.highlighted = index
            await pilot.pause()
            assert_screen_inert(app, f"home detail of {exercise.id}")
        await pilot.press("n")
        await pilot.pause()
        await pilot.press(*"x")
        app.screen.query_one("#note-input").insert(ALL_HOSTILE)
        await pilot.pause()
        assert_screen_inert(app, "notes")
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("e")
        await pilot.pause(0.5)
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert_screen_inert(app, "export preview")
        app.notify(ALL_HOSTILE)
        await pilot.pause()
        assert_screen_inert(app, "a notification")
    store.close()


@pytest.mark.parametrize("exercise_id", OPENED_EXERCISES)
async def test_every_part_of_an_exercise_and_its_history_show_hostile_text_inert(exercise_id, data_dir, tmp_path):
    from journal.tui.screens.exercise import ExerciseScreen
    from journal.tui.screens.home import HomeScreen

    store, app = hostile_app(data_dir, tmp_path)
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.pause()
        exercise = app.catalogue.get(exercise_id)
        app.open_exercise(exercise)
        await pilot.pause()
        if not isinstance(app.screen, ExerciseScreen):
            assert_screen_inert(app, f"instances of {exercise.id}")
            await pilot.press("down", "enter")
            await pilot.pause()
        for collapsible in app.screen.query("Collapsible"):
            collapsible.collapsed = False
        await pilot.pause()
        for collapsible in app.screen.query("Collapsible"):
            # Folded pages and resources are built when opened: each is shown, then checked.
            assert collapsible.query("Collapsible > Contents > *"), f"{exercise.id}: {collapsible} opened empty"
            collapsible.scroll_visible(animate=False, top=True)
            await pilot.pause()
            assert_screen_inert(app, f"exercise {exercise.id}, {collapsible}")
        for editor in app.screen.query("PromptEditor"):
            # Every part of the screen, one height at a time (the compositor only draws what is visible).
            editor.scroll_visible(animate=False)
            await pilot.pause()
            assert_screen_inert(app, f"exercise {exercise.id}, {editor.id}")
        app.screen.notify(ALL_HOSTILE)
        await pilot.press("f2")
        await pilot.pause()
        assert_screen_inert(app, f"history of {exercise.id}")
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
    store.close()


async def test_the_side_by_side_view_shows_hostile_answers_inert_in_the_table_and_in_full(data_dir, tmp_path):
    from journal.tui.screens.comparison import ComparisonScreen

    store, app = hostile_app(data_dir, tmp_path)
    for instance in (1, store.entries.new_instance("ou-j-en-suis")):
        store.entries.save_answer("ou-j-en-suis", "energie-pourquoi", ALL_HOSTILE * 3, instance=instance)
        store.entries.save_answer("ou-j-en-suis", "moment", ALL_HOSTILE, instance=instance)
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.pause()
        exercise = app.catalogue.get("ou-j-en-suis")
        app.push_screen(ComparisonScreen(exercise, store.entries.current_of(exercise.id)))
        await pilot.pause()
        rows = app.screen.query_one("DataTable").row_count
        assert rows >= 2
        for row in range(rows):
            assert_screen_inert(app, f"side by side, row {row}")
            await pilot.press("down")
            await pilot.pause()
    store.close()


def test_editors_show_control_characters_as_symbols_of_the_same_width():
    strip = Strip([Segment("ab\x1b[2Jc\u202ed", None)])
    shown = visible_strip(strip)
    assert shown.cell_length == strip.cell_length
    assert "".join(segment.text for segment in shown) == "ab␛[2Jc"[: strip.cell_length]
    assert_inert("".join(segment.text for segment in shown), "editor line")


def test_the_output_guard_drops_what_a_terminal_would_obey():
    install_output_guard()
    console = Console(force_terminal=True, color_system="truecolor")
    written = Strip([Segment("a\x1b]52;c;eA==\x07b\x9b2Jc\u202e", None)]).render(console)
    assert written == "a]52;c;eA==b2Jc"
