"""The real Neo4j for the whole suite, started with the project's own start code.

Without NEO4J_URI the session starts a throw-away server on a free port with a temporary data
directory and stops it at the end. With NEO4J_URI set it uses that server, but refuses one that
already holds facts (it never deletes data it did not create). Each test that takes `graph`
starts from an empty graph holding only the reference data.
"""

from __future__ import annotations

import atexit
import os
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from graph import neo4j_server
from graph.db import Graph, connect
from graph.schema import install_schema
from graph.settings import Settings, get_settings

# Whatever the environment says, the suite never writes to a real audit trail or key: both go to a
# temporary folder that commands run as subprocesses inherit (see AUDIT_ENV).
_AUDIT_DIR = Path(tempfile.mkdtemp(prefix="smugglegraph-test-audit-"))
atexit.register(shutil.rmtree, _AUDIT_DIR, True)
AUDIT_ENV = {
    "SMUGGLEGRAPH_AUDIT_FILE": str(_AUDIT_DIR / "audit.jsonl"),
    "SMUGGLEGRAPH_AUDIT_KEY_FILE": str(_AUDIT_DIR / "keys" / "audit.key"),
}
os.environ.update(AUDIT_ENV)
os.environ.pop("SMUGGLEGRAPH_AUDIT_KEY", None)


@pytest.fixture(scope="session")
def neo4j_settings(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Settings]:
    audit_file = tmp_path_factory.mktemp("audit") / "audit.jsonl"
    if os.environ.get("NEO4J_URI"):
        yield Settings(audit_file=audit_file)
        return
    data_dir = tmp_path_factory.mktemp("neo4j")
    config = neo4j_server.ServerConfig(
        data_dir=data_dir, port=neo4j_server.free_port(), heap="768m", pagecache="256m",
        neo4j_home=Settings().neo4j_home,
    )  # fmt: skip
    neo4j_server.start(config)
    try:
        yield Settings(neo4j_port=config.port, neo4j_data_dir=data_dir, audit_file=audit_file)
    finally:
        neo4j_server.stop(data_dir)


@pytest.fixture(scope="session")
def session_graph(neo4j_settings: Settings) -> Iterator[Graph]:
    graph = connect(neo4j_settings)
    facts = graph.read("graph/get_fact_count")[0]["facts"]
    if facts:
        graph.close()
        pytest.exit(f"refusing to run the suite against {graph.uri}: it already holds {facts} nodes", 2)
    install_schema(graph)
    yield graph
    graph.write("graph/delete_all_facts")
    graph.close()


@pytest.fixture
def graph(session_graph: Graph) -> Iterator[Graph]:
    """The session's database, emptied of facts before the test; after it, every entity's summary must
    still be what its statements give (tests/graph/summary_check.py), and the kept clusters what the ties
    give (tests/graph/cluster_check.py), whatever the test wrote."""
    from tests.graph.cluster_check import drifted_clusters
    from tests.graph.summary_check import drifted_summaries

    session_graph.write("graph/delete_all_facts")
    yield session_graph
    if drift := drifted_summaries(session_graph):
        uid, lists = next(iter(drift.items()))
        pytest.fail(f"{len(drift)} entities' summaries drifted from their statements, e.g. {uid}: {lists}")
    if problems := drifted_clusters(session_graph):
        pytest.fail(f"the kept clusters drifted from the ties: {problems[0][:2000]}")


@pytest.fixture
def cli_env(neo4j_settings: Settings, monkeypatch: pytest.MonkeyPatch) -> Iterator[Settings]:
    """Point CLI commands run in-process (typer's CliRunner) at the test database."""
    if not neo4j_settings.neo4j_uri:
        monkeypatch.setenv("SMUGGLEGRAPH_NEO4J_PORT", str(neo4j_settings.neo4j_port))
        monkeypatch.setenv("SMUGGLEGRAPH_NEO4J_DATA_DIR", str(neo4j_settings.neo4j_data_dir))
    get_settings.cache_clear()
    yield get_settings()
    get_settings.cache_clear()


REPO_ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def investigation_graph(graph: Graph) -> Graph:
    """The hand-checkable fixture graph of tests/fixtures/investigation_reports.py, loaded for real."""
    from tests.fixtures.investigation_reports import load

    load(graph)
    return graph


def bearer(graph: Graph, name: str, agency: str, role: str = "analyst") -> dict[str, str]:
    """Authorization headers of a new user (the graph fixture empties users between tests too)."""
    from graph.users import create_user

    return {"Authorization": f"Bearer {create_user(graph, name, agency, role).token}"}
