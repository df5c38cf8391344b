"""With Neo4j gone every call answers 503 at once, and the API comes back by itself when Neo4j does.

The test starts its own throw-away server (the suite's stays up): stop it, call, start it, call.
"""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from api.app import create_app
from graph import neo4j_server
from graph.db import connect
from graph.settings import Settings
from graph.users import create_user

BOUND_S = 3.0  # what the issue asks of a call while the database is down


def test_calls_fail_fast_while_neo4j_is_down_and_recover_after(neo4j_settings: Settings, tmp_path: Path) -> None:
    if neo4j_settings.neo4j_uri:
        pytest.skip("the suite runs against NEO4J_URI; no server of its own to stop")
    config = neo4j_server.ServerConfig(data_dir=tmp_path / "neo4j", port=neo4j_server.free_port(), heap="384m",
                                       pagecache="64m", neo4j_home=Settings().neo4j_home)  # fmt: skip
    settings = Settings(neo4j_port=config.port, neo4j_data_dir=config.data_dir, audit_file=tmp_path / "audit.jsonl")
    neo4j_server.start(config)
    try:
        with connect(settings) as graph:
            headers = {"Authorization": f"Bearer {create_user(graph, 'ana', 'NCA', 'analyst').token}"}
        with TestClient(create_app(settings)) as client:
            calls = [("/investigations/search", {"q": "Hasan"}), ("/investigations/clusters", {}), ("/health", {})]
            assert [client.get(path, params=params, headers=headers).status_code for path, params in calls] == [200] * 3
            neo4j_server.stop(config.data_dir)
            for path, params in calls:
                started = time.monotonic()
                response = client.get(path, params=params, headers=headers)
                assert response.status_code == 503, path
                assert time.monotonic() - started < BOUND_S, path
            neo4j_server.start(config)
            assert [client.get(path, params=params, headers=headers).status_code for path, params in calls] == [200] * 3
    finally:
        if neo4j_server.status(config.data_dir).running:
            neo4j_server.stop(config.data_dir)
