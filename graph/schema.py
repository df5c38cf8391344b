"""Installing the schema: neomodel's constraints and indexes, the full-text index, reference data.

Everything here is idempotent, so it runs on every start-up of the API and before every ingest.
"""

from __future__ import annotations

import io
import threading
from dataclasses import dataclass

from neomodel import db

from graph import models  # noqa: F401  (registers the node classes with neomodel)
from graph.db import Graph, connect
from graph.settings import Settings
from graph.taxonomy import country_rows, vocabulary_rows


@dataclass(frozen=True)
class SchemaSummary:
    constraints: int
    indexes: int
    countries: int
    fraud_techniques: int
    modus_operandi: int


def install_schema(graph: Graph) -> SchemaSummary:
    """Install constraints, indexes and reference nodes (again, harmlessly, if they exist)."""
    with graph.errors():
        db.set_connection(driver=graph.driver)
        db._database_name = graph.database  # neomodel keeps the target database per context
        db.install_all_labels(stdout=io.StringIO())  # neomodel narrates each label; keep it quiet
    graph.write("schema/drop_entity_name_index")
    graph.write("schema/create_mention_index")
    graph.write("schema/create_person_cluster_index")
    graph.write("schema/create_organisation_cluster_index")
    countries = graph.write("schema/merge_countries", {"rows": country_rows()})
    techniques = graph.write("schema/merge_fraud_techniques", {"rows": vocabulary_rows("fraud_techniques")})
    methods = graph.write("schema/merge_modus_operandi", {"rows": vocabulary_rows("modus_operandi")})
    rows = graph.read("schema/get_schema")
    return SchemaSummary(
        constraints=sum(1 for r in rows if r["kind"] == "constraint"),
        indexes=sum(1 for r in rows if r["kind"] == "index"),
        countries=countries[0]["merged"],
        fraud_techniques=techniques[0]["merged"],
        modus_operandi=methods[0]["merged"],
    )


def connect_ready(settings: Settings) -> Graph:
    """Connect for a command, with the schema installed first, so a fresh server works at once."""
    graph = connect(settings)
    try:
        install_schema(graph)
    except BaseException:
        graph.close()
        raise
    return graph


class SchemaGate:
    """Installs the schema once per process, on first need: a server that was down or fresh gets it."""

    def __init__(self, graph: Graph) -> None:
        self._graph = graph
        self._lock = threading.Lock()
        self._done = False

    def ensure(self) -> None:
        if self._done:
            return
        with self._lock:
            if not self._done:
                install_schema(self._graph)
                self._done = True
