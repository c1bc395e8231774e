"""A problem found in an exercise file: where it is and how to fix it."""

from __future__ import annotations

from pathlib import Path

from journal.core.record import record


@record
class Problem:
    file: Path
    where: str
    message: str
    fix: str

    def __str__(self) -> str:
        fix = f" — {self.fix}" if self.fix else ""
        return f"{self.file}: {self.where}: {self.message}{fix}"


class CatalogueError(Exception):
    """Raised when exercise files cannot be loaded; carries every problem found."""

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        super().__init__("\n".join(str(problem) for problem in problems))
