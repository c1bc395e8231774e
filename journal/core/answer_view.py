"""Turns a stored answer into a neutral tree the exports and pre-fills walk.

Each prompt kind knows how its value reads to a person: a table becomes one
group per row, a card sort its piles and ranked cards, a questionnaire its
scores and code. The Markdown export, the plain-text pre-fill and the review
viewer all render this same tree, so an answer reads the same everywhere.
"""

from __future__ import annotations

from typing import Any, Union

from journal.core.empty_answer import is_empty
from journal.core.models import Field, Prompt, PromptKind
from journal.core.record import record
from journal.core.scoring import score_questionnaire
from journal.i18n import t


@record
class Text:
    """Free text the worker typed (may span several lines)."""

    text: str

    def __init__(self, text: str):  # its own: one per answer (25,000 on the stress journal's export)
        object.__setattr__(self, "text", text)


@record
class Items:
    """A list of short pieces (list items, chosen options, ranked cards)."""

    items: tuple[str, ...]
    ordered: bool = False


@record
class Bars:
    """Scores drawn as bars: (label, value, maximum)."""

    bars: tuple[tuple[str, float, float], ...]
    caption: str = ""


@record
class Pairs:
    """Labelled sub-answers, e.g. the fields of one table row."""

    pairs: tuple[tuple[str, "View"], ...]


@record
class Groups:
    """Titled groups, e.g. the rows of a table or the piles of a card sort."""

    groups: tuple[tuple[str, "View"], ...] = ()


@record
class Grid:
    """A computed table: column headers, rows of cells, and a caption saying how to read it."""

    headers: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    caption: str = ""


View = Union[Text, Items, Bars, Pairs, Groups, Grid]
_FREE_TEXT = frozenset({PromptKind.SHORT_TEXT, PromptKind.LONG_TEXT})


def _as_list(value: Any) -> list:
    """A stored answer that should be a list (a hand-edited journal may hold one value)."""
    return value if isinstance(value, list) else [value]


def _as_mapping(value: Any) -> dict:
    """A stored answer part that should be a table (anything else reads as empty)."""
    return value if isinstance(value, dict) else {}


def _option_label(options, option_id: Any) -> str:
    for option in options:
        if option.id == option_id:
            return str(option.label)
    return str(option_id)


def _picked(value: Any) -> list[str]:
    picks = _as_list(value)
    labels = []
    for pick in picks:
        if isinstance(pick, dict):
            label = str(pick.get("label", "")).strip()
            code = pick.get("code")
            if label:
                # ROME codes help the conseiller; ESCO identifiers are long URIs nobody reads.
                shown = code and not str(code).startswith("http")
                labels.append(f"{label} ({code})" if shown else label)
        elif isinstance(pick, str) and pick.strip():
            labels.append(pick.strip())
    return labels


def field_view(spec: Field, value: Any) -> View | None:
    """The view of one field value (a table cell or a card detail)."""
    return None if is_empty(value) else _filled_view(spec.kind, spec.options, value)


def _filled_view(kind: PromptKind, options: tuple, value: Any) -> View | None:
    """The view of a value that is not empty, from the two things a field's view reads (a prompt has them too)."""
    if kind in _FREE_TEXT:
        return Text(str(value))
    if kind == PromptKind.SCALE:
        return Text(_scale_text(options, value))
    if kind == PromptKind.CHOICE:
        return Text(_option_label(options, value))
    if kind == PromptKind.MULTI_CHOICE:
        return Items(tuple(_option_label(options, v) for v in _as_list(value)))
    if kind == PromptKind.PICK:
        labels = _picked(value)
        return Items(tuple(labels)) if len(labels) > 1 else Text(labels[0]) if labels else None
    return Text(str(value))


def _scale_text(options, value: Any) -> str:
    try:
        index = int(value)
    except (TypeError, ValueError):
        return str(value)
    label = str(options[index - 1].label) if 1 <= index <= len(options) else ""
    return f"{index}/5 — {label}" if label else f"{index}/5"


def answer_view(prompt: Prompt, value: Any) -> View | None:
    """The view of a prompt's answer, or None when nothing was answered."""
    if is_empty(value):
        return None
    kind = prompt.kind
    if kind in _FREE_TEXT:  # most answers: looked at first
        return Text(str(value))
    if kind == PromptKind.LIST:
        items = [str(v).strip() for v in value if str(v).strip()] if isinstance(value, list) else [str(value)]
        return Items(tuple(items))
    if kind == PromptKind.RANKING:
        return Items(tuple(_option_label(prompt.options, v) for v in _as_list(value)), ordered=True)
    if kind == PromptKind.TABLE:
        return _table_view(prompt, value)
    if kind == PromptKind.CARD_SORT:
        return _card_sort_view(prompt, value)
    if kind == PromptKind.QUESTIONNAIRE:
        return _questionnaire_view(prompt, value)
    return _filled_view(kind, prompt.options, value)


def _row_view(columns: tuple[Field, ...], row: dict, skip: frozenset[str] = frozenset()) -> Pairs:
    pairs = []
    for column in columns:
        if column.id in skip:
            continue
        view = field_view(column, row.get(column.id))
        if view is not None:
            pairs.append((str(column.label), view))
    return Pairs(tuple(pairs))


def _table_view(prompt: Prompt, rows: Any) -> View | None:
    if not isinstance(rows, list):
        return None
    noun = str(prompt.row_label) or t("answers.row")
    noun = noun[:1].upper() + noun[1:]
    first = prompt.columns[0]
    groups = []
    for number, row in enumerate((r for r in rows if isinstance(r, dict) and not is_empty(r)), start=1):
        headline = field_view(first, row.get(first.id))
        if isinstance(headline, Text) and "\n" not in headline.text.strip():
            title, skip = f"{number}. {headline.text.strip()}", frozenset({first.id})
        else:
            title, skip = f"{noun} {number}", frozenset()
        groups.append((title, _row_view(prompt.columns, row, skip)))
    return Groups(tuple(groups)) if groups else None


def _card_sort_view(prompt: Prompt, value: Any) -> View | None:
    if not isinstance(value, dict):
        return None
    placed = _as_mapping(value.get("piles"))
    groups = []
    top = _top_cards(prompt, value)
    if top:
        details = _as_mapping(value.get("details"))
        ranked = []
        for position, card in enumerate(top, start=1):
            title = f"{position}. {_option_label(prompt.cards, card)}"
            ranked.append((title, _row_view(prompt.top_fields, _as_mapping(details.get(card)))))
        groups.append((t("answers.ranked"), Groups(tuple(ranked))))
    for pile in prompt.piles:
        cards = [_option_label(prompt.cards, card.id) for card in prompt.cards if placed.get(card.id) == pile.id]
        if cards:
            groups.append((str(pile.label), Items(tuple(cards))))
    return Groups(tuple(groups)) if groups else None


def _top_cards(prompt: Prompt, value: dict) -> list[str]:
    """The ranked cards of a card sort answer that still exist (ids are strings)."""
    return [card for card in _as_list(value.get("top", [])) if isinstance(card, str) and prompt.option(card)]


def _questionnaire_view(prompt: Prompt, value: Any) -> View | None:
    result = score_questionnaire(prompt, value if isinstance(value, dict) else {})
    if not result.answered:
        return None
    bars = tuple((f"{s.letter} {s.dimension.label}", round(s.mean, 1), 5.0) for s in result.scores)
    caption = t("answers.code", code=result.code)
    if result.ties:
        tie_text = "; ".join(" = ".join(s.letter for s in group) for group in result.ties)
        caption += " " + t("answers.ties", ties=tie_text)
    if not result.complete:
        caption += " " + t("answers.partial", answered=result.answered, total=result.item_count)
    caption += " " + t("content.not_a_test")
    return Pairs(((t("answers.scores"), Bars(bars, caption)),))


def carries_scores(view: View | None) -> bool:
    """True when the view shows questionnaire scores (which must say they are not a test)."""
    if isinstance(view, Bars):
        return True
    if isinstance(view, (Pairs, Groups)):
        children = view.pairs if isinstance(view, Pairs) else view.groups
        return any(carries_scores(child) for _, child in children)
    return False


def decimal(value: float) -> str:
    """A score with one decimal, written the way the current language writes it (2,5 / 2.5)."""
    return f"{value:.1f}".replace(".", t("formats.decimal_point"))


def shown_value(prompt: Prompt, value: Any) -> Any:
    """The part of a stored answer that the worker sees and that exports may carry.

    A card sort keeps the notes of cards that left the top (so moving a card back
    restores them); those notes are not shown, so they never leave the machine.
    """
    if prompt.kind == PromptKind.CARD_SORT and isinstance(value, dict):
        top = _top_cards(prompt, value)
        details = _as_mapping(value.get("details"))
        return {"piles": _as_mapping(value.get("piles")), "top": top, "details": {card: details[card] for card in top if card in details}}
    if prompt.kind == PromptKind.TABLE and isinstance(value, list):
        return [row for row in value if isinstance(row, dict) and not is_empty(row)]
    return value


def view_as_text(view: View | None, indent: str = "") -> str:
    """Plain text of a view, e.g. to pre-fill a text prompt from earlier answers."""
    if view is None:
        return ""
    if isinstance(view, Text):
        return "\n".join(indent + line for line in view.text.splitlines())
    if isinstance(view, Items):
        marks = [f"{n}." for n in range(1, len(view.items) + 1)] if view.ordered else ["-"] * len(view.items)
        return "\n".join(f"{indent}{mark} {item}" for mark, item in zip(marks, view.items))
    if isinstance(view, Grid):
        return "\n".join(indent + line for line in grid_lines(view))
    if isinstance(view, Bars):
        sep = t("formats.label_sep")
        lines = [f"{indent}{label}{sep}{decimal(value)}/{maximum:g}" for label, value, maximum in view.bars]
        return "\n".join(lines + ([indent + view.caption] if view.caption else []))
    entries = view.pairs if isinstance(view, Pairs) else view.groups
    lines = []
    for label, child in entries:
        if isinstance(child, (Pairs, Groups)) and not (child.pairs if isinstance(child, Pairs) else child.groups):
            lines.append(f"{indent}{label}")
        elif isinstance(child, Text) and "\n" not in child.text:
            lines.append(f"{indent}{label}{t('formats.label_sep')}{child.text}")
        else:
            lines.append(f"{indent}{label}{t('formats.label_sep').rstrip()}")
            lines.append(view_as_text(child, indent + "  "))
    return "\n".join(lines)


def grid_lines(view: Grid) -> list[str]:
    """A grid as aligned plain-text lines (headers, a rule, the rows, then the caption)."""
    widths = [len(header) for header in view.headers]
    for row in view.rows:
        widths = [max(width, len(cell)) for width, cell in zip(widths, row)]
    def line(cells) -> str:
        return "  ".join(cell.ljust(width) for cell, width in zip(cells, widths)).rstrip()
    lines = [line(view.headers), "  ".join("─" * width for width in widths)]
    lines += [line(row) for row in view.rows]
    return lines + ([view.caption] if view.caption else [])
