"""Loading the gold annotations of the development corpus gives a graph whose counts match the gold.

This pins the loader (contract -> graph) independently of extraction quality: every report,
person, identifier, technique, method, number and route in the gold is in the graph, once.
"""

from __future__ import annotations

import pytest

from graph import keys
from graph.db import Graph
from ingest.evaluate import gold_pairs
from ingest.extraction import Extraction
from ingest.load import ReportMeta, load_report
from ingest.readers import read_document
from tests.conftest import REPO_ROOT

DEV = REPO_ROOT / "tests" / "corpus" / "dev"


@pytest.fixture
def gold_graph(graph: Graph) -> tuple[Graph, list[Extraction]]:
    """The graph after loading every dev report with its gold annotation as the extraction."""
    golds = []
    for path, gold_path in gold_pairs(DEV):
        doc = read_document(path)
        gold = Extraction.model_validate_json(gold_path.read_text(encoding="utf-8"))
        gold = gold.model_copy(update={"document": gold.document.model_copy(update={"id": doc.id})})
        load_report(graph, doc, gold, ReportMeta())
        golds.append(gold)
    return graph, golds


def _count(graph: Graph, query: str) -> int:
    return int(graph.driver.execute_query(query).records[0][0])


def test_node_counts_match_the_gold(gold_graph: tuple[Graph, list[Extraction]]) -> None:
    graph, golds = gold_graph
    assert len(golds) >= 26
    assert _count(graph, "MATCH (r:Report) RETURN count(r)") == len(golds)
    assert _count(graph, "MATCH (i:Incident) RETURN count(i)") == len(golds)
    persons = {keys.person_uid(p.name, p.birth_date) for g in golds for p in g.persons}
    assert _count(graph, "MATCH (p:Person) RETURN count(p)") == len(persons)
    for kind, label in (("phone", "Phone"), ("email", "Email"), ("vehicle_plate", "Vehicle"), ("vessel", "Vessel")):
        values = {i.value for g in golds for i in g.identifiers if i.kind == kind}
        assert _count(graph, f"MATCH (n:{label}) RETURN count(n)") == len(values), label
    organisations = {keys.organisation_uid(o.name) for g in golds for o in g.organisations}
    assert _count(graph, "MATCH (o:Organisation) RETURN count(o)") == len(organisations)


def test_each_report_keeps_its_codes_numbers_and_nationalities(gold_graph: tuple[Graph, list[Extraction]]) -> None:
    graph, golds = gold_graph
    rows = graph.driver.execute_query(
        "MATCH (i:Incident) "
        "OPTIONAL MATCH (i)-[:SHOWS_TECHNIQUE]->(t:FraudTechnique) "
        "WITH i, collect(DISTINCT t.code) AS techniques "
        "OPTIONAL MATCH (i)-[:USED_METHOD]->(m:ModusOperandi) "
        "WITH i, techniques, collect(DISTINCT m.code) AS methods "
        "OPTIONAL MATCH (i)-[:MIGRANT_NATIONALITY]->(c:Country) "
        "RETURN i.uid AS uid, techniques, methods, collect(c.code) AS migrants, i.migrants AS count"
    ).records
    by_uid = {row["uid"]: row for row in rows}
    for gold in golds:
        row = by_uid[keys.incident_uid(gold.document.id)]
        assert sorted(row["techniques"]) == sorted({t.code for t in gold.fraud_techniques}), gold.document.title
        assert sorted(row["methods"]) == sorted({m.code for m in gold.modus_operandi}), gold.document.title
        assert sorted(row["migrants"]) == sorted(set(gold.nationalities.migrants)), gold.document.title
        assert row["count"] == gold.numbers.migrants


def test_routes_keep_their_stop_order(gold_graph: tuple[Graph, list[Extraction]]) -> None:
    graph, golds = gold_graph
    expected = {
        tuple(stop.country for stop in route.stops)
        for g in golds
        for route in g.routes
        if len(route.stops) >= 2 and all(stop.country for stop in route.stops)
    }
    rows = graph.driver.execute_query(
        "MATCH (r:Route)-[s:STOP]->(x) WITH r, s, x ORDER BY s.position "
        "RETURN r.uid AS uid, collect(coalesce(x.country, x.code)) AS countries"
    ).records
    assert {tuple(row["countries"]) for row in rows} == expected
