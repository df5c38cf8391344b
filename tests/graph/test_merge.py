"""Merging two entities keeps every relationship and provenance entry; splitting restores both exactly."""

from __future__ import annotations

from typing import Any

import pytest

from graph import keys
from graph.db import Graph
from graph.errors import Conflict, InvalidInput
from graph.merge import merge_entities, split_entities

AL_HASSAN = keys.person_uid("Mohammed Al-Hassan")
HADDAD = keys.person_uid("Samir Haddad")


def _dump(graph: Graph) -> tuple[list[Any], list[Any]]:
    """The whole graph as comparable data: every node's labels and properties, every relationship."""
    nodes = graph.driver.execute_query(
        "MATCH (n) WHERE NOT n:Reference RETURN n.uid AS uid, labels(n) AS labels, properties(n) AS props ORDER BY uid"
    ).records
    rels = graph.driver.execute_query(
        "MATCH (a)-[r]->(b) RETURN a.uid AS a, type(r) AS t, b.uid AS b, properties(r) AS props"
    ).records
    return [r.data() for r in nodes], sorted((r.data() for r in rels), key=repr)


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
    assert [n for n in after_nodes if "Decision" not in n["labels"]] == before_nodes
    assert after_rels == before_rels
    with pytest.raises(Conflict, match="already split"):
        split_entities(investigation_graph, decision, by="admin-eu")


def test_split_refuses_when_the_survivor_changed(investigation_graph: Graph) -> None:
    decision = merge_entities(investigation_graph, AL_HASSAN, HADDAD, by="admin-eu")
    investigation_graph.driver.execute_query("MATCH (p:Person {uid: $uid}) SET p.nationality = 'SY'", uid=AL_HASSAN)
    with pytest.raises(Conflict, match="changed since merge"):
        split_entities(investigation_graph, decision, by="admin-eu")


def test_only_people_organisations_and_vessels_of_one_kind_merge(investigation_graph: Graph) -> None:
    with pytest.raises(InvalidInput, match="cannot merge a Person with an Organisation"):
        merge_entities(investigation_graph, AL_HASSAN, keys.organisation_uid("Black Eagle network"), by="x")
    with pytest.raises(InvalidInput, match="cannot be merged with itself"):
        merge_entities(investigation_graph, AL_HASSAN, AL_HASSAN, by="x")
