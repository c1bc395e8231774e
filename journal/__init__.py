"""bilan: a private, guided journal for the bilan de compétences.

The package splits into ``core`` (models, catalogue, storage, export; no UI
imports), ``i18n`` (the translation catalogue), ``cli`` (argparse commands) and
``tui`` (the Textual application).
"""

__version__ = "0.1.0"
