"""bilan's help is laid out as argparse's own formatter lays it out, at any terminal width, though the width is
asked only when help is written (``journal.cli.lazy_help``)."""

from __future__ import annotations

import argparse

import pytest

from journal.cli import lazy_help
from journal.cli.main import build_parser


def _stock(parser: argparse.ArgumentParser) -> None:
    """The same parser tree with argparse's own formatter."""
    parser.formatter_class = argparse.HelpFormatter
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for child in action.choices.values():
                _stock(child)


def _every_parser(parser: argparse.ArgumentParser):
    yield parser
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for child in action.choices.values():
                yield from _every_parser(child)


@pytest.mark.parametrize("columns", ["30", "61", "80", "200"])
def test_every_help_and_usage_is_what_argparse_writes(columns, monkeypatch):
    monkeypatch.setenv("COLUMNS", columns)
    ours = list(_every_parser(build_parser()))
    theirs = build_parser()
    _stock(theirs)
    assert len(ours) > 15
    for mine, stock in zip(ours, _every_parser(theirs)):
        assert isinstance(mine, lazy_help.Parser)
        assert mine.format_help() == stock.format_help()
        assert mine.format_usage() == stock.format_usage()


def test_building_the_parser_never_asks_the_terminal_width(monkeypatch):
    import shutil

    def refuse(*_args, **_kwargs):
        raise AssertionError("asked for the terminal width while building the parser")

    monkeypatch.setattr(shutil, "get_terminal_size", refuse)
    build_parser().parse_args(["--data", "/tmp/x", "note", "texte"])
    with pytest.raises(AssertionError):
        build_parser().format_help()  # help does ask it
