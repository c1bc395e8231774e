"""Tests of bilan: core units, command line, storage safety, editors and app flows."""
