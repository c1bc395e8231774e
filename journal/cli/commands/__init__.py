"""One module per command of ``bilan``; each exposes ``register`` and ``run``."""
