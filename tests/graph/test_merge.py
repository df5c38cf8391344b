"""Merging two entities keeps every statement; splitting restores both exactly, and also works after
later reports, each report's statements landing on the entity its mention named."""

from __future__ import annotations

from typing import Any

import pytest

from graph import keys
from graph.db import Graph
from graph.errors import Conflict, InvalidInput
from graph.merge import merge_entities, split_entities
from tests.fixtures import investigation_reports as fixture
from tests.graph.cluster_check import kept_clusters

LATER = {
    "source": "fixture/r6_later.txt",
    "meta": {"originator_agency": "BG-BP", "releasability": "network"},
    "extraction": {
        "document": {"id": "r6", "title": "Later report", "date": "2026-11-20"},
        "persons": [{"name": "Samir Haddad"}, {"name": "Mohammed Al-Hassan"}],
        "identifiers": [{"kind": "phone", "value": "+4915112345678"}, {"kind": "phone", "value": "+9647701112233"}],
        "relations": [
            {"subject": "Samir Haddad", "predicate": "uses_identifier", "object": "+4915112345678"},
            {"subject": "Mohammed Al-Hassan", "predicate": "uses_identifier", "object": "+9647701112233"},
        ],
    },
}

AL_HASSAN = keys.person_uid("Mohammed Al-Hassan")
HADDAD = keys.person_uid("Samir Haddad")


def _dump(graph: Graph) -> tuple[list[Any], list[Any]]:
    """The whole graph as comparable data: every node's labels and properties, every relationship, and the
    kept clusters without their ids (which depend on the order of writes)."""
    nodes = graph.driver.execute_query(
        "MATCH (n) WHERE NOT n:Reference AND NOT n:Decision AND NOT n:Alias AND NOT n:Cluster AND NOT n:PrivateTie "
        "RETURN n.uid AS uid, labels(n) AS labels, n {.*, cluster: null} AS props ORDER BY uid"
    ).records
    rels = graph.driver.execute_query(
        "MATCH (a)-[r]->(b) WHERE NOT (type(r) = 'POSSIBLY_SAME_AS' AND r.status = 'rejected') "
        "RETURN a.uid AS a, type(r) AS t, b.uid AS b, properties(r) AS props"
    ).records
    return [r.data() for r in nodes] + [kept_clusters(graph)], sorted((r.data() for r in rels), key=repr)


def test_merge_moves_everything_and_split_restores_exactly(investigation_graph: Graph) -> None:
    before = _dump(investigation_graph)
    decision = merge_entities(investigation_graph, AL_HASSAN, HADDAD, by="admin-eu", score=0.97, reasons=["test"])
    merged = investigation_graph.driver.execute_query(
        "MATCH (p:Person {uid: $uid}) OPTIONAL MATCH (p)-[r:MEMBER_OF]->(o) "
        "RETURN p.aliases AS aliases, p.report_ids AS reports, collect(o.name) AS orgs", uid=AL_HASSAN
    ).records[0]  # fmt: skip
    assert "Samir Haddad" in merged["aliases"]
    assert set(merged["orgs"]) == {"Black Eagle network", "Golden Crescent group"}
    assert investigation_graph.driver.execute_query(
        "MATCH (p:Person {uid: $uid}) RETURN count(p) AS n", uid=HADDAD).records[0]["n"] == 0  # fmt: skip
    phone_users = investigation_graph.driver.execute_query(
        "MATCH (:Phone)<-[r:HAS_PHONE]-(p:Person) RETURN count(DISTINCT p) AS n").records[0]["n"]  # fmt: skip
    assert phone_users == 3  # Haddad's use of the phone now belongs to Al-Hassan, reports kept
    recorded = investigation_graph.driver.execute_query(
        "MATCH (d:Decision {uid: $uid}) RETURN d.by AS by, d.score AS score, d.at IS NOT NULL AS dated", uid=decision
    ).records[0]  # fmt: skip
    assert (recorded["by"], recorded["score"], recorded["dated"]) == ("admin-eu", 0.97, True)
    assert split_entities(investigation_graph, decision, by="admin-eu") == (AL_HASSAN, HADDAD)
    after_nodes, after_rels = _dump(investigation_graph)
    before_nodes, before_rels = before
    assert after_nodes == before_nodes
    assert after_rels == before_rels
    assert _rejected(investigation_graph) == [
        tuple(sorted((AL_HASSAN, HADDAD)))
    ]  # resolution will not merge them again
    with pytest.raises(Conflict, match="already split"):
        split_entities(investigation_graph, decision, by="admin-eu")


def _rejected(graph: Graph) -> list[tuple[str, str]]:
    rows = graph.driver.execute_query(
        "MATCH (a)-[s:POSSIBLY_SAME_AS {status: 'rejected'}]-(b) WHERE a.uid < b.uid RETURN a.uid AS a, b.uid AS b"
    ).records
    return sorted((r["a"], r["b"]) for r in rows)


def _phones(graph: Graph, uid: str) -> set[str]:
    rows = graph.driver.execute_query(
        "MATCH (:Person {uid: $uid})-[:HAS_PHONE]->(p:Phone) RETURN p.value AS value", uid=uid
    ).records
    return {r["value"] for r in rows}


def test_split_after_later_reports_puts_their_statements_on_the_right_entity(investigation_graph: Graph) -> None:
    decision = merge_entities(investigation_graph, AL_HASSAN, HADDAD, by="admin-eu")
    fixture.load(investigation_graph, [LATER])  # names both; Haddad's spelling now writes to Al-Hassan
    assert _phones(investigation_graph, AL_HASSAN) >= {"+4915112345678", "+9647701112233"}
    assert split_entities(investigation_graph, decision, by="admin-eu") == (AL_HASSAN, HADDAD)
    assert "+4915112345678" in _phones(investigation_graph, HADDAD)
    assert "+4915112345678" not in _phones(investigation_graph, AL_HASSAN)
    assert "+9647701112233" in _phones(investigation_graph, AL_HASSAN)
    names = investigation_graph.driver.execute_query(
        "MATCH (p:Person) WHERE p.uid IN [$a, $b] RETURN p.uid AS uid, p.name AS name, p.aliases AS aliases",
        a=AL_HASSAN, b=HADDAD,
    ).records  # fmt: skip
    by_uid = {r["uid"]: r for r in names}
    assert by_uid[HADDAD]["name"] == "Samir Haddad" and "Samir Haddad" not in (by_uid[AL_HASSAN]["aliases"] or [])
    later_id = investigation_graph.driver.execute_query(
        "MATCH (r:Report {source: $s}) RETURN r.uid AS uid", s=LATER["source"]
    ).records[0]["uid"]  # fmt: skip
    for uid in (AL_HASSAN, HADDAD):
        reports = investigation_graph.driver.execute_query(
            "MATCH (p:Person {uid: $uid}) RETURN p.report_ids AS ids", uid=uid
        ).records[0]["ids"]  # fmt: skip
        assert later_id in reports


def test_only_people_organisations_and_vessels_of_one_kind_merge(investigation_graph: Graph) -> None:
    with pytest.raises(InvalidInput, match="cannot merge a Person with an Organisation"):
        merge_entities(investigation_graph, AL_HASSAN, keys.organisation_uid("Black Eagle network"), by="x")
    with pytest.raises(InvalidInput, match="cannot be merged with itself"):
        merge_entities(investigation_graph, AL_HASSAN, AL_HASSAN, by="x")
