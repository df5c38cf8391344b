"""Every call on intelligence lands in the hash-chained audit trail, which detects an edited record."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from fastapi.testclient import TestClient

from api.app import create_app
from graph import keys
from graph.audit import AuditLog
from graph.db import Graph
from graph.settings import Settings
from tests.conftest import AUDIT_ENV, bearer

SCRIPT = str(Path(sys.executable).parent / "smugglegraph")


def _verify(path: Path) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("SMUGGLEGRAPH_")} | AUDIT_ENV
    return subprocess.run([SCRIPT, "audit", "verify", "--file", str(path)], capture_output=True, text=True,
                          env=env, timeout=60, check=False)  # fmt: skip


def test_each_call_is_recorded_and_the_chain_verifies(
    neo4j_settings: Settings, investigation_graph: Graph, tmp_path: Path
) -> None:
    settings = neo4j_settings.model_copy(update={"audit_file": tmp_path / "audit.jsonl"})
    headers = bearer(investigation_graph, "analyst-gr", "GR-HP")
    with TestClient(create_app(settings), headers=headers) as client:
        assert client.get("/investigations/search", params={"q": "Yusuf Demir"}).status_code == 200
        assert client.get("/investigations/shared-identifiers").status_code == 200
        uid = keys.person_uid("Samir Haddad")  # hidden from GR-HP: a refused look is recorded too
        assert client.get("/investigations/profile", params={"uid": uid}).status_code == 404
        assert client.get("/health").status_code == 200  # not intelligence: not recorded
    records = AuditLog(settings.audit_file).read()
    assert [(r.user, r.agency, r.role, r.action, r.status) for r in records] == [
        ("analyst-gr", "GR-HP", "analyst", "investigation:search", 200),
        ("analyst-gr", "GR-HP", "analyst", "investigation:shared-identifiers", 200),
        ("analyst-gr", "GR-HP", "analyst", "investigation:profile", 404),
    ]
    assert records[0].params == {"q": "Yusuf Demir"} and records[0].results >= 1
    assert records[1].results == 1 and records[2].results is None
    done = _verify(settings.audit_file)
    assert done.returncode == 0 and done.stdout.startswith("audit trail intact: 3 records")


def test_an_edited_record_breaks_the_chain(
    neo4j_settings: Settings, investigation_graph: Graph, tmp_path: Path
) -> None:
    settings = neo4j_settings.model_copy(update={"audit_file": tmp_path / "audit.jsonl"})
    with TestClient(create_app(settings), headers=bearer(investigation_graph, "analyst-a", "GR-HP")) as client:
        for query in ("Demir", "Ahmadi", "Karimi"):
            client.get("/investigations/search", params={"q": query})
    lines = settings.audit_file.read_text().splitlines()
    second = json.loads(lines[1])
    second["params"]["q"] = "someone else"
    lines[1] = json.dumps(second, sort_keys=True, separators=(",", ":"))
    settings.audit_file.write_text("\n".join(lines) + "\n")
    done = _verify(settings.audit_file)
    assert done.returncode == 1
    assert "record 2 (line 2) was edited" in done.stdout + done.stderr


def test_refusals_are_recorded_without_the_key_or_the_body(
    neo4j_settings: Settings, investigation_graph: Graph, tmp_path: Path
) -> None:
    settings = neo4j_settings.model_copy(update={"audit_file": tmp_path / "audit.jsonl"})
    analyst = bearer(investigation_graph, "analyst-gr", "GR-HP")
    wrong_key = "sgk_0123456789abcdef.secret-part-of-a-wrong-key-000000"
    body = {"text": "Secret Informant Name " * 20_000}  # 440 kB, over the field's limit: a 422
    ilo = bearer(investigation_graph, "ilo", "GR-HP", "ilo")
    with TestClient(create_app(settings)) as client:
        wrong = {"Authorization": f"Bearer {wrong_key}"}
        assert client.get("/investigations/clusters", headers=wrong).status_code == 401
        assert client.get("/admin/users", headers=analyst).status_code == 403
        assert client.post("/incidents/link", json=body, headers=ilo).status_code == 422
        assert client.get("/investigations/network", params={"depth": 9}, headers=analyst).status_code == 422
    records = AuditLog(settings.audit_file).read()
    assert [(r.user, r.action, r.status) for r in records] == [
        ("anonymous", "refused:GET /investigations/clusters", 401),
        ("analyst-gr", "refused:GET /admin/users", 403),
        ("ilo", "refused:POST /incidents/link", 422),
        ("analyst-gr", "refused:GET /investigations/network", 422),
    ]
    trail = settings.audit_file.read_text()
    assert "secret-part" not in trail and "Informant" not in trail and all(r.params == {} for r in records)
    assert _verify(settings.audit_file).returncode == 0


def test_an_error_body_echoes_only_an_excerpt_of_the_input(neo4j_settings: Settings, graph: Graph) -> None:
    text = "Hasan Baba drove the van. " * 40_000  # about 1 MB
    with TestClient(create_app(neo4j_settings), headers=bearer(graph, "ilo", "GR-HP", "ilo")) as client:
        response = client.post("/incidents/link", json={"text": text})
    assert response.status_code == 422
    assert len(response.content) < 2_000
    [error] = response.json()["detail"]
    assert error["loc"] == ["body", "text"] and error["input"].startswith("Hasan Baba drove the van.")
