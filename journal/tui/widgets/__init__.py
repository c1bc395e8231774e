"""Widgets of the bilan app; ``editors`` holds one answer editor per prompt kind."""
