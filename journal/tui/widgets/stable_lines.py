"""Lines of a wrapped ``TextArea`` drawn again only when what they show has changed.

Two savings, both for typing in long answers:

Textual's ``TextArea`` keeps its drawn lines in a cache, but with soft wrapping
on (every answer field) the cursor's position is part of every line's key, and
each edit empties the cache: every key typed redraws every visible line. In a
long answer that is most of the time between a key and its frame (about 14
lines of 0.4 ms each at 100 columns, for one line that changed).

First, an edit repaints only the lines it changed. Textual repaints the whole
field after each edit (the cursor's move asks for it); ``StableLines`` holds
that request back while the edit runs, then repaints the document lines from
the highest one the edit, the old or new cursor, selection or matched bracket
touch, down to the lowest — or down to the bottom of the field when the edit
changed how many lines there are. If the field scrolled, or anything else than
that one request asks for a repaint, the whole field is repainted as before.

Second, ``StableLines`` keys each drawn line by what it shows: the text of its document
line, where that line wraps, the widget's size and styles, and the cursor or
selection only for the document lines they touch. A line whose key is
unchanged is taken from its own cache; any other line is drawn by the widget
exactly as before. Where the key could miss something (no soft wrap, syntax
highlighting, the placeholder of an empty field), every line is drawn as
Textual draws it.
"""

from __future__ import annotations

from typing import Any

from textual.cache import LRUCache
from textual.document._document import EditResult
from textual.document._edit import Edit
from textual.geometry import Region
from textual.strip import Strip

LINES_KEPT = 1024


class StableLines:
    """Mixin for a ``TextArea``: a drawn line is reused while its text, wrap, styles and cursor are unchanged."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        self._stable_lines: LRUCache[tuple, Strip] = LRUCache(LINES_KEPT)  # before TextArea's own set-up, which wraps
        self._editing = False
        self._repaint_held = False
        super().__init__(*args, **kwargs)

    def edit(self, edit: Edit) -> EditResult:
        area: Any = self
        if not area.is_mounted:
            return super().edit(edit)  # type: ignore[misc]
        before = self._rows_in_play(), area.document.line_count, area.wrapped_document.height, area.scroll_offset, area.gutter_width, self._shows_placeholder()
        self._editing, self._repaint_held = True, False
        done = False
        try:
            result = super().edit(edit)  # type: ignore[misc]
            done = True
        finally:
            self._editing = False
            if self._repaint_held:
                self._repaint_held = False
                region = self._edited_region(edit, *before) if done else None
                if region is None:
                    super().refresh()  # type: ignore[misc]
                else:
                    super().refresh(region)  # type: ignore[misc]
        return result

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

    def _edited_region(
        self, edit: Edit, rows_before: list[int], line_count: int, height: int, scroll: Any, gutter: int, placeholder: bool
    ) -> Region | None:
        """The part of the field ``edit`` changed (widget coordinates), or ``None`` for all of it."""
        area: Any = self
        wrapped = area.wrapped_document
        if area.scroll_offset != scroll or area.gutter_width != gutter or placeholder or self._shows_placeholder():
            return None
        rows = [*rows_before, *self._rows_in_play(), edit.top[0], edit.bottom[0]]
        last_line = area.document.line_count - 1
        first = min(max(0, min(rows)), last_line)
        rows_of_line = wrapped._line_index_to_offsets  # the screen rows of each document line
        top_y = rows_of_line[first][0]
        if area.document.line_count != line_count or wrapped.height != height:
            bottom_y = max(height, wrapped.height)
        else:
            bottom_y = rows_of_line[min(max(rows), last_line)][-1] + 1
        width = max(area.virtual_size.width, area.size.width)
        return Region(0, top_y - area.scroll_offset.y, width, bottom_y - top_y)

    def notify_style_update(self) -> None:
        self._stable_lines.clear()
        super().notify_style_update()  # type: ignore[misc]

    def _rewrap_and_refresh_virtual_size(self) -> None:
        self._stable_lines.clear()
        super()._rewrap_and_refresh_virtual_size()  # type: ignore[misc]

    def render_line(self, y: int) -> Strip:
        key = self._stable_key(y)
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
        the cursor and matched bracket only where their column falls in it.
        """
        area: Any = self
        selection = area.selection
        start, end = selection
        top, bottom = sorted(selection)
        matching = area._matching_bracket_location
        touched = top[0] <= line_index <= bottom[0]
        # The partner of the bracket under the cursor is marked only while nothing is selected.
        matched_here = (matching, start == end, area.match_cursor_bracket) if matching is not None and matching[0] == line_index else None
        if "\t" in text or (touched and (start != end or area.suggestion)):
            everything = (selection, area._draw_cursor, area.suggestion, area.hide_suggestion_on_blur, matching, area.match_cursor_bracket)
            return text, tuple(offsets), tuple(tab_widths), everything if touched else None, matched_here
        first = offsets[section - 1] if section else 0
        last = offsets[section] if section < len(offsets) else len(text)
        cursor = None
        if touched:
            column = end[1]
            in_section = first <= column <= last
            cursor = (
                True,
                column if in_section else None,
                area._draw_cursor if in_section else None,
                (matching, area.match_cursor_bracket) if in_section else None,
            )
        return text[first:last], section == len(offsets), cursor, matched_here
