"""The managed server's commands, run as a user runs them: the real console script, real messages."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from graph import neo4j_server
from graph.settings import Settings
from tests.conftest import AUDIT_ENV

SCRIPT = str(Path(sys.executable).parent / "smugglegraph")


def _run(*args: str, **env: str) -> subprocess.CompletedProcess[str]:
    environment = {k: v for k, v in os.environ.items() if not k.startswith(("NEO4J_", "SMUGGLEGRAPH_"))} | AUDIT_ENV
    environment.update(env)
    return subprocess.run([SCRIPT, *args], capture_output=True, text=True, env=environment, timeout=120, check=False)


@pytest.fixture
def managed(neo4j_settings: Settings) -> Settings:
    if neo4j_settings.neo4j_uri:
        pytest.skip("the suite runs against NEO4J_URI; no managed server to inspect")
    return neo4j_settings


def test_status_reports_the_running_server(managed: Settings) -> None:
    done = _run("neo4j", "status", "--data-dir", str(managed.neo4j_data_dir))
    assert done.returncode == 0
    assert f"running for {managed.neo4j_data_dir} on bolt://127.0.0.1:{managed.neo4j_port}" in done.stdout


def test_status_of_an_unused_directory_says_not_running(tmp_path: Path) -> None:
    done = _run("neo4j", "status", "--data-dir", str(tmp_path))
    assert done.returncode == 3
    assert "not running" in done.stdout


def test_second_start_on_the_same_data_directory_is_refused(managed: Settings) -> None:
    other_port = str(neo4j_server.free_port())
    done = _run("neo4j", "start", "--data-dir", str(managed.neo4j_data_dir), "--port", other_port)
    assert done.returncode == 1
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1, done.stderr
    assert "refusing to start a second server on the same data directory" in lines[0]


def test_start_on_a_port_in_use_is_refused(managed: Settings, tmp_path: Path) -> None:
    done = _run("neo4j", "start", "--data-dir", str(tmp_path), "--port", str(managed.neo4j_port))
    assert done.returncode == 1
    assert done.stderr.strip() == (
        f"smugglegraph: port {managed.neo4j_port} on 127.0.0.1 is already in use; choose another with --port"
    )


def test_stop_when_not_running_says_so(tmp_path: Path) -> None:
    done = _run("neo4j", "stop", "--data-dir", str(tmp_path))
    assert done.returncode == 1
    assert done.stderr.strip() == f"smugglegraph: Neo4j is not running for data directory {tmp_path}; nothing to stop"


def test_command_with_neo4j_down_gives_one_clear_line() -> None:
    port = str(neo4j_server.free_port())
    done = _run("schema", SMUGGLEGRAPH_NEO4J_PORT=port)
    assert done.returncode == 1
    assert "Traceback" not in done.stderr
    assert done.stderr.strip() == (
        f"smugglegraph: cannot reach Neo4j at bolt://127.0.0.1:{port} (connection refused); "
        "start the local one with `smugglegraph neo4j start`, or point NEO4J_URI at a running server"
    )


def test_command_with_an_unreachable_neo4j_uri_names_it() -> None:
    port = str(neo4j_server.free_port())
    done = _run("schema", NEO4J_URI=f"neo4j://127.0.0.1:{port}")
    assert done.returncode == 1
    assert done.stderr.count("\n") == 1
    assert f"cannot reach Neo4j at neo4j://127.0.0.1:{port}" in done.stderr
    assert "check NEO4J_URI" in done.stderr


def test_every_command_has_help() -> None:
    for command in (["--help"], ["neo4j", "--help"], ["neo4j", "start", "--help"], ["neo4j", "stop", "--help"],
                    ["neo4j", "status", "--help"], ["schema", "--help"], ["serve", "--help"]):  # fmt: skip
        done = _run(*command)
        assert done.returncode == 0, command
        assert "Usage: smugglegraph" in done.stdout
