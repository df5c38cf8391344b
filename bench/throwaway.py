"""A throw-away Neo4j for benchmarks: the project's own start code, a free port, a temporary data directory."""

from __future__ import annotations

import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from graph import neo4j_server
from graph.db import Graph, connect
from graph.schema import install_schema
from graph.settings import Settings


@contextmanager
def throwaway_graph(heap: str = "1g", pagecache: str = "512m") -> Iterator[Graph]:
    """A fresh server with the schema installed; stopped and its data deleted afterwards."""
    with tempfile.TemporaryDirectory() as tmp:
        config = neo4j_server.ServerConfig(data_dir=Path(tmp), port=neo4j_server.free_port(), heap=heap,
                                           pagecache=pagecache, neo4j_home=Settings().neo4j_home)  # fmt: skip
        neo4j_server.start(config)
        try:
            with connect(Settings(neo4j_port=config.port, neo4j_data_dir=config.data_dir)) as graph:
                install_schema(graph)
                yield graph
        finally:
            neo4j_server.stop(config.data_dir)
