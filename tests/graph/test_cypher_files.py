"""Every query file parses and plans on the real Neo4j, and the loader refuses unknown names."""

from __future__ import annotations

import pytest

from cypher import all_query_names, load_query
from graph.db import Graph
from graph.errors import InvalidInput

# Schema commands cannot be EXPLAINed; test_schema.py runs them for real.
DDL = {
    "schema/create_fulltext_index",
    "schema/create_mention_index",
    "schema/create_person_cluster_index",
    "schema/create_organisation_cluster_index",
    "schema/get_schema",
}


def test_there_are_query_files() -> None:
    names = all_query_names()
    assert "ingest/merge_entities" in names and "schema/merge_countries" in names


@pytest.mark.parametrize("name", [n for n in all_query_names() if n not in DDL])
def test_query_plans(graph: Graph, name: str) -> None:
    text = load_query(name)
    assert text.startswith("// purpose:"), f"{name} lacks its header"
    assert "// params:" in text and "// returns:" in text
    graph.driver.execute_query("EXPLAIN " + text)


def test_unknown_query_name_is_a_clear_error() -> None:
    with pytest.raises(InvalidInput, match="no query named 'ingest/no_such_query'"):
        load_query("ingest/no_such_query")
    with pytest.raises(InvalidInput, match="not of the form"):
        load_query("../etc/passwd")
