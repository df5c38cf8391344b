"""The investigations over HTTP: status codes, validation, exports, and the database going away."""

from __future__ import annotations

import io
import xml.etree.ElementTree as ET
import zipfile
from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient

from api.app import create_app
from graph import keys, neo4j_server
from graph.db import Graph
from graph.errors import Unavailable
from graph.investigations import INVESTIGATIONS
from graph.settings import Settings
from tests.conftest import bearer

AL_HASSAN = keys.person_uid("Mohammed Al-Hassan")


@pytest.fixture
def client(neo4j_settings: Settings, investigation_graph: Graph) -> Iterator[TestClient]:
    headers = bearer(investigation_graph, "analyst-bg", "BG-BP")
    with TestClient(create_app(neo4j_settings), headers=headers) as test_client:
        yield test_client


def test_every_investigation_is_an_endpoint_in_the_docs(client: TestClient) -> None:
    paths = client.get("/openapi.json").json()["paths"]
    for name in INVESTIGATIONS:
        operation = paths[f"/investigations/{name}"]["get"]
        assert operation["summary"] and {"404", "422", "503"} <= set(operation["responses"])


def test_search_answers_with_provenance(client: TestClient) -> None:
    response = client.get("/investigations/search", params={"q": "Al Hassan"})
    assert response.status_code == 200
    hit = response.json()["hits"][0]
    assert hit["name"] == "Mohammed Al-Hassan"
    assert {r["title"] for r in hit["reports"]} >= {"ILO Istanbul: Black Eagle network"}


def test_unknown_entity_is_404_naming_the_id(client: TestClient) -> None:
    for name in ("profile", "network", "co-offenders", "timeline", "key-players", "organisation"):
        response = client.get(f"/investigations/{name}", params={"uid": "per-0000000000000000"})
        assert response.status_code == 404, name
        assert "'per-0000000000000000'" in response.json()["detail"]


@pytest.mark.parametrize(
    ("name", "params", "field"),
    [
        ("network", {"uid": AL_HASSAN, "depth": 4}, "depth"),
        ("search", {"q": "x", "limit": 0}, "limit"),
        ("search", {"q": "x", "colour": "red"}, "colour"),
        ("routes", {"since": "2026-05-01", "until": "2026-01-01"}, "query"),
        ("document-fraud", {"issuing_country": "Narnia"}, "issuing_country"),
        ("emerging-routes", {"factor": 0.5}, "factor"),
        ("search", {}, "q"),
    ],
)
def test_invalid_parameters_are_422_naming_them(client: TestClient, name: str, params: dict[str, object],
                                                field: str) -> None:  # fmt: skip
    response = client.get(f"/investigations/{name}", params=params)
    assert response.status_code == 422
    assert field in str(response.json()["detail"])


def test_network_as_graphml_and_csv(client: TestClient) -> None:
    graphml = client.get("/investigations/network", params={"uid": AL_HASSAN, "format": "graphml"})
    assert graphml.status_code == 200 and graphml.headers["content-type"].startswith("application/graphml+xml")
    root = ET.fromstring(graphml.text)
    ns = {"g": "http://graphml.graphdrawing.org/xmlns"}
    assert {n.get("id") for n in root.iterfind(".//g:node", ns)} >= {AL_HASSAN}
    assert root.findall(".//g:edge", ns)
    csv_zip = client.get("/investigations/network", params={"uid": AL_HASSAN, "format": "csv"})
    with zipfile.ZipFile(io.BytesIO(csv_zip.content)) as archive:
        nodes = archive.read("nodes.csv").decode().splitlines()
        edges = archive.read("edges.csv").decode().splitlines()
    assert nodes[0] == "uid,label,name,first_seen,last_seen,reports" and any("Mohammed Al-Hassan" in n for n in nodes)
    assert edges[0].startswith("source,target,type") and len(edges) > 1


def test_non_graph_results_refuse_graph_formats(client: TestClient) -> None:
    response = client.get("/investigations/search", params={"q": "Hassan", "format": "graphml"})
    assert response.status_code == 422


def test_database_down_is_503_with_one_line(neo4j_settings: Settings) -> None:
    port = neo4j_server.free_port()
    with TestClient(create_app(Settings(neo4j_port=port, connect_timeout_s=1))) as down:
        response = down.get(
            "/investigations/clusters", headers={"Authorization": "Bearer sgk_0123456789abcdef.x" + "y" * 30}
        )
    assert response.status_code == 503
    assert response.json()["detail"].startswith(f"cannot reach Neo4j at bolt://127.0.0.1:{port}")


def test_a_query_over_its_time_limit_is_unavailable(graph: Graph) -> None:
    from neo4j import Query

    with pytest.raises(Unavailable, match="timed out"), graph.errors():
        graph.driver.execute_query(Query("UNWIND range(1, 2000000000) AS x RETURN count(x)", timeout=0.5))


def test_paths_from_an_entity_to_itself_is_422(client: TestClient) -> None:
    response = client.get("/investigations/paths", params={"source": AL_HASSAN, "target": AL_HASSAN})
    assert response.status_code == 422
    assert "two different entities" in str(response.json()["detail"])


def test_the_vocabularies_give_names_for_codes(client: TestClient) -> None:
    body = client.get("/vocabularies").json()
    assert {"code": "BG", "name": "Bulgaria", "numeric": "100"} in body["countries"]
    assert {"code": "impostor", "name": "Impostor / look-alike"} in body["fraud_techniques"]
    assert {t["code"] for t in body["transport_modes"]} >= {"road", "sea", "air"}


def test_an_unknown_technique_is_a_422_that_lists_the_valid_ones(client: TestClient) -> None:
    response = client.get("/investigations/document-fraud", params={"technique": "fake"})
    assert response.status_code == 422
    assert "impostor (Impostor / look-alike)" in str(response.json()["detail"])
    assert client.get("/investigations/document-fraud", params={"technique": "look-alike"}).status_code == 200
