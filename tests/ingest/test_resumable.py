"""Ingest is resumable: killed right after any stage boundary (read, extract, load, resolve) of a file,
`smugglegraph ingest` run again gives the graph an uninterrupted run gives.

The kill is `SMUGGLEGRAPH_FAULT_AT=STAGE:N`, which ends the process with `os._exit` (no clean-up, as
SIGKILL would) right after the Nth file passes STAGE: no timing is involved. A report's resolution and
the record that it is done commit together, so "after resolve" leaves it resolved and recorded.
"""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest

from graph.db import Graph
from graph.settings import Settings
from ingest.batch import KILLED
from tests.conftest import REPO_ROOT
from tests.graph.cluster_check import kept_clusters
from tests.ingest.test_cli import _run

DEV = REPO_ROOT / "tests" / "corpus" / "dev"
NOTES = [  # the same smuggler thrice, spelled two ways, with one phone: resolution merges and proposes
    "On 3 March 2026 police in Edirne arrested Hasan Baba, a Turkish national, with 7 Afghan migrants in a van. "
    "He used the phone +90 532 111 22 33.",
    "On 9 March 2026 the driver Hassan Baba, a Turkish national, called +90 532 111 22 33 from Kapitan Andreevo.",
    "On 12 March 2026 Bulgarian police stopped Hasan Babba at Svilengrad with 5 Syrian migrants.",
]
VOLATILE = {"ingested_at", "at"}  # when something was written, not what


def _files(folder: Path) -> list[Path]:
    folder.mkdir()
    for number, note in enumerate(NOTES):
        (folder / f"note-{number}.txt").write_text(note, encoding="utf-8")
    shutil.copy(DEV / "bp_kapitan_andreevo_lorry_2026_02.txt", folder / "note-3.txt")
    return sorted(folder.iterdir())


def _dump(graph: Graph) -> tuple[list[Any], list[Any]]:
    """Every node and relationship with its properties, less write times and the decisions' random ids,
    and the kept clusters without their ids (which depend on the order of writes)."""

    def clean(props: dict[str, Any], labels: list[str]) -> dict[str, Any]:
        dropped = VOLATILE | ({"uid"} if "Decision" in labels else set())
        return {k: v for k, v in props.items() if k not in dropped}

    nodes = graph.driver.execute_query(
        "MATCH (n) WHERE NOT n:User AND NOT n:ApiKey AND NOT n:Cluster "
        "RETURN labels(n) AS labels, n {.*, cluster: null} AS props"
    ).records
    rels = graph.driver.execute_query(
        "MATCH (a)-[r]->(b) RETURN coalesce(a.uid, a.key) AS a, type(r) AS t, coalesce(b.uid, b.key) AS b, "
        "properties(r) AS props"
    ).records
    node_rows = [(sorted(n["labels"]), clean(dict(n["props"]), n["labels"])) for n in nodes]
    rel_rows = [(r["a"], r["t"], r["b"], clean(dict(r["props"]), [])) for r in rels]
    return [*sorted(node_rows, key=repr), kept_clusters(graph)], sorted(rel_rows, key=repr)


@pytest.fixture(scope="module")
def reports(tmp_path_factory: pytest.TempPathFactory) -> list[str]:
    """The same files for every run: a report's source path is part of the graph."""
    return list(map(str, _files(tmp_path_factory.mktemp("resumable") / "reports")))


@pytest.fixture(scope="module")
def uninterrupted(neo4j_settings: Settings, session_graph: Graph, reports: list[str]) -> Any:
    session_graph.write("graph/delete_all_facts")
    done = _run("ingest", *reports, "--originator", "BG-BP", settings=neo4j_settings)
    assert done.returncode == 0, done.stderr
    state = _dump(session_graph)
    decisions = [n for n in state[0] if "Decision" in n[0]]
    assert decisions, "the reports must give resolution something to merge, or the test proves little"
    return state


@pytest.mark.parametrize("stage", ["read", "extract", "load", "resolve"])
@pytest.mark.parametrize("nth", [1, 3])
def test_a_run_killed_after_any_stage_is_completed_by_the_next(
    neo4j_settings: Settings, graph: Graph, uninterrupted: Any, reports: list[str], stage: str, nth: int
) -> None:
    files = reports
    killed = _run("ingest", *files, "--originator", "BG-BP", settings=neo4j_settings,
                  SMUGGLEGRAPH_FAULT_AT=f"{stage}:{nth}")  # fmt: skip
    assert killed.returncode == KILLED, killed.stderr
    assert _dump(graph) != uninterrupted  # it was cut short
    again = _run("ingest", *files, "--originator", "BG-BP", settings=neo4j_settings)
    assert again.returncode == 0, again.stderr
    assert _dump(graph) == uninterrupted
