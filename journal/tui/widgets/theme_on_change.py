"""A ``TextArea`` that takes its colours from the stylesheet only when a style has changed.

Textual's ``TextArea`` copies its colours (text, cursor, cursor line,
selection, gutter, matched bracket) from the stylesheet into its theme at every
frame (``TextAreaTheme.apply_css``): six component styles and the field's own,
each blended over its parents' backgrounds — about 0.6 ms of each key typed,
for colours that change only with the focus, a class, the app's theme or a
parent's style. ``ThemeOnChange`` copies them again only when one of those
has changed: the app's theme, or the update count of the field's styles, of its
parents' (which it is drawn over) or of its component styles.
"""

from __future__ import annotations

from typing import Any

from textual.geometry import Region
from textual.strip import Strip
from textual.widgets import TextArea


class ThemeOnChange:
    """Mixin for a ``TextArea``: its theme takes the stylesheet's colours when they may have changed, not every frame."""

    _colours_theme: Any = None  # the TextAreaTheme the colours were copied into
    _colours_taken_for: tuple | None = None

    def render_lines(self, crop: Region) -> list[Strip]:
        area: Any = self
        theme = area._theme
        if theme is not None:
            styles_now = (
                area.app.current_theme,
                tuple(node.styles._cache_key for node in area.ancestors_with_self),
                tuple(styles._cache_key for styles in area._component_styles.values()),
            )
            if theme is not self._colours_theme or styles_now != self._colours_taken_for:
                theme.apply_css(area)
                self._colours_theme, self._colours_taken_for = theme, styles_now
        return super(TextArea, area).render_lines(crop)  # TextArea's own would copy the colours again
