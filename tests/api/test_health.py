"""The API's health check and docs, through the real lifespan and driver wiring."""

from __future__ import annotations

from fastapi.testclient import TestClient

from api.app import create_app
from graph import neo4j_server
from graph.db import Graph
from graph.settings import Settings


def test_health_reports_the_real_neo4j(neo4j_settings: Settings, graph: Graph) -> None:
    with TestClient(create_app(neo4j_settings)) as client:
        response = client.get("/health")
    assert response.status_code == 200
    body = response.json()
    assert body["status"] == "ok"
    assert body["neo4j"]["version"].startswith("5.")
    assert body["neo4j"]["uri"] == neo4j_settings.effective_uri


def test_health_with_neo4j_down_is_503_with_one_line() -> None:
    port = neo4j_server.free_port()
    with TestClient(create_app(Settings(neo4j_port=port, connect_timeout_s=1))) as client:
        response = client.get("/health")
    assert response.status_code == 503
    detail = response.json()["detail"]
    assert detail.startswith(f"cannot reach Neo4j at bolt://127.0.0.1:{port}")
    assert "\n" not in detail


def test_openapi_docs_are_served(neo4j_settings: Settings) -> None:
    with TestClient(create_app(neo4j_settings)) as client:
        docs = client.get("/docs")
        schema = client.get("/openapi.json").json()
    assert docs.status_code == 200 and "swagger" in docs.text.lower()
    assert "/health" in schema["paths"]
