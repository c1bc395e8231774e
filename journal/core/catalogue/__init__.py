"""The exercise catalogue: loading TOML exercise files, validating them, looking them up."""

from journal.core.catalogue.catalogue import Catalogue, load_catalogue
from journal.core.catalogue.problem import CatalogueError, Problem
from journal.core.lazy_names import lazy_names

__all__ = ["Catalogue", "CatalogueError", "Problem", "load_catalogue", "validate_file"]

# the checker is loaded when a file is checked: the built-in exercises come checked (``frozen``)
__getattr__ = lazy_names(__name__, {"validate_file": "validation"}, globals())
