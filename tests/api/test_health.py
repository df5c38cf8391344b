"""The API's health check and docs, through the real lifespan and driver wiring."""

from __future__ import annotations

from fastapi.testclient import TestClient

from api.app import create_app
from graph import neo4j_server
from graph.db import Graph
from graph.settings import Settings


def test_health_says_up_and_nothing_about_the_database(neo4j_settings: Settings, graph: Graph) -> None:
    with TestClient(create_app(neo4j_settings)) as client:
        response = client.get("/health")
    assert response.status_code == 200
    assert response.json() == {"status": "up"}  # no URI, version or edition for the unauthenticated


def test_health_with_neo4j_down_is_503_down_without_the_uri() -> None:
    port = neo4j_server.free_port()
    with TestClient(create_app(Settings(neo4j_port=port, connect_timeout_s=1))) as client:
        response = client.get("/health")
    assert response.status_code == 503
    assert response.json() == {"status": "down"}


def test_openapi_docs_are_served(neo4j_settings: Settings) -> None:
    with TestClient(create_app(neo4j_settings)) as client:
        docs = client.get("/docs")
        schema = client.get("/openapi.json").json()
    assert docs.status_code == 200 and "swagger" in docs.text.lower()
    assert "/health" in schema["paths"]
