"""Core of bilan: plain Python, no Textual, no questionary.

Models, the exercise catalogue and its validation, the journal store, scoring
of questionnaires and the exports. Interfaces (``journal.cli``, ``journal.tui``)
call into this package and never touch files or TinyDB themselves.
"""
