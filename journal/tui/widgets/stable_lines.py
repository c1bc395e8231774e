"""Rows of a wrapped ``TextArea`` drawn again only when what they show has changed.

Textual's ``TextArea`` repaints the whole field after each edit (the cursor's
move asks for it), and with soft wrapping on (every answer field) its line
cache keys every row by the cursor's position and is emptied at each edit:
every key typed redrew every visible row. In a long answer that was most of
the time between a key and its frame.

``StableLines`` keys each row by what it shows: the text of its part of the
document line (the whole line if it holds a tab or a selection), whether the
cursor is on that line and, only for the part it is in, the cursor itself; the
matched bracket on its line; the field's size and styles. A row whose key is
known is taken from its own cache, any other is drawn by the widget as before.

An edit repaints only the rows whose key changed: the request Textual makes
during the edit is held, then the rows of the document lines the edit, the old
or new cursor, selection or matched bracket touch (down to the bottom of the
field when the number of rows changed) are compared with the keys they were
drawn with. If the field scrolled, its gutter changed, or it shows its
placeholder (drawn by Textual, and wrapped over several rows), the whole field
is repainted, as are rows with no key (syntax highlighting, no soft wrap,
beyond the text).
"""

from __future__ import annotations

from typing import Any, NamedTuple

from textual.cache import LRUCache
from textual.document._document import EditResult
from textual.document._edit import Edit
from textual.geometry import Offset, Region, Size
from textual.strip import Strip
from textual.widget import Widget

LINES_KEPT = 1024
_NOTHING = object()  # a row never drawn: different from any key, and from None


class FieldBeforeEdit(NamedTuple):
    """What an edit may change that decides which rows to repaint, taken just before it."""

    rows: list[int]  # document lines the cursor, the selection and the matched bracket were drawn on
    line_count: int  # document lines
    height: int  # screen rows of the whole text
    scroll: Offset
    gutter: int  # width of the line numbers
    placeholder: bool  # whether the empty field showed its placeholder


class StableLines:
    """Mixin for a ``TextArea``: a drawn line is reused while its text, wrap, styles and cursor are unchanged."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        self._stable_lines: LRUCache[tuple, Strip] = LRUCache(LINES_KEPT)  # before TextArea's own set-up, which wraps
        self._drawn: dict[int, tuple | None] = {}  # the key of what each row of the field shows now
        self._editing = False
        self._repaint_held = False
        super().__init__(*args, **kwargs)

    def edit(self, edit: Edit) -> EditResult:
        area: Any = self
        if not area.is_mounted:
            return super().edit(edit)  # type: ignore[misc]
        before = FieldBeforeEdit(
            rows=self._rows_in_play(),
            line_count=area.document.line_count,
            height=area.wrapped_document.height,
            scroll=area.scroll_offset,
            gutter=area.gutter_width,
            placeholder=self._shows_placeholder(),
        )
        self._editing, self._repaint_held = True, False
        done = False
        try:
            result = super().edit(edit)  # type: ignore[misc]
            done = True
        finally:
            self._editing = False
            if self._repaint_held:
                self._repaint_held = False
                regions = self._edited_regions(edit, before) if done else None
                if regions is None:
                    super().refresh()  # type: ignore[misc]
                elif regions:
                    super().refresh(*regions)  # type: ignore[misc]
        return result

    def _refresh_size(self) -> None:
        """A row added or removed by an edit in a field already taller than it can show only changes its scroll range:
        no layout of the screen.

        Textual lays out the whole screen whenever the text's height changes
        (13 ms on the exercise screen, on the key that starts a row). A field
        that already scrolls — its text taller than it both before and after —
        keeps its size and its scroll bar whatever the number of rows; only the
        scroll bar's range changes. Only during an edit, which repaints the rows
        it changed: after a rewrap (a resize), the layout's repaint is what
        shows the new wrap.
        """
        area: Any = self
        new = Size(0, area.wrapped_document.height)
        old = area.virtual_size
        shown = area.scrollable_content_region.height
        scrolls_before_and_after = min(old.height, new.height) > shown and area.show_vertical_scrollbar
        if self._editing and area.soft_wrap and new != old and old.width == 0 and scrolls_before_and_after:
            area.set_reactive(Widget.virtual_size, new)
            area._scroll_update(new)
            return
        super()._refresh_size()  # type: ignore[misc]

    def refresh(self, *regions: Region, repaint: bool = True, layout: bool = False, recompose: bool = False) -> Any:
        if self._editing and not regions and repaint and not layout and not recompose:
            self._repaint_held = True
            return self
        return super().refresh(*regions, repaint=repaint, layout=layout, recompose=recompose)  # type: ignore[misc]

    def _rows_in_play(self) -> list[int]:
        """Document lines the cursor, the selection and the matched bracket are drawn on."""
        area: Any = self
        top, bottom = sorted(area.selection)
        rows = [top[0], bottom[0]]
        matching = area._matching_bracket_location
        if matching is not None:
            rows.append(matching[0])
        return rows

    def _shows_placeholder(self) -> bool:
        """Whether the field is empty and shows its placeholder (which may wrap over several lines)."""
        area: Any = self
        document = area.document
        return bool(area.placeholder) and document.line_count == 1 and not document.get_line(0)

    def _edited_regions(self, edit: Edit, before: FieldBeforeEdit) -> list[Region] | None:
        """The rows of the field ``edit`` changed (widget coordinates), or ``None`` for all of them.

        The candidates are the screen rows of the document lines from the highest
        one the edit, the cursor, the selection or the matched bracket touched
        (before or after) to the lowest — to the bottom when the number of rows
        changed; of those, the rows whose key differs from what they show.
        """
        area: Any = self
        wrapped = area.wrapped_document
        if (
            area.scroll_offset != before.scroll
            or area.gutter_width != before.gutter
            or before.placeholder
            or self._shows_placeholder()
        ):
            return None
        rows = [*before.rows, *self._rows_in_play(), edit.top[0], edit.bottom[0]]
        last_line = area.document.line_count - 1
        first = min(max(0, min(rows)), last_line)
        rows_of_line = wrapped._line_index_to_offsets  # the screen rows of each document line
        top_y = rows_of_line[first][0]
        if area.document.line_count != before.line_count or wrapped.height != before.height:
            bottom_y = max(before.height, wrapped.height)
        else:
            bottom_y = rows_of_line[min(max(rows), last_line)][-1] + 1
        scroll_y = area.scroll_offset.y
        shown = range(max(top_y - scroll_y, 0), min(bottom_y - scroll_y, area.scrollable_content_region.height))
        drawn = self._drawn
        changed = [y for y in shown if (key := self._stable_key(y)) is None or drawn.get(y, _NOTHING) != key]
        width = max(area.virtual_size.width, area.size.width)
        regions: list[Region] = []
        for y in changed:
            if regions and regions[-1].bottom == y:
                last = regions[-1]
                regions[-1] = Region(0, last.y, width, last.height + 1)
            else:
                regions.append(Region(0, y, width, 1))
        return regions

    def notify_style_update(self) -> None:
        self._stable_lines.clear()
        self._drawn.clear()
        super().notify_style_update()  # type: ignore[misc]

    def _rewrap_and_refresh_virtual_size(self) -> None:
        self._stable_lines.clear()
        self._drawn.clear()
        super()._rewrap_and_refresh_virtual_size()  # type: ignore[misc]

    def render_line(self, y: int) -> Strip:
        key = self._stable_key(y)
        self._drawn[y] = key
        if key is None:
            return super().render_line(y)  # type: ignore[misc]
        strip = self._stable_lines.get(key)
        if strip is None:
            strip = super().render_line(y)  # type: ignore[misc]
            self._stable_lines[key] = strip
        return strip

    def _stable_key(self, y: int) -> tuple | None:
        """Everything line ``y`` (relative to the widget) shows, or ``None`` to draw it as Textual does."""
        area: Any = self
        if not area.soft_wrap or area._highlights:
            return None
        document = area.document
        if self._shows_placeholder():
            return None
        wrapped = area.wrapped_document
        scroll_x, scroll_y = area.scroll_offset
        try:
            line_index, section = wrapped._offset_to_line_info[scroll_y + y]
            offsets = wrapped.get_offsets(line_index)
            tab_widths = wrapped.get_tab_widths(line_index)
            text = document.get_line(line_index)
        except (IndexError, ValueError, KeyError):
            return None  # beyond the text: a blank line, cheap to draw
        theme = area._theme
        if theme is None or theme.base_style is None:
            return None
        return (
            area.size,
            area.scrollable_content_region.size.width,
            scroll_x,
            area.gutter_width,
            area.show_line_numbers,
            area.line_number_start,
            area.indent_width,
            area.read_only,
            area.show_cursor,
            area.highlight_cursor_line,
            area.has_focus,
            area.theme,
            theme.base_style,
            theme.cursor_line_style,
            theme.cursor_line_gutter_style,
            theme.gutter_style,
            theme.cursor_style,
            theme.selection_style,
            theme.bracket_matching_style,
            line_index,
            section,
            *self._section_key(text, section, offsets, tab_widths, line_index),
        )

    def _section_key(self, text: str, section: int, offsets: list[int], tab_widths: list[int], line_index: int) -> tuple:
        """What the drawing of one section of a document line depends on in that line, the cursor and the selection.

        A section of a line with no tab, no selection and no suggestion shows its
        own characters, the cursor-line colour if the cursor is on the line, and
        the cursor and the matched bracket only where their column falls in it —
        counted from the section's start, since the same characters can start at
        another column after an edit earlier in the line.
        """
        area: Any = self
        selection = area.selection
        start, end = selection
        top, bottom = sorted(selection)
        matching = area._matching_bracket_location
        touched = top[0] <= line_index <= bottom[0]
        if "\t" in text or (touched and (start != end or area.suggestion)):
            everything = (
                selection,
                area._draw_cursor,
                area.suggestion,
                area.hide_suggestion_on_blur,
                matching,
                area.match_cursor_bracket,
            )
            matched_line = None
            if matching is not None and matching[0] == line_index:
                matched_line = (matching, start == end, area.match_cursor_bracket)
            return text, tuple(offsets), tuple(tab_widths), everything if touched else None, matched_line
        first = offsets[section - 1] if section else 0
        last = offsets[section] if section < len(offsets) else len(text)
        cursor = None
        if touched:
            column = end[1]
            in_section = first <= column <= last
            cursor = (
                True,  # the cursor-line colour
                column - first if in_section else None,
                area._draw_cursor if in_section else None,
                (matching is not None, area.match_cursor_bracket) if in_section else None,
            )
        matched = None
        if matching is not None and matching[0] == line_index and first <= matching[1] <= last:
            # The partner of the bracket under the cursor is marked only while nothing is selected.
            matched = (matching[1] - first, start == end, area.match_cursor_bracket)
        return text[first:last], section == len(offsets), cursor, matched
