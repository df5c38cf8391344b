"""A second, independent server: side by side with the suite's own, authentication on, stopped by SIGTERM."""

from __future__ import annotations

import stat
from pathlib import Path

import pytest
from neo4j import GraphDatabase
from neo4j.exceptions import AuthError

from graph import neo4j_server
from graph.db import connect
from graph.secrets_file import managed_password_file
from graph.settings import Settings


def test_second_instance_runs_side_by_side_with_auth_and_stops(neo4j_settings: Settings, tmp_path: Path) -> None:
    if neo4j_settings.neo4j_uri:
        pytest.skip("the suite runs against NEO4J_URI")
    config = neo4j_server.ServerConfig(
        data_dir=tmp_path / "second", port=neo4j_server.free_port(), heap="384m", pagecache="64m",
        neo4j_home=Settings().neo4j_home,
    )  # fmt: skip
    state = neo4j_server.start(config)
    uri = f"bolt://127.0.0.1:{config.port}"
    try:
        assert state.running and state.port == config.port
        password_file = managed_password_file(config.data_dir)
        assert stat.S_IMODE(password_file.stat().st_mode) == 0o600
        for auth in (None, ("neo4j", "neo4j"), ("neo4j", "wrong")):  # no login, the initial one, a guess
            with GraphDatabase.driver(uri, auth=auth) as driver, pytest.raises(AuthError):
                driver.execute_query("RETURN 1")
        with connect(Settings(neo4j_port=config.port, neo4j_data_dir=config.data_dir)) as graph:
            version = graph.driver.execute_query("CALL dbms.components() YIELD versions RETURN versions[0] AS v")
            assert version.records[0]["v"].startswith("5.26.")
        assert neo4j_server.status(neo4j_settings.neo4j_data_dir).running  # the suite's server is unaffected
    finally:
        neo4j_server.stop(config.data_dir)
    assert not neo4j_server.status(config.data_dir).running
    assert neo4j_server.port_is_free(config.port)
    assert "Stopped." in (config.data_dir / "logs" / "neo4j.log").read_text()
    neo4j_server.start(config)  # a second start keeps the password it set the first time
    try:
        with connect(Settings(neo4j_port=config.port, neo4j_data_dir=config.data_dir)) as graph:
            assert graph.read("graph/get_server_info")[0]["version"].startswith("5.26.")
    finally:
        neo4j_server.stop(config.data_dir)
