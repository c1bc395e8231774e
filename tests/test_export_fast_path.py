"""The fast export gives byte for byte what the slow one gave.

The slow paths are kept here only, as references: entries read with their
30 versions and deep copies, exercise by exercise (what ``build_summary`` used
to read), Markdown escaped one line and one regular expression at a time, and
the answer-depth check that walked every value. The export of a generated
journal with 30 versions per entry, a bilan, questions, a synthesis and hostile
text must be identical in every format.
"""

from __future__ import annotations

import copy
import json
import re
import shutil
from datetime import date, datetime, timedelta, timezone

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import journal.core.export.markdown as markdown_module
import journal.core.export.summary as summary_module
from benchmarks.journals import JournalSpec, write_journals
from journal.core.answer_view import answer_view, is_empty, shown_value
from journal.core.catalogue.custom import with_custom
from journal.core.decision import decision_answer
from journal.core.record import replace
from journal.core.export import build_summary, render
from journal.core.export.markdown_escape import escape_block, escape_inline, escape_line, unchanged_inline
from journal.core.export.options import ExportOptions
from journal.core.storage.validation import _depth, is_timestamp
from journal.core.store import JournalStore
from tests.hostile_toml import examples
from tests.test_conversation_export import fill

HOSTILE = (
    "# titre\n\n```code```\n<b>gras</b> & &amp; &_x; [lien](x) | a | b |\r\n1. un\n- tiret\n\n\n  espaces  \n> cite",
    "\\ échappé \\* _x_ ~~y~~\n===\n---\n٣) trois\n+\n#\n[note]: x\n  \x0b \x85 \u2028fin\\",
)

# -- the slow paths, as they were ---------------------------------------------------------

_ALWAYS = re.compile(r"([`*_~|]|\\(?=[!-/:-@\[-`{-~]|$))")
_TAG_OPEN = re.compile(r"<(?=[A-Za-z/!?])")
_ENTITY = re.compile(r"&(?=#?\w+;)")
_LINK_CLOSE = re.compile(r"\](?=[(\[:])")
_LINE_START = re.compile(r"^(#{1,6}(?=\s|$)|>|[+-](?=\s|$)|=+\s*$|-+\s*$|\d{1,9}[.)](?=\s|$)|\[)")


def slow_escape_line(line: str) -> str:
    line = line.strip()
    line = _ALWAYS.sub(r"\\\1", line)
    line = _TAG_OPEN.sub(r"\\<", line)
    line = _ENTITY.sub(r"\\&", line)
    line = _LINK_CLOSE.sub(r"\\]", line)

    def marker(m):
        text = m.group(1)
        return text[:-1] + "\\" + text[-1] if text[-1] in ".)" and text[0].isdigit() else "\\" + text

    return _LINE_START.sub(marker, line)


def slow_escape_block(text: str, indent: str = "") -> list[str]:
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    while lines and not lines[-1].strip():
        lines.pop()
    while lines and not lines[0].strip():
        lines.pop(0)
    out: list[str] = []
    for index, line in enumerate(lines):
        if not line.strip():
            if out and out[-1] != "":
                out[-1] = out[-1].removesuffix("\\")
                out.append("")
            continue
        following = lines[index + 1] if index + 1 < len(lines) else ""
        escaped = slow_escape_line(line)
        if following.strip():
            escaped += "\\"
        out.append(indent + escaped)
    return out


def slow_escape_inline(text: str) -> str:
    return slow_escape_line(" ".join(part.strip() for part in text.splitlines() if part.strip()))


def slow_current(store):
    """Entries as the summary read them before: per exercise, every version deep-copied."""

    def current():
        ids = dict.fromkeys(entry.exercise_id for entry in store.entries.all())
        return {exercise_id: store.entries.for_exercise(exercise_id) for exercise_id in ids}

    return current


def slow_shared(store):
    """Shared notes as the summary read them before: every ``Note`` parsed one by one and sorted, then filtered."""

    def shared(*, with_moods: bool, since=None):
        notes = [store.notes._note(doc, int(doc_id)) for doc_id, doc in store._journal.raw("notes").items()]
        notes.sort(key=lambda note: (note.created_at, note.id))
        return [
            (note.created_at, note.text, note.mood if with_moods else None)
            for note in notes
            if not note.private and (since is None or note.created_at >= since)
        ]

    return shared


def slow_notes_section(summary):
    """The notes of a document as they were rendered: four lines per note, each heading escaped on its own."""
    from journal.core.export import markdown
    from journal.core.export.date_format import date_formatter
    from journal.i18n import t

    if not summary.notes:
        return []
    lines = markdown._heading("export.notes")
    when = date_formatter(t("formats.datetime"))
    for created_at, text, mood in summary.notes:
        heading = when(created_at)
        if mood:
            heading += t("export.note_mood", mood=t(f"worker.notes.mood_{mood}"))
        lines += [f"### {slow_escape_inline(heading)}", "", *slow_escape_block(text), ""]
    return lines


def slow_is_empty(value) -> bool:
    if value is None:
        return True
    if isinstance(value, str):
        return not value.strip()
    if isinstance(value, (list, dict, tuple)):
        return not value or all(slow_is_empty(v) for v in (value.values() if isinstance(value, dict) else value))
    return False


def slow_exported_entry(exercise, entry):
    """An entry's shared answers as the summary made them: each answer read and checked twice."""
    shared = [prompt for prompt in exercise.prompts if not entry.is_private(prompt)]
    answers = tuple(
        summary_module.ExportedAnswer(prompt.id, str(prompt.label), view, shown_value(prompt, entry.answer(prompt.id)))
        for prompt in shared
        if (view := answer_view(prompt, entry.answer(prompt.id))) is not None
    )
    computed = decision_answer(exercise, {prompt.id: entry.answer(prompt.id) for prompt in shared})
    if computed is not None:
        answers += (summary_module.ExportedAnswer(*computed),)
    unanswered = tuple(
        str(prompt.label) for prompt in exercise.prompts if not prompt.optional and slow_is_empty(entry.answer(prompt.id))
    )
    return summary_module.ExportedEntry(exercise, entry, answers, unanswered)


def slow_is_timestamp(value) -> bool:
    """The date check converting every date to local time."""
    if not isinstance(value, str):
        return False
    try:
        datetime.fromisoformat(value).astimezone()
    except (ValueError, OverflowError, OSError):
        return False
    return True


def slow_depth(value, allowed: int) -> bool:
    pending = [(value, allowed)]
    while pending:
        current, left = pending.pop()
        if isinstance(current, dict):
            children = current.values()
        elif isinstance(current, list):
            children = current
        else:
            continue
        if left <= 0:
            return False
        pending.extend((child, left - 1) for child in children)
    return True


# -- the comparisons ----------------------------------------------------------------------

MARKDOWN_TEXT = st.text(
    alphabet=st.sampled_from(list("#>+-=[]()<>&;_*`~|\\!:a1٣.) \t\n\r\x0b\x85\u2028é")), max_size=60
)


def assert_escaped_as_before(text: str) -> None:
    assert escape_block(text) == slow_escape_block(text)
    assert escape_block(text, "  ") == slow_escape_block(text, "  ")
    assert escape_line(text) == slow_escape_line(text)
    assert escape_inline(text) == slow_escape_inline(text)


@settings(max_examples=examples(300), deadline=None)
@given(MARKDOWN_TEXT)
def test_escaping_a_block_at_once_gives_what_escaping_each_line_gave(text):
    assert_escaped_as_before(text)


HEADING_TEXT = st.text(alphabet=st.sampled_from(list("0123456789/:.)-#>+=[ \t\n\xa0\u202f\u2028\x1c*_`àa()")), max_size=12)


@settings(max_examples=examples(300), deadline=None)
@given(st.lists(HEADING_TEXT | st.text(max_size=8), max_size=6))
def test_texts_said_unchanged_are_unchanged_by_escaping(texts):
    if unchanged_inline(texts):
        assert [slow_escape_inline(text) for text in texts] == texts


@pytest.mark.parametrize("heading", ["01/12/2026 à 10:24", "2026-12-01 at 10:24", "01/12/2026 à 10:24 (humeur : fatigue)"])
def test_ordinary_headings_are_said_unchanged(heading):
    assert unchanged_inline([heading] * 3)


@pytest.mark.parametrize("heading", ["31. 12. 2024", "- x", " x", "x ", "x\xa0", "#x", "[x", "1) x", "a*b", "a\nb", "x\u2028y"])
def test_headings_escaping_would_change_are_never_said_unchanged(heading):
    assert not unchanged_inline(["01/12/2026", heading])


@pytest.mark.parametrize("text", HOSTILE)
def test_hostile_text_is_escaped_as_before(text):
    assert escape_block(text) == slow_escape_block(text)


# Every character the escaping looks at (Markdown's, each line break ``str.splitlines`` knows,
# whitespace ``str.strip`` removes, digits that are and are not decimal) among plain ones.
EVERY_SPECIAL = "`*_~|\\<&]#>+-=[().:;!/?" + "\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029" + " \t\xa0\u3000" + "0123456789٣²"
# Texts with nothing to escape inside a line (the shortcuts' case), blank lines and spaces around.
PLAIN = "ab é#>+-=[().:10٣² " + "\n\n\n\r\t\x0b\x0c\x1c\x85\u2028\xa0"
ANY_TEXT = st.text(alphabet=st.sampled_from(list(EVERY_SPECIAL)) | st.characters(), max_size=80) | st.text(
    alphabet=st.sampled_from(list(PLAIN)), max_size=40
)


@settings(max_examples=examples(300), deadline=None)
@given(ANY_TEXT)
def test_the_escaping_shortcuts_give_what_the_full_escaping_gave(text):
    """Texts holding none of the characters that need an escape skip the substitution: same result either way."""
    assert_escaped_as_before(text)


@pytest.mark.parametrize("text", [
    EVERY_SPECIAL,
    "Une note sans rien à échapper, sur deux lignes.\nLa seconde ligne.\n\nUn autre paragraphe.",
    "12. douze\n1234567890. trop long\n٣) trois\n²) pas un nombre\n10) dix",
    "  \n\n  # titre  \n\n\n> cite\n- tiret\n+ plus\n===\n---\n[lien]: x\n",
    "fin de ligne \\\n\nfin de paragraphe \\",
    "03/01/2022 à 16:11",
    "une ligne\rune autre\r\net une dernière",
    "",
    "   ",
])
def test_every_markdown_special_character_is_escaped_as_before(text):
    assert_escaped_as_before(text)


NESTED = st.recursive(
    st.none() | st.integers() | st.text(max_size=3),
    lambda children: st.lists(children, max_size=3) | st.dictionaries(st.text(max_size=2), children, max_size=3),
    max_leaves=40,
)


@settings(max_examples=examples(300), deadline=None)
@given(NESTED | st.text(alphabet=" \t\n\xa0\u2028\x1cab", max_size=5))
def test_an_answer_is_empty_exactly_when_it_was(value):
    assert is_empty(value) == slow_is_empty(value)


@settings(max_examples=examples(300), deadline=None)
@given(NESTED, st.integers(min_value=0, max_value=6))
def test_the_depth_check_agrees_with_the_walk_of_every_value(value, allowed):
    assert _depth(value, allowed) == slow_depth(value, allowed)


OFFSETS = st.none() | st.builds(lambda minutes: timezone(timedelta(minutes=minutes)), st.integers(-1439, 1439))
STAMPS = (
    st.datetimes(min_value=datetime(1, 1, 1), max_value=datetime(9999, 12, 31, 23, 59, 59), timezones=OFFSETS).map(datetime.isoformat)
    | st.sampled_from(["1970-01-01T00:00:00+14:00", "0001-01-01T00:00:00+01:00", "9999-12-31T23:59:59-12:00", "2999-12-31T23:59:59-23:59", "1971-01-01T00:00:00+23:59"])
    | st.text(max_size=30)
    | st.integers()
)


@settings(max_examples=examples(300), deadline=None)
@given(STAMPS)
def test_the_date_check_agrees_with_converting_every_date(value):
    assert is_timestamp(value) == slow_is_timestamp(value)


@settings(max_examples=examples(100), deadline=None)
@given(
    st.lists(
        st.tuples(st.integers(0, 5), st.sampled_from([-2, 0, 1, 2]), st.sampled_from(["bien", "nope", 3, None]), st.booleans()),
        min_size=1,
        max_size=12,
    ),
    st.randoms(use_true_random=False),
)
def test_notes_come_oldest_first_then_by_number_and_without_moods_when_asked(tmp_path_factory, notes, random):
    """Same instants written in other offsets, numbers stored in order or not: ordered as the (date, number) sort did;
    the rows an export reads are those notes, private ones and those before ``since`` left out."""
    folder = tmp_path_factory.mktemp("notes")
    base = datetime(2024, 3, 31, 1, 30, tzinfo=timezone.utc)
    with JournalStore(folder) as store:
        store.notes.add("pour créer le journal")
    path = folder / "journal.json"
    data = json.loads(path.read_text())
    stored = {}
    for number, (minutes, offset, mood, private) in enumerate(notes, start=2):
        moment = (base + timedelta(minutes=minutes)).astimezone(timezone(timedelta(hours=offset)))
        stored[str(number)] = {"text": f"note {number}", "created_at": moment.isoformat(), "private": private, "mood": mood}
    keys = list(stored)
    if random.random() < 0.5:  # stored in order of writing, as nearly always, or not
        random.shuffle(keys)
    data["notes"].update({key: stored[key] for key in keys})
    path.write_text(json.dumps(data))
    with JournalStore(folder, read_only=True) as store:
        everything = store.notes.all()
        assert everything == sorted(everything, key=lambda note: (note.created_at, note.id))
        assert [note.mood for note in everything if note.id > 1] == [
            stored[str(note.id)]["mood"] if stored[str(note.id)]["mood"] in ("bien",) else None for note in everything if note.id > 1
        ]
        assert store.notes.all(with_moods=False) == [replace(note, mood=None) for note in everything]
        for with_moods in (True, False):
            for since in (None, *(note.created_at for note in everything[::3])):
                assert store.notes.shared(with_moods=with_moods, since=since) == slow_shared(store)(with_moods=with_moods, since=since)


@pytest.fixture(scope="module")
def generated(tmp_path_factory, catalogue_module):
    """A stress journal (every entry with 30 versions) with a bilan, questions, a synthesis and hostile text."""
    folder = tmp_path_factory.mktemp("fast-export")
    written = write_journals(JournalSpec(300, stress=True), catalogue_module, folder)
    with JournalStore(written.bilan_dir) as store:
        bilan, _ = fill(store, catalogue_module)
        for text in HOSTILE:
            store.notes.add(text, mood="fatigue")
            store.questions.add(text, bilan.id)
        store.notes.add("Une humeur en secret.", private=True, mood="inquiet")
        store.entries.save_answer("ma-lettre", "lettre", HOSTILE[0])
        store.entries.save_answer("ma-demande", "pourquoi-maintenant", "zanzibarique")
        store.entries.save_answer("ma-demande", "attentes", "Une réponse partagée.")
        store.entries.set_prompt_private("ma-demande", "pourquoi-maintenant", True)
        store.entries.save_answer("ma-demande", "craintes", "")  # private and empty: still « not answered yet »
        store.entries.set_prompt_private("ma-demande", "craintes", True)
    return written.bilan_dir


@pytest.fixture(scope="module")
def catalogue_module():
    from journal.core.catalogue import load_catalogue

    return load_catalogue()


@pytest.mark.parametrize(
    "options",
    [
        ExportOptions(),
        ExportOptions(moods=True),
        ExportOptions(since=date(2000, 1, 1)),
        ExportOptions(since=date(2024, 6, 1), notes=False),
    ],
    ids=["default", "moods", "since", "no-notes"],
)
def test_the_export_is_byte_identical_to_the_slow_path(generated, catalogue_module, options, monkeypatch, tmp_path):
    folder = tmp_path / "journal"
    shutil.copytree(generated, folder)
    frozen = datetime(2026, 11, 30, 12, 0, tzinfo=timezone.utc).astimezone()
    monkeypatch.setattr(summary_module, "now", lambda: frozen)
    with JournalStore(folder, read_only=True) as store:
        exercises, _ = with_custom(catalogue_module, store.custom_exercises.all())
        fast = build_summary(store, exercises, options)
        assert fast.phases and any(len(entries) > 1 for _, entries in fast.phases)
        monkeypatch.setattr(store.entries, "current", slow_current(store))
        monkeypatch.setattr(store.notes, "shared", slow_shared(store))
        monkeypatch.setattr(summary_module, "exported_entry", slow_exported_entry)
        slow = build_summary(store, exercises, options)
    with monkeypatch.context() as slow_escaping:
        slow_escaping.setattr("journal.core.export.markdown.escape_block", slow_escape_block)
        slow_escaping.setattr("journal.core.export.markdown.escape_inline", slow_escape_inline)
        slow_escaping.setattr("journal.core.export.markdown.SECTIONS", (*markdown_module.SECTIONS[:-1], slow_notes_section))
        expected = {name: render(slow, name) for name in ("markdown", "html", "json")}
    for name, text in expected.items():
        assert render(fast, name) == text, name
        assert "zanzibarique" not in text and "Une réponse partagée" in text, name


def test_current_reads_no_history_and_statuses_match_status(generated):
    with JournalStore(generated, read_only=True) as store:
        current = store.entries.current()
        statuses = store.entries.statuses()
        assert set(current) == set(statuses)
        assert sum(len(entry.history) for entry in store.entries.all()) > 0
        for exercise_id, entries in current.items():
            full = store.entries.for_exercise(exercise_id)
            assert [entry.instance for entry in entries] == [entry.instance for entry in full]
            assert all(entry.history == () for entry in entries)
            assert store.entries.current_of(exercise_id) == entries
            assert store.entries.next_instance(exercise_id) == max(entry.instance for entry in full) + 1
            assert [(e.answers, e.status, e.updated_at) for e in entries] == [(e.answers, e.status, e.updated_at) for e in full]
            assert store.entries.status(exercise_id) == statuses[exercise_id]


ANSWERS = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=3) | st.tuples(st.integers()),
    lambda children: st.lists(children, max_size=3) | st.dictionaries(st.text(max_size=2), children, max_size=3),
    max_leaves=40,
)


def _containers(value) -> list:
    found = [value] if isinstance(value, (dict, list, tuple)) else []
    children = value.values() if isinstance(value, dict) else value if isinstance(value, (list, tuple)) else ()
    return found + [inner for child in children for inner in _containers(child)]


@settings(max_examples=examples(300), deadline=None)
@given(ANSWERS)
def test_an_entry_copy_equals_a_deep_copy_and_shares_no_container(value):
    from journal.core.store.entries import copied

    result = copied(value)
    assert result == copy.deepcopy(value) and type(result) is type(value)
    mine = {id(container) for container in _containers(value) if not isinstance(container, tuple)}
    assert not mine & {id(container) for container in _containers(result)}
