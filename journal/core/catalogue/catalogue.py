"""The set of exercises available to the worker, ordered by phase."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from journal.core.catalogue import frozen
from journal.core.catalogue.problem import CatalogueError, Problem
from journal.core.models import Exercise, Phase, Prompt
from journal.core.record import record
from journal.i18n import t
from journal.resources import exercises_dir


@record
class Catalogue:
    exercises: tuple[Exercise, ...]

    def get(self, exercise_id: str) -> Exercise | None:
        for exercise in self.exercises:
            if exercise.id == exercise_id:
                return exercise
        return None

    def in_phase(self, phase: Phase) -> list[Exercise]:
        return [exercise for exercise in self.exercises if exercise.phase == phase]

    def resolve(self, reference: str) -> tuple[Exercise, Prompt] | None:
        """Find the prompt named by an ``exercise-id/prompt-id`` reference."""
        exercise_id, _, prompt_id = reference.partition("/")
        exercise = self.get(exercise_id)
        prompt = exercise.prompt(prompt_id) if exercise else None
        return (exercise, prompt) if exercise and prompt else None


def load_catalogue(folder: Path | None = None, extra_files: list[Path] | None = None) -> Catalogue:
    """Load every ``*.toml`` of the folder (the built-in one by default).

    Raises CatalogueError listing every problem, including duplicate ids and
    prefill references to prompts that do not exist. The built-in exercises
    come checked from ``builtin_exercises.py`` while it is the files' own
    (``journal.core.catalogue.frozen``); otherwise the built-in folder's files
    are parsed once and kept parsed in the user's cache folder
    (``journal.core.toml_cache``: found by their text's digest, checked like the files).
    """
    if folder is None and not extra_files:
        exercises = frozen.thaw(exercises_dir())
        if exercises is not None:
            return Catalogue(exercises)
    from journal.core.toml_cache import TomlCache, cache_folder

    cache = TomlCache("exercises", cache_folder() if folder is None and not extra_files else None)
    folder = folder or exercises_dir()
    files = sorted(folder.glob("*.toml")) + list(extra_files or [])
    catalogue, problems = _load(files, cache.loads)
    if problems and cache.hits:
        # A parsed copy the files would not give (a damaged or forged cache): as if there were no cache.
        catalogue, problems = _load(files, None)
    if problems:
        raise CatalogueError(problems)
    cache.save()
    return catalogue


def load_checked(folder: Path) -> Catalogue:
    """Every ``*.toml`` of ``folder`` parsed and checked, without the frozen copy or the cache (CatalogueError)."""
    catalogue, problems = _load(sorted(folder.glob("*.toml")), None)
    if problems:
        raise CatalogueError(problems)
    return catalogue


def _load(files: list[Path], parse: Callable[[str], dict] | None) -> tuple[Catalogue, list[Problem]]:
    from journal.core.catalogue.validation import validate_file

    problems: list[Problem] = []
    exercises: list[Exercise] = []
    seen: dict[str, Path] = {}
    for path in files:
        exercise, found = validate_file(path, parse=parse)
        problems.extend(found)
        if exercise is None:
            continue
        if exercise.id in seen:
            problems.append(
                Problem(path, "id", t("validation.duplicate_exercise", value=exercise.id, other=seen[exercise.id].name), t("validation.fix_duplicate"))
            )
            continue
        seen[exercise.id] = path
        exercises.append(exercise)
    exercises.sort(key=lambda e: (e.phase.number, e.order, e.id))
    catalogue = Catalogue(tuple(exercises))
    problems.extend(_check_references(catalogue))
    return catalogue, problems


def _check_references(catalogue: Catalogue) -> list[Problem]:
    problems = []
    for exercise in catalogue.exercises:
        for index, prompt in enumerate(exercise.prompts):
            for reference in prompt.prefill:
                if catalogue.resolve(reference) is None:
                    problems.append(
                        Problem(
                            exercise.source_file or Path(exercise.id),
                            f"prompts[{index}].prefill",
                            t("validation.unknown_reference", value=reference),
                            t("validation.fix_reference"),
                        )
                    )
    return problems
