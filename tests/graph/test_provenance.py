"""Merging the same facts twice leaves one node; provenance lists grow as sets, per report."""

from __future__ import annotations

from typing import Any

from graph.db import Graph
from ingest.document import SourceDocument
from ingest.extraction import DocumentInfo, Extraction, Identifier, PersonMention, Relation
from ingest.load import ReportMeta, load_report


def _report(source: str, text: str, date: str) -> tuple[SourceDocument, Extraction]:
    doc = SourceDocument(source=source, text=text, media_type="text/plain")
    extraction = Extraction(
        document=DocumentInfo(id=doc.id, date=date),
        persons=[PersonMention(name="Mohammed Al-Hassan", nationality="IQ", roles=["leader"], spans=[(0, 18)])],
        identifiers=[Identifier(kind="phone", value="+9647701234567", spans=[(30, 44)])],
        relations=[Relation(subject="Mohammed Al-Hassan", predicate="uses_identifier", object="+9647701234567")],
    )
    return doc, extraction


def _one(graph: Graph, query: str, **params: Any) -> dict[str, Any]:
    records = graph.driver.execute_query(query, params).records
    assert len(records) == 1, f"expected one row, got {len(records)}"
    return records[0].data()


def test_same_report_twice_leaves_one_report_and_one_person(graph: Graph) -> None:
    doc, extraction = _report("/reports/a.txt", "Mohammed Al-Hassan, phone +9647701234567.", "2026-03-01")
    first = load_report(graph, doc, extraction, ReportMeta())
    second = load_report(graph, doc, extraction, ReportMeta())
    assert (first.status, second.status) == ("loaded", "unchanged")
    counts = _one(
        graph,
        "MATCH (r:Report) WITH count(r) AS reports MATCH (p:Person) RETURN reports, count(p) AS persons",
    )
    assert counts == {"reports": 1, "persons": 1}


def test_two_reports_on_one_person_share_the_node_and_both_are_cited(graph: Graph) -> None:
    doc_a, ex_a = _report("/reports/a.txt", "Mohammed Al-Hassan, phone +9647701234567.", "2026-03-01")
    doc_b, ex_b = _report("/reports/b.txt", "Mohammed Al-Hassan, phone +9647701234567 again.", "2026-05-20")
    load_report(graph, doc_a, ex_a, ReportMeta())
    load_report(graph, doc_b, ex_b, ReportMeta())
    load_report(graph, doc_b, ex_b, ReportMeta())  # a repeat adds nothing
    person = _one(
        graph,
        "MATCH (p:Person) RETURN p.report_ids AS ids, p.first_seen AS first, p.last_seen AS last, p.roles AS roles",
    )
    assert sorted(person["ids"]) == sorted([doc_a.id, doc_b.id])
    assert (person["first"].iso_format(), person["last"].iso_format()) == ("2026-03-01", "2026-05-20")
    assert person["roles"] == ["leader"]
    phone = _one(graph, "MATCH (:Person)-[r:HAS_PHONE]->(ph:Phone) RETURN r.report_ids AS ids, ph.value AS value")
    assert sorted(phone["ids"]) == sorted([doc_a.id, doc_b.id])
    assert phone["value"] == "+9647701234567"
    mentions = _one(graph, "MATCH (:Report)-[m:MENTIONS]->(:Person) RETURN count(m) AS n, collect(m.evidence) AS ev")
    assert mentions["n"] == 2 and mentions["ev"] == [["0-18"], ["0-18"]]


def test_changed_report_replaces_only_its_own_contribution(graph: Graph) -> None:
    doc_a, ex_a = _report("/reports/a.txt", "Mohammed Al-Hassan, phone +9647701234567.", "2026-03-01")
    doc_b, ex_b = _report("/reports/b.txt", "Mohammed Al-Hassan, phone +9647701234567 again.", "2026-05-20")
    load_report(graph, doc_a, ex_a, ReportMeta())
    load_report(graph, doc_b, ex_b, ReportMeta())
    changed = SourceDocument(source="/reports/b.txt", text="A corrected note naming nobody.", media_type="text/plain")
    result = load_report(graph, changed, Extraction(document=DocumentInfo(id=changed.id)), ReportMeta())
    assert result.status == "replaced" and result.replaced == [doc_b.id]
    person = _one(graph, "MATCH (p:Person) RETURN p.report_ids AS ids, p.last_seen AS last")
    assert person["ids"] == [doc_a.id]
    assert person["last"].iso_format() == "2026-03-01"
    rel = _one(graph, "MATCH (:Person)-[r:HAS_PHONE]->() RETURN r.report_ids AS ids")
    assert rel["ids"] == [doc_a.id]
    reports = graph.driver.execute_query("MATCH (r:Report) RETURN r.uid AS uid ORDER BY uid").records
    assert sorted(r["uid"] for r in reports) == sorted([doc_a.id, changed.id])
