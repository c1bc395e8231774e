"""The exercise catalogue: loading TOML exercise files, validating them, looking them up."""

from journal.core.catalogue.catalogue import Catalogue, load_catalogue
from journal.core.catalogue.problem import CatalogueError, Problem
from journal.core.catalogue.validation import validate_file

__all__ = ["Catalogue", "CatalogueError", "Problem", "load_catalogue", "validate_file"]
