"""`smugglegraph serve` as an operator runs it: it answers over HTTP and writes no names into its logs."""

from __future__ import annotations

import os
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

from graph import neo4j_server
from graph.settings import Settings
from tests.conftest import AUDIT_ENV

SCRIPT = str(Path(sys.executable).parent / "smugglegraph")


def _get(url: str) -> int:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return int(response.status)
    except urllib.error.HTTPError as error:
        return int(error.code)


def test_serve_answers_and_logs_no_searched_names(neo4j_settings: Settings, tmp_path: Path) -> None:
    port = neo4j_server.free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith(("NEO4J_", "SMUGGLEGRAPH_"))} | AUDIT_ENV
    env.update({"SMUGGLEGRAPH_NEO4J_PORT": str(neo4j_settings.neo4j_port),
                "SMUGGLEGRAPH_NEO4J_DATA_DIR": str(neo4j_settings.neo4j_data_dir),
                "SMUGGLEGRAPH_AUDIT_FILE": str(tmp_path / "audit.jsonl")})  # fmt: skip
    if neo4j_settings.neo4j_uri:
        env["NEO4J_URI"] = neo4j_settings.neo4j_uri
    server = subprocess.Popen([SCRIPT, "serve", "--port", str(port)], stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                              env=env, text=True)  # fmt: skip
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                if _get(f"http://127.0.0.1:{port}/health") == 200:
                    break
            except OSError:
                time.sleep(0.3)
        assert _get(f"http://127.0.0.1:{port}/health") == 200
        assert _get(f"http://127.0.0.1:{port}/investigations/search?q=Zeynep%20Kaplanoglu") == 401
    finally:
        server.terminate()
        output, _ = server.communicate(timeout=30)
    assert "Zeynep" not in output and "Kaplanoglu" not in output
