"""spaCy components that mark things in the text; importing this registers their factories."""

from ingest.extract.components import (
    gazetteer,
    identifiers,
    numbers,
    organisations,
    persons,
    taxonomy_matcher,
)

__all__ = ["gazetteer", "identifiers", "numbers", "organisations", "persons", "taxonomy_matcher"]
