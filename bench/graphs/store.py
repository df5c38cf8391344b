"""Built graphs kept between runs: one persistent data directory per size and seed under /tmp.

`build` fills a directory once (a throw-away server started with the project's own start code, the
schema installed, the synthetic reports written) and records what it made in `built.json`; later
runs find it and only start a server on it (`serve`), which every caller stops again.
"""

from __future__ import annotations

import json
import shutil
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass
from pathlib import Path

from bench.graphs.synthetic import reports
from bench.graphs.write import write_reports
from graph import neo4j_server
from graph.db import Graph, connect
from graph.schema import install_schema
from graph.settings import Settings

ROOT = Path("/tmp/smugglegraph-bench")
MARKER = "built.json"


@dataclass(frozen=True)
class Built:
    nodes_wanted: int
    seed: int
    reports: int
    restricted_reports: int
    nodes: int
    relationships: int
    build_s: float


def graph_dir(nodes: int, seed: int, root: Path = ROOT) -> Path:
    return root / f"graph-{nodes}-seed{seed}"


@contextmanager
def serve(data_dir: Path, heap: str = "4g", pagecache: str = "4g") -> Iterator[Graph]:
    """A server on a built (or empty) data directory, stopped when the block ends."""
    config = neo4j_server.ServerConfig(data_dir=data_dir, port=neo4j_server.free_port(), heap=heap,
                                       pagecache=pagecache, neo4j_home=Settings().neo4j_home)  # fmt: skip
    neo4j_server.start(config)
    try:
        with connect(Settings(neo4j_port=config.port, query_timeout_s=600)) as graph:
            yield graph
    finally:
        neo4j_server.stop(config.data_dir)


def built(nodes: int, seed: int, root: Path = ROOT) -> Built | None:
    marker = graph_dir(nodes, seed, root) / MARKER
    return Built(**json.loads(marker.read_text())) if marker.is_file() else None


def fill(graph: Graph, nodes: int, seed: int) -> tuple[int, int]:
    """Install the schema and write the synthetic reports; (reports, restricted reports) written."""
    install_schema(graph)
    written = write_reports(graph, reports(nodes, seed))
    graph.driver.execute_query("CALL db.awaitIndexes(1800)")
    return written.reports, written.restricted


def build(nodes: int, seed: int = 1, root: Path = ROOT, heap: str = "4g", pagecache: str = "4g") -> Built:
    """The graph of about `nodes` nodes for this seed, built now unless a previous run built it."""
    done = built(nodes, seed, root)
    if done is not None:
        return done
    data_dir = graph_dir(nodes, seed, root)
    shutil.rmtree(data_dir, ignore_errors=True)  # a half-built directory from an interrupted run
    data_dir.mkdir(parents=True)
    started = time.perf_counter()
    with serve(data_dir, heap, pagecache) as graph:
        written, restricted = fill(graph, nodes, seed)
        elapsed = time.perf_counter() - started
        counts = graph.read("graph/get_fact_count")[0]
        relationships = graph.driver.execute_query("MATCH ()-[r]->() RETURN count(r) AS n").records[0]["n"]
    result = Built(nodes_wanted=nodes, seed=seed, reports=written, restricted_reports=restricted,
                   nodes=int(counts["facts"]), relationships=int(relationships), build_s=round(elapsed, 1))  # fmt: skip
    (data_dir / MARKER).write_text(json.dumps(asdict(result), indent=2))
    return result
