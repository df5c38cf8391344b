"""Resolution in the graph, as the issue asks: spellings become one person with reasons, a nickname
once a report states it as an alias, a shared phone ties two partial names, conflicting birth
dates keep two people apart; proposals can be reviewed, and every merge can be split again."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from fastapi.testclient import TestClient

from api.app import create_app
from graph.db import Graph
from graph.merge import merge_entities
from graph.settings import Settings
from ingest.document import SourceDocument
from ingest.extraction import Extraction
from ingest.load import ReportMeta, load_report
from ingest.resolve.resolver import resolve_report
from tests.conftest import bearer


def _report(
    graph: Graph, name: str, date: str, persons: list[dict[str, Any]],
    relations: list[dict[str, str]] | None = None, identifiers: list[dict[str, str]] | None = None,
) -> str:  # fmt: skip
    doc = SourceDocument(source=f"test/{name}", text=f"{name} {date} {persons}", media_type="text/plain")
    extraction = Extraction.model_validate({
        "document": {"id": doc.id, "date": date}, "persons": persons,
        "relations": relations or [], "identifiers": identifiers or [],
    })  # fmt: skip
    load_report(graph, doc, extraction, ReportMeta())
    resolve_report(graph, doc.id)
    return doc.id


def _persons(graph: Graph) -> dict[str, list[str]]:
    rows = graph.driver.execute_query("MATCH (p:Person) RETURN p.name AS name, p.aliases AS aliases").records
    return {r["name"]: sorted(r["aliases"] or []) for r in rows}


def test_spellings_and_a_stated_nickname_become_one_person(graph: Graph) -> None:
    _report(graph, "r1", "2026-01-10", [{"name": "Mohammed Al-Hassan", "nationality": "IQ"}])
    _report(graph, "r2", "2026-02-11", [{"name": "Muhamad Hasan", "nationality": "IQ"}])
    _report(graph, "r3", "2026-03-12", [{"name": "M. AL HASSAN"}])
    assert list(_persons(graph)) == ["Mohammed Al-Hassan"]
    _report(graph, "r4", "2026-04-13", [{"name": "Abu Khalid"}])
    assert set(_persons(graph)) == {"Mohammed Al-Hassan", "Abu Khalid"}  # a nickname alone is not enough
    _report(graph, "r5", "2026-05-14", [{"name": "Mohammed Al-Hassan", "aliases": ["Abu Khalid"]}])
    _report(graph, "r6", "2026-06-15", [{"name": "Abu Khalid"}])
    assert list(_persons(graph)) == ["Mohammed Al-Hassan"]
    reasons = graph.driver.execute_query("MATCH (d:Decision) RETURN d.reasons AS reasons, d.by AS by").records
    assert reasons and all(r["reasons"] and r["by"] == "resolver" for r in reasons)


def test_a_shared_phone_ties_two_partial_names(graph: Graph) -> None:
    phone = [{"kind": "phone", "value": "+905321234567"}]
    _report(graph, "r1", "2026-01-10", [{"name": "Hasan Baba"}],
            [{"subject": "Hasan Baba", "predicate": "uses_identifier", "object": "+905321234567"}], phone)  # fmt: skip
    _report(graph, "r2", "2026-02-10", [{"name": "Hasan B."}],
            [{"subject": "Hasan B.", "predicate": "uses_identifier", "object": "+905321234567"}], phone)  # fmt: skip
    assert list(_persons(graph)) == ["Hasan Baba"]
    reasons = graph.driver.execute_query("MATCH (d:Decision) RETURN d.reasons AS r").records[0]["r"]
    assert any("both use" in reason for reason in reasons)


def test_conflicting_birth_dates_keep_two_people_apart(graph: Graph) -> None:
    _report(graph, "r1", "2026-01-10", [{"name": "Ahmed Karimi", "birth_date": "1985-04-02"}])
    _report(graph, "r2", "2026-02-10", [{"name": "Ahmad Karimi", "birth_date": "1991-11-23"}])
    assert set(_persons(graph)) == {"Ahmed Karimi", "Ahmad Karimi"}
    assert graph.driver.execute_query("MATCH ()-[s:POSSIBLY_SAME_AS]->() RETURN count(s) AS n").records[0]["n"] == 0


@pytest.fixture
def admin(neo4j_settings: Settings, graph: Graph) -> Iterator[TestClient]:
    with TestClient(create_app(neo4j_settings), headers=bearer(graph, "admin-eu", "EU", "admin")) as client:
        yield client


def test_review_proposals_then_merge_and_split_over_the_api(admin: TestClient, graph: Graph) -> None:
    _report(graph, "r1", "2026-01-10", [{"name": "Omar Faruk Demir", "nationality": "TR"}])
    _report(graph, "r2", "2026-02-10", [{"name": "O. Demir", "nationality": "SY"}])  # for review, not merged
    proposed = admin.get("/resolution/candidates").json()
    assert [(p["a"]["name"], p["b"]["name"]) for p in proposed] == [("O. Demir", "Omar Faruk Demir")]
    assert proposed[0]["reasons"] and proposed[0]["by"] == "resolver"
    winner, loser = proposed[0]["b"]["uid"], proposed[0]["a"]["uid"]
    merged = admin.post("/resolution/merge", json={"winner": winner, "loser": loser, "release": "network"}).json()
    assert merged["done"] == "merged" and list(_persons(graph)) == ["Omar Faruk Demir"]
    assert admin.post("/resolution/split", json={"decision": merged["decision"]}).json()["done"] == "split"
    assert set(_persons(graph)) == {"Omar Faruk Demir", "O. Demir"}
    assert admin.post("/resolution/reject", json={"winner": winner, "loser": loser}).status_code == 200
    assert admin.get("/resolution/candidates").json() == []
    assert [p["status"] for p in admin.get("/resolution/candidates", params={"status": "rejected"}).json()] == [
        "rejected"
    ]


def test_a_shared_phone_alone_does_not_merge_unlike_names(graph: Graph) -> None:
    phone = [{"kind": "phone", "value": "+905321234567"}]
    _report(graph, "r1", "2026-01-10", [{"name": "Abu Khalid"}],
            [{"subject": "Abu Khalid", "predicate": "uses_identifier", "object": "+905321234567"}], phone)  # fmt: skip
    uses = [{"subject": "Stoyan Petrov", "predicate": "uses_identifier", "object": "+905321234567"}]
    _report(graph, "r2", "2026-02-10", [{"name": "Stoyan Petrov"}], uses, phone)
    assert set(_persons(graph)) == {"Abu Khalid", "Stoyan Petrov"}
    proposal = graph.driver.execute_query("MATCH ()-[s:POSSIBLY_SAME_AS]->() RETURN s.reasons AS r").records
    assert len(proposal) == 1 and any("not alike" in reason for reason in proposal[0]["r"])


def test_organisations_resolve_by_name_and_kind(graph: Graph) -> None:
    def org(name: str, kind: str = "criminal_network") -> dict[str, Any]:
        return {"name": name, "kind": kind}

    def report(name: str, date: str, organisations: list[dict[str, Any]]) -> None:
        doc = SourceDocument(source=f"test/{name}", text=f"{name} {organisations}", media_type="text/plain")
        extraction = Extraction.model_validate(
            {"document": {"id": doc.id, "date": date}, "organisations": organisations}
        )
        load_report(graph, doc, extraction, ReportMeta())
        resolve_report(graph, doc.id)

    report("o1", "2026-01-10", [org("Black Eagle network")])
    report("o2", "2026-02-10", [org("Black Eagle Group"), org("Golden Crescent group")])
    report("o3", "2026-03-10", [org("Black Eagle Travel", "front_business")])
    rows = graph.driver.execute_query("MATCH (o:Organisation) RETURN o.name AS name, o.aliases AS aliases").records
    assert {r["name"]: sorted(r["aliases"] or []) for r in rows} == {
        "Black Eagle network": ["Black Eagle Group"], "Golden Crescent group": [], "Black Eagle Travel": [],
    }  # fmt: skip


def test_name_parts_are_counted_once_per_report(graph: Graph) -> None:
    rid = _report(graph, "r1", "2026-01-10", [{"name": "Zabihullah Tahirzai"}, {"name": "Omid Karimi"}])
    resolve_report(graph, rid)  # resolving the same report again counts nothing more
    rows = graph.driver.execute_query("MATCH (s:NameStat) RETURN s.key AS key, s.count AS count").records
    counts = {r["key"]: r["count"] for r in rows}
    assert all(key.startswith("net|") for key in counts)  # counted within the report's release scope
    assert counts["net|"] == 2 and len(counts) == 1 + 2 * 3  # the records; two parts and their pair per name
    assert set(counts.values()) == {1, 2}


def test_a_resolution_cut_short_leaves_nothing_and_is_done_again_whole(
    graph: Graph, monkeypatch: pytest.MonkeyPatch
) -> None:
    _report(graph, "r1", "2026-01-10", [{"name": "Mohammed Al-Hassan", "nationality": "IQ"}])
    _report(graph, "r2", "2026-01-11", [{"name": "Ahmad Karimi", "nationality": "AF"}])
    both = [{"name": "Muhamad Hasan", "nationality": "IQ"}, {"name": "Ahmed Karimi", "nationality": "AF"}]
    merged: list[str] = []

    def second_merge_fails(*args: Any, **kwargs: Any) -> str:
        if merged:
            raise RuntimeError("the database went away between two merges")
        merged.append(merge_entities(*args, **kwargs))
        return merged[-1]

    with monkeypatch.context() as patch:
        patch.setattr("ingest.resolve.resolver.merge_entities", second_merge_fails)
        with pytest.raises(RuntimeError):
            _report(graph, "r3", "2026-02-11", both)
    assert merged, "the first merge ran, so the cut came between two merges"
    query = graph.driver.execute_query
    assert query("MATCH (d:Decision) RETURN count(d) AS n").records[0]["n"] == 0
    assert len(_persons(graph)) == 4
    unresolved = query("MATCH (r:Report) WHERE NOT r.resolved RETURN r.uid AS uid").records
    assert len(unresolved) == 1
    assert resolve_report(graph, unresolved[0]["uid"]).merged == 2
    assert set(_persons(graph)) == {"Mohammed Al-Hassan", "Ahmad Karimi"}
