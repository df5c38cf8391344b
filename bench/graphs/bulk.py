"""Building a graph with `neo4j-admin database import` from CSV files equal to what the loader writes.

`write_csv` turns an `Image` into node files (one per label set, typed headers) and relationship files
(one per type, MENTIONS and STOP included); `import_csv` runs Neo4j's own import tool (the AdminTool
class of the jars the project downloads) into a data directory's store; `finish` then does, on the
running server, what import cannot: the empty lists the loader stores (CSV has no empty array), the
project's schema (graph/schema.py) and the wait for its indexes.
"""

from __future__ import annotations

import csv
import os
import shutil
import subprocess
from collections import defaultdict
from datetime import date, datetime
from pathlib import Path
from typing import Any

from bench.graphs.image import Image, tie_properties
from graph import neo4j_server
from graph.db import Graph
from graph.schema import install_schema
from graph.server_jars import ensure_server_jars

DELIMITER = "\x1f"  # never inside a value, so lists and labels need no escaping
ALWAYS_LISTS = {"evidence", "names"}  # relationship lists the loader sets on every edge of their type


def _type(value: Any) -> str:
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, int):
        return "long"
    if isinstance(value, float):
        return "double"
    if isinstance(value, datetime):
        return "datetime"
    if isinstance(value, date):
        return "date"
    if isinstance(value, list):
        return "long[]" if value and all(type(v) is int for v in value) else "string[]"
    return "string"


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        return DELIMITER.join(str(v) for v in value)
    if isinstance(value, date):
        return value.isoformat()
    return str(value)


class Empties:
    """Empty lists the CSV cannot carry: node (label, key property, key, property), relationship (type, property)."""

    def __init__(self) -> None:
        self.nodes: dict[tuple[str, str, str], list[str]] = defaultdict(list)
        self.ties: set[tuple[str, str]] = set()


def _write(path: Path, header: list[str], rows: list[list[str]]) -> None:
    with path.open("w", newline="", encoding="utf-8") as f:
        writer = csv.writer(f)
        writer.writerow(header)
        writer.writerows(rows)


def _typed_header(records: list[dict[str, Any]]) -> list[tuple[str, str]]:
    types: dict[str, str] = {}
    for props in records:
        for key, value in props.items():
            if key not in types and not (isinstance(value, list) and not value):
                types[key] = _type(value)
            types.setdefault(key, "string[]") if isinstance(value, list) else None
    return sorted(types.items())


def write_csv(image: Image, folder: Path) -> tuple[list[Path], list[Path], Empties]:
    """Node and relationship CSV files for the import tool, and the empty lists to set afterwards."""
    folder.mkdir(parents=True, exist_ok=True)
    empties = Empties()
    groups: dict[tuple[str, ...], list[Any]] = defaultdict(list)
    for node in image.nodes.values():
        groups[tuple(node.labels)].append(node)
    node_files = []
    for n, (labels, nodes) in enumerate(sorted(groups.items())):
        header = _typed_header([node.props for node in nodes])
        key = "key" if "Scope" in labels else "uid"
        rows = []
        for node in nodes:
            for prop, value in node.props.items():
                if isinstance(value, list) and not value:
                    empties.nodes[(labels[0], key, prop)].append(node.props[key])
            rows.append([str(node.id), DELIMITER.join(labels), *(_cell(node.props.get(k)) for k, _ in header)])
        node_files.append(folder / f"nodes-{n}.csv")
        _write(node_files[-1], [":ID", ":LABEL", *(f"{k}:{t}" for k, t in header)], rows)
    rel_groups: dict[str, list[tuple[int, int, dict[str, Any]]]] = defaultdict(list)
    for (src, rel_type, dst), tie in image.ties.items():
        rel_groups[rel_type].append((src, dst, tie_properties(tie)))
    rel_groups["MENTIONS"] = image.mentions
    rel_groups["STOP"] = [(route, stop, {"position": position}) for route, position, stop in image.stops]
    rel_files = []
    for rel_type, rels in sorted(rel_groups.items()):
        if not rels:
            continue
        header = _typed_header([props for _, _, props in rels])
        rows = []
        for src, dst, props in rels:
            for prop, value in props.items():
                if isinstance(value, list) and not value:
                    if prop not in ALWAYS_LISTS:
                        raise ValueError(f"{rel_type}.{prop} is an empty list the import cannot restore")
                    empties.ties.add((rel_type, prop))
            rows.append([str(src), str(dst), rel_type, *(_cell(props.get(k)) for k, _ in header)])
        rel_files.append(folder / f"rels-{rel_type.lower()}.csv")
        _write(rel_files[-1], [":START_ID", ":END_ID", ":TYPE", *(f"{k}:{t}" for k, t in header)], rows)
    return node_files, rel_files, empties


def import_csv(config: neo4j_server.ServerConfig, nodes: list[Path], relationships: list[Path]) -> None:
    """Run `neo4j-admin database import full` into the (stopped) server's data directory."""
    java = shutil.which("java")
    if java is None:
        raise RuntimeError("Java 17 is needed for the import tool")
    lib = ensure_server_jars(config.neo4j_home)
    conf = config.data_dir.resolve() / "conf"
    conf.mkdir(parents=True, exist_ok=True)
    (conf / "neo4j.conf").write_text(neo4j_server.render_config(config))
    command = [
        java, "-Xmx2g", "-cp", f"{lib}/*", "org.neo4j.cli.AdminTool", "database", "import", "full", "neo4j",
        "--overwrite-destination=true", "--id-type=integer", f"--array-delimiter={DELIMITER}",
        f"--report-file={config.data_dir.resolve() / 'import.report'}",
        *(f"--nodes={p}" for p in nodes), *(f"--relationships={p}" for p in relationships),
    ]  # fmt: skip
    env = {**os.environ, "NEO4J_HOME": str(config.data_dir.resolve()), "NEO4J_CONF": str(conf)}
    done = subprocess.run(command, env=env, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise RuntimeError(f"neo4j-admin database import failed:\n{done.stdout[-3000:]}\n{done.stderr[-3000:]}")


def finish(graph: Graph, empties: Empties) -> None:
    """On the server over the imported store: the empty lists, the project's schema, its indexes online.
    The kept clusters (graph/clusters.py) come after, from all ties (`recompute_all`)."""
    install_schema(graph)
    graph.driver.execute_query("CALL db.awaitIndexes(1800)")
    for (label, key, prop), values in empties.nodes.items():
        for start in range(0, len(values), 20_000):
            graph.driver.execute_query(
                f"UNWIND $keys AS k MATCH (n:{label} {{{key}: k}}) SET n.{prop} = []",
                {"keys": values[start : start + 20_000]},
            )
    for rel_type, prop in sorted(empties.ties):
        with graph.driver.session(database=graph.database) as session:
            session.run(
                f"MATCH ()-[r:{rel_type}]->() WHERE r.{prop} IS NULL "
                f"CALL (r) {{ SET r.{prop} = [] }} IN TRANSACTIONS OF 50000 ROWS"
            ).consume()
