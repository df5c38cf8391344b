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
from dataclasses import asdict, dataclass, replace
from datetime import UTC, datetime
from pathlib import Path

from bench.graphs.bulk import finish, import_csv, write_csv
from bench.graphs.image import Image
from bench.graphs.synthetic import reports
from bench.graphs.write import report_rows, write_reports
from graph import neo4j_server
from graph.clusters import recompute_all
from graph.db import Graph, connect
from graph.schema import install_schema
from graph.settings import Settings

ROOT = Path("/tmp/bench-smugglegraph")
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
    method: str = "import"
    steps_s: dict[str, float] | None = None
    clusters_s: float | None = None  # computing the kept clusters from all ties (part of build_s when built so)


def graph_dir(nodes: int, seed: int, root: Path = ROOT) -> Path:
    return root / f"graph-{nodes}-seed{seed}"


@contextmanager
def serve(data_dir: Path, heap: str = "4g", pagecache: str = "4g", timeout_s: float = 600) -> Iterator[Graph]:
    """A server on a built (or empty) data directory, stopped when the block ends; queries time out after
    `timeout_s`."""
    config = neo4j_server.ServerConfig(data_dir=data_dir, port=neo4j_server.free_port(), heap=heap,
                                       pagecache=pagecache, neo4j_home=Settings().neo4j_home)  # fmt: skip
    neo4j_server.start(config)
    try:
        with connect(Settings(neo4j_port=config.port, neo4j_data_dir=data_dir, query_timeout_s=timeout_s)) as graph:
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
    recompute_all(graph)  # the batched writes leave the kept clusters to be computed once, at the end
    return written.reports, written.restricted


def import_reports(
    data_dir: Path, nodes: int, seed: int, heap: str, pagecache: str
) -> tuple[int, int, dict[str, float]]:
    """Fill an empty data directory through CSV and `neo4j-admin database import`, then finish it on a
    server; (reports, restricted reports, seconds per step)."""
    steps: dict[str, float] = {}
    clock = time.perf_counter()
    image, written, restricted = Image(), 0, 0
    now = datetime.now(UTC)
    for report in reports(nodes, seed):
        image.add(report_rows(report), now)
        written, restricted = written + 1, restricted + report.restricted
    steps["generate"], clock = time.perf_counter() - clock, time.perf_counter()
    node_files, rel_files, empties = write_csv(image, data_dir / "csv")
    del image
    steps["csv"], clock = time.perf_counter() - clock, time.perf_counter()
    config = neo4j_server.ServerConfig(data_dir=data_dir, port=neo4j_server.free_port(), heap=heap,
                                       pagecache=pagecache, neo4j_home=Settings().neo4j_home)  # fmt: skip
    import_csv(config, node_files, rel_files)
    shutil.rmtree(data_dir / "csv")
    steps["import"], clock = time.perf_counter() - clock, time.perf_counter()
    with serve(data_dir, heap, pagecache) as graph:
        finish(graph, empties)
        steps["schema_and_indexes"], clock = time.perf_counter() - clock, time.perf_counter()
        recompute_all(graph)
    steps["clusters"] = time.perf_counter() - clock
    return written, restricted, {k: round(v, 1) for k, v in steps.items()}


def build(nodes: int, seed: int = 1, root: Path = ROOT, heap: str = "4g", pagecache: str = "4g",
          method: str = "import") -> Built:  # fmt: skip
    """The graph of about `nodes` nodes for this seed, built now unless a previous run built it;
    `method` "import" (CSV and neo4j-admin) or "loader" (the loader's queries, batched)."""
    done = built(nodes, seed, root)
    if done is not None and done.clusters_s is None:
        return add_clusters(done, heap, pagecache, root)
    if done is not None:
        return done
    data_dir = graph_dir(nodes, seed, root)
    shutil.rmtree(data_dir, ignore_errors=True)  # a half-built directory from an interrupted run
    data_dir.mkdir(parents=True)
    started = time.perf_counter()
    steps = None
    if method == "import":
        written, restricted, steps = import_reports(data_dir, nodes, seed, heap, pagecache)
    with serve(data_dir, heap, pagecache) as graph:
        if method != "import":
            written, restricted = fill(graph, nodes, seed)
        elapsed = time.perf_counter() - started
        counts = graph.read("graph/get_fact_count")[0]
        relationships = graph.driver.execute_query("MATCH ()-[r]->() RETURN count(r) AS n").records[0]["n"]
    result = Built(nodes_wanted=nodes, seed=seed, reports=written, restricted_reports=restricted,
                   nodes=int(counts["facts"]), relationships=int(relationships), build_s=round(elapsed, 1),
                   method=method, steps_s=steps, clusters_s=(steps or {}).get("clusters", 0.0))  # fmt: skip
    (data_dir / MARKER).write_text(json.dumps(asdict(result), indent=2))
    return result


def add_clusters(done: Built, heap: str, pagecache: str, root: Path = ROOT) -> Built:
    """Give a graph built before clusters were kept its schema and kept clusters, and record the time."""
    data_dir = graph_dir(done.nodes_wanted, done.seed, root)
    with serve(data_dir, heap, pagecache) as graph:
        install_schema(graph)
        graph.driver.execute_query("CALL db.awaitIndexes(1800)")
        started = time.perf_counter()
        recompute_all(graph)
        result = replace(done, clusters_s=round(time.perf_counter() - started, 1))
    (data_dir / MARKER).write_text(json.dumps(asdict(result), indent=2))
    return result
