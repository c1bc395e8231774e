"""bilan's Textual classes replace Textual's private methods only on purpose, with the same parameters.

A private method of bilan's that happens to bear the name of one of Textual's
replaces it silently: ``BilanApp._flush`` (saving a screen before leaving) once
replaced ``App._flush(stderr=…)``, which Textual calls when printed text is
flushed, and the app stopped at the first library warning. Every such name is
listed here with why it is replaced, and takes the parameters Textual passes.
"""

from __future__ import annotations

import importlib
import inspect
import pkgutil

import journal.tui

# Names Textual's metaclasses and decorators set on every subclass: not methods of ours.
GENERATED = {
    "_decorated_handlers",
    "_reactives",
    "_inherit_css",
    "_inherit_bindings",
    "_inherit_component_classes",
    "_css_type_name",
    "_css_type_names",
    "_merged_bindings",
    "_computes",
    "_abc_impl",
}

DELIBERATE = {
    # Unexpected errors: one clear line and the journal saved, never a traceback.
    "BilanApp._handle_exception",
    "BilanApp._print_error_renderables",
    "ReviewApp._handle_exception",
    "ReviewApp._print_error_renderables",
    # The palette's « no matches » line, in the interface's language.
    "BilanPalette._start_no_matches_countdown",
    # The sub-title (save state) repaints only the header: a reactive declared again.
    "ExerciseScreen._default_sub_title",
    # A click on a ranked card moves it.
    "RankList._on_click",
    # A folded page builds its contents when it opens, before it shows (then Textual's watcher runs).
    "LazyCollapsible._watch_collapsed",
    # A screen is not laid out again for the Resize its own first layout sends it, at the same size.
    "LaidOutOnce._on_resize",
}


def bilan_textual_classes():
    for module_info in pkgutil.walk_packages(journal.tui.__path__, "journal.tui."):
        module = importlib.import_module(module_info.name)
        for cls in vars(module).values():
            if inspect.isclass(cls) and cls.__module__ == module.__name__:
                textual_bases = [base for base in cls.__mro__ if base.__module__.startswith("textual")]
                if textual_bases:
                    yield cls, textual_bases


def private_names_replaced() -> dict[str, tuple[object, object]]:
    replaced = {}
    for cls, textual_bases in bilan_textual_classes():
        for name, ours in vars(cls).items():
            if not name.startswith("_") or name.startswith("__") or name in GENERATED:
                continue
            for base in textual_bases:
                if name in vars(base):
                    replaced[f"{cls.__name__}.{name}"] = (ours, vars(base)[name])
                    break
    return replaced


def test_only_deliberate_private_names_are_replaced():
    assert set(private_names_replaced()) == DELIBERATE


def parameters(method) -> list[str]:
    function = method.__func__ if isinstance(method, (staticmethod, classmethod)) else method
    names = list(inspect.signature(function).parameters)
    return names if isinstance(method, staticmethod) else names[1:]


def test_replaced_methods_take_the_parameters_textual_passes():
    for name, (ours, theirs) in private_names_replaced().items():
        if callable(theirs) or isinstance(theirs, (staticmethod, classmethod)):
            assert parameters(ours) == parameters(theirs), name


# Private names of Textual's own classes (not of a subclass of bilan's) that bilan uses or sets, and why.
ON_TEXTUAL_CLASSES = {
    # Their keys shown in the footer, described in the worker's language (journal.tui.textual_keys):
    # BINDINGS replaced, then merged again as Textual merges them when a class is defined.
    "SelectOverlay._merged_bindings",
    "SelectOverlay._merge_bindings",
    "CommandPalette._merged_bindings",
    "CommandPalette._merge_bindings",
}


def test_private_names_used_on_textuals_own_classes_are_listed_and_still_there():
    from journal.tui.textual_keys import SHOWN_KEYS

    used = {f"{cls.__name__}.{name}" for cls in SHOWN_KEYS for name in ("_merged_bindings", "_merge_bindings")}
    assert used == ON_TEXTUAL_CLASSES
    for cls in SHOWN_KEYS:
        assert callable(cls._merge_bindings) and cls._merged_bindings is not None, cls
