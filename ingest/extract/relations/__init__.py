"""spaCy components that relate marked things; importing this registers their factories."""

from ingest.extract.relations import countries, documents, links, routes, techniques

__all__ = ["countries", "documents", "links", "routes", "techniques"]
