"""Entity resolution: decide whether two mentions name the same actor, and say why.

`compare_names` judges a pair of names (persons, organisations, vessels) on the names alone;
`normalise_person_name` and `blocking_keys` are the parsing and candidate-retrieval pieces it rests on.
"""

from __future__ import annotations

from ingest.resolve.compare import SAME_AT, UNSURE_AT, Comparison, compare_names
from ingest.resolve.names import ParsedName, blocking_keys, normalise_person_name

__all__ = [
    "SAME_AT",
    "UNSURE_AT",
    "Comparison",
    "ParsedName",
    "blocking_keys",
    "compare_names",
    "normalise_person_name",
]
