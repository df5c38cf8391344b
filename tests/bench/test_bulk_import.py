"""The bulk-import path builds the very graph the loader writes (bench/graphs/image.py, bulk.py)."""

from __future__ import annotations

from datetime import UTC, datetime
from itertools import islice
from pathlib import Path
from typing import Any

from bench.graphs.bulk import finish, import_csv, write_csv
from bench.graphs.image import Image
from bench.graphs.store import serve
from bench.graphs.synthetic import reports
from bench.graphs.write import report_rows
from graph import neo4j_server
from graph.clusters import recompute_all
from graph.db import Graph
from graph.settings import Settings
from ingest.load import load_report
from tests.graph.cluster_check import kept_clusters

REPORTS = 60

NODES = """
MATCH (n) WHERE NOT n:User AND NOT n:ApiKey AND NOT n:Agency AND NOT n:Cluster AND NOT n:PrivateTie
RETURN coalesce(n.uid, n.key) AS id, labels(n) AS labels, properties(n) AS props
"""
TIES = """
MATCH (a)-[r]->(b)
RETURN coalesce(a.uid, a.key) AS a, type(r) AS type, coalesce(b.uid, b.key) AS b, properties(r) AS props
"""


def snapshot(graph: Graph) -> tuple[dict[str, Any], list[Any]]:
    """Every node and relationship with its properties, normalised: sorted labels, the load time only as
    'present', relationships sorted; kept clusters apart (`kept_clusters`), since their ids depend on
    the order of writes."""
    nodes = {}
    for row in graph.driver.execute_query(NODES).records:
        props = dict(row["props"])
        props.pop("cluster", None)
        if "ingested_at" in props:
            props["ingested_at"] = type(props["ingested_at"]).__name__
        nodes[row["id"]] = (sorted(row["labels"]), props)
    ties = sorted(
        (r["a"], r["type"], r["b"], sorted(r["props"].items())) for r in graph.driver.execute_query(TIES).records
    )
    return nodes, ties


def test_the_imported_graph_equals_the_loaders(graph: Graph, tmp_path: Path) -> None:
    sample = list(islice(reports(100_000, seed=7), REPORTS))
    assert any(r.restricted for r in sample) and not all(r.restricted for r in sample)
    for r in sample:
        load_report(graph, r.doc, r.extraction, r.meta)
    loaded, loaded_clusters = snapshot(graph), kept_clusters(graph)

    image = Image()
    for r in sample:
        image.add(report_rows(r), datetime.now(UTC))
    node_files, rel_files, empties = write_csv(image, tmp_path / "csv")
    data_dir = tmp_path / "imported"
    config = neo4j_server.ServerConfig(data_dir=data_dir, port=neo4j_server.free_port(),
                                       neo4j_home=Settings().neo4j_home)  # fmt: skip
    import_csv(config, node_files, rel_files)
    with serve(data_dir, heap="512m", pagecache="256m") as imported:
        finish(imported, empties)
        recompute_all(imported)
        built, built_clusters = snapshot(imported), kept_clusters(imported)

    entities = [key for key, (labels, _) in loaded[0].items() if "Entity" in labels]
    assert len(entities) > 150 and len(loaded[1]) > 500  # a graph with shared entities, not a handful of nodes
    assert {k for k, v in loaded[0].items() if "Scope" in v[0]} == {"net", "org:BENCH-RESTRICTED"}
    assert built[0].keys() == loaded[0].keys()
    for key, value in loaded[0].items():
        assert built[0][key] == value, key
    assert built[1] == loaded[1]
    assert loaded_clusters[0] and built_clusters == loaded_clusters
