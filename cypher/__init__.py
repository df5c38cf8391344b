"""The project's Cypher, one query per .cypher file, loaded by name.

Names are paths below this folder without the suffix: load_query("schema/create_fulltext_index")
reads cypher/schema/create_fulltext_index.cypher. Every file starts with a header comment
(purpose, // params:, // returns:) and takes values only through $parameters.
"""

from __future__ import annotations

import re
from functools import cache
from importlib import resources

from graph.errors import InvalidInput

_NAME = re.compile(r"^[a-z_]+(/[a-z0-9_\-]+)+$")


@cache
def load_query(name: str) -> str:
    """The text of one query file; a clear error for an unknown or malformed name."""
    if not _NAME.match(name):
        raise InvalidInput(f"query name {name!r} is not of the form area/verb_object")
    resource = resources.files("cypher").joinpath(f"{name}.cypher")
    if not resource.is_file():
        raise InvalidInput(f"no query named {name!r} (no file cypher/{name}.cypher)")
    return resource.read_text(encoding="utf-8")


def all_query_names() -> list[str]:
    """Every query file below cypher/, as names load_query accepts."""
    root = resources.files("cypher")
    names: list[str] = []
    for area in sorted(root.iterdir(), key=lambda p: p.name):
        if area.is_dir() and not area.name.startswith("_"):
            names.extend(
                f"{area.name}/{entry.name.removesuffix('.cypher')}"
                for entry in sorted(area.iterdir(), key=lambda p: p.name)
                if entry.name.endswith(".cypher")
            )
    return names
