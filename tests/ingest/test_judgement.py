"""An agency reviewer's "same" is that agency's judgement: the two entities are one for it (a SAME_AS
tie that its network, paths, clusters and review queue show), and other agencies see exactly what they
saw before, decision id included, until the agency releases the judgement or undoes it."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from fastapi.testclient import TestClient

from api.app import create_app
from graph.db import Graph
from graph.settings import Settings
from ingest.document import SourceDocument
from ingest.extraction import Extraction
from ingest.load import ReportMeta, load_report
from ingest.resolve.resolver import resolve_report
from tests.conftest import bearer


def _report(graph: Graph, name: str, person: dict[str, Any], organisation: str) -> None:
    doc = SourceDocument(source=f"test/{name}", text=f"{name} {person} {organisation}", media_type="text/plain")
    extraction = Extraction.model_validate({
        "document": {"id": doc.id, "date": "2026-02-10"}, "persons": [person],
        "organisations": [{"name": organisation, "kind": "criminal_network"}],
        "relations": [{"subject": person["name"], "predicate": "member_of", "object": organisation}],
    })  # fmt: skip
    load_report(graph, doc, extraction, ReportMeta(originator_agency="RS-BP"))
    resolve_report(graph, doc.id)


@pytest.fixture
def clients(neo4j_settings: Settings, graph: Graph) -> Iterator[tuple[TestClient, TestClient]]:
    _report(graph, "r1", {"name": "Omar Faruk Demir", "nationality": "TR"}, "Black Eagle network")
    _report(graph, "r2", {"name": "O. Demir", "nationality": "SY"}, "Golden Crescent group")
    app = create_app(neo4j_settings)
    with (
        TestClient(app, headers=bearer(graph, "admin-eu", "EU", "admin")) as eu,
        TestClient(app, headers=bearer(graph, "admin-gr", "GR", "admin")) as gr,
    ):
        yield eu, gr


def _persons(client: TestClient) -> dict[str, str]:
    found = client.get("/investigations/search", params={"q": "Demir", "types": "Person"}).json()
    return {hit["name"]: hit["uid"] for hit in found["hits"]}


def _views(client: TestClient, a: str, b: str) -> dict[str, Any]:
    """What a caller sees of the pair: network, path, clusters and review queue."""
    return {
        "network": client.get("/investigations/network", params={"uid": a, "depth": 2}).json(),
        "paths": client.get("/investigations/paths", params={"source": a, "target": b}).json(),
        "clusters": client.get("/investigations/clusters").json(),
        "profile": client.get("/investigations/profile", params={"uid": b}).json(),
        "proposed": client.get("/resolution/candidates").json(),
        "confirmed": client.get("/resolution/candidates", params={"status": "confirmed"}).json(),
    }


def test_a_judgement_is_the_agencys_until_released(clients: tuple[TestClient, TestClient], graph: Graph) -> None:
    eu, gr = clients
    persons = _persons(gr)
    a, b = persons["Omar Faruk Demir"], persons["O. Demir"]
    before = {"eu": _views(eu, a, b), "gr": _views(gr, a, b)}
    assert len(before["gr"]["proposed"]) == 1 and before["gr"]["paths"]["length"] is None
    assert sorted(c["size"] for c in before["eu"]["clusters"]["clusters"]) == [3, 3]  # each: person, network, incident

    judged = eu.post("/resolution/merge", json={"winner": a, "loser": b})
    assert judged.status_code == 200 and judged.json()["done"] == "judged same"
    decision = judged.json()["decision"]
    mine = _views(eu, a, b)
    assert ("SAME_AS", b) in {(e["type"], e["target"]) for e in mine["network"]["edges"]}
    assert mine["paths"]["length"] == 1
    assert [c["size"] for c in mine["clusters"]["clusters"]] == [6]
    assert not mine["proposed"] and len(mine["confirmed"]) == 1
    assert _views(gr, a, b) == before["gr"], "another agency sees a trace of the judgement"
    assert len(_persons(gr)) == 2, "a scoped judgement merged the nodes for everyone"

    unknown = gr.post("/resolution/split", json={"decision": "dec-doesnotexist00"})
    hidden = gr.post("/resolution/split", json={"decision": decision})
    assert hidden.status_code == unknown.status_code == 404
    assert hidden.json()["detail"].replace(decision, "?") == unknown.json()["detail"].replace("dec-doesnotexist00", "?")
    assert eu.post("/resolution/merge", json={"winner": b, "loser": a}).status_code == 409

    assert eu.post("/resolution/split", json={"decision": decision}).json()["done"] == "split"
    assert _views(eu, a, b) == before["eu"] and _views(gr, a, b) == before["gr"]
    assert eu.post("/resolution/split", json={"decision": decision}).status_code == 409

    again = eu.post("/resolution/merge", json={"winner": a, "loser": b}).json()["decision"]
    report = graph.driver.execute_query("MATCH (d:Decision {uid: $u}) RETURN d.report AS r", u=again).records[0]["r"]
    released = eu.patch(f"/reports/{report}/release", json={"releasability": "network"})
    assert released.status_code == 200
    theirs = _views(gr, a, b)
    assert theirs["paths"]["length"] == 1 and [c["size"] for c in theirs["clusters"]["clusters"]] == [6]


def test_released_to_the_network_a_judgement_is_a_merge(clients: tuple[TestClient, TestClient]) -> None:
    eu, gr = clients
    persons = _persons(gr)
    a, b = persons["Omar Faruk Demir"], persons["O. Demir"]
    merged = eu.post("/resolution/merge", json={"winner": a, "loser": b, "release": "network"}).json()
    assert merged["done"] == "merged" and list(_persons(gr).values()) == [a]
    assert gr.post("/resolution/split", json={"decision": merged["decision"]}).json()["done"] == "split"
    assert set(_persons(eu).values()) == {a, b}
