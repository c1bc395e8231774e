"""Command palette entries: open any exercise, write a note, export, change theme or language."""

from __future__ import annotations

from functools import partial

from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.content import Content, Span

from journal.i18n import t


class BilanCommands(Provider):
    def _commands(self) -> list[tuple[str, object, str]]:
        app = self.app
        commands = [
            (t("palette.notes"), app.action_notes, t("palette.notes_help")),
            (t("palette.export"), app.action_export, t("palette.export_help")),
            (t("palette.home"), app.action_home, t("palette.home_help")),
            (t("panel.palette_import"), app.action_import_file, t("panel.palette_import_help")),
            (t("panel.palette_questions"), app.action_questions, t("panel.palette_questions_help")),
            (t("panel.palette_synthesis"), app.action_synthesis, t("panel.palette_synthesis_help")),
            (t("palette.theme"), app.action_next_theme, t("palette.theme_help")),
            (t("palette.help"), app.action_help, t("palette.help_help")),
        ]
        for exercise in app.catalogue.exercises:
            commands.append(
                (t("palette.open", title=exercise.title), partial(app.open_exercise, exercise), str(exercise.summary))
            )
        return commands

    async def discover(self) -> Hits:
        for name, action, help_text in self._commands():
            yield DiscoveryHit(name, action, help=help_text)

    async def search(self, query: str) -> Hits:
        """Accents and capitals aside: « reseau » finds « Mon réseau », as the journal's search does."""
        from journal.core.search import fold_with_positions

        matcher = self.matcher(fold_with_positions(query)[0])
        for name, action, help_text in self._commands():
            folded, origin = fold_with_positions(name)
            score = matcher.match(folded)
            if score > 0:
                yield Hit(score, _highlighted(name, matcher.highlight(folded), origin), action, help=help_text)


def _highlighted(name: str, folded: Content, origin: list[int]) -> Content:
    """The matcher's highlight of the folded name, carried back onto the name as written."""
    spans = [Span(origin[span.start], origin[span.end - 1] + 1, span.style) for span in folded.spans if span.end > span.start]
    return Content(name, spans=spans)
