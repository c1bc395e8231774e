"""The ``bilan`` command line: argparse commands that call core.

Nothing here imports Textual at module level, so commands that do not open
the app start instantly.
"""
