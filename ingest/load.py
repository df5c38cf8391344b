"""Loading one report into Neo4j: one transaction per report, batched UNWIND writes, provenance kept.

Re-loading an unchanged report (same content id) changes nothing. A changed report (same
source, new content) first takes the old version's contribution out, in the same transaction,
so other reports' facts stay exactly as they were and nothing is ever half-written.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from datetime import date
from typing import Any, Literal

from neo4j import ManagedTransaction

from graph import clusters, summaries
from graph.db import Graph
from graph.visibility import scope_agencies, scope_key
from ingest.document import SourceDocument
from ingest.extraction import Extraction
from ingest.load_rows import LoadPlan, build_plan, parse_date

BATCH_SIZE = 500
Releasability = Literal["network", "agencies", "originator"]


RELEASE_FIELDS = ("originator_agency", "releasability", "release_to")


@dataclass(frozen=True)
class ReportMeta:
    """What the ingesting user says about a report: who it comes from and who may see it. `stated`
    names the fields the user gave explicitly (on the command line); those win over a record's own."""

    originator_agency: str | None = None
    releasability: Releasability = "network"
    release_to: tuple[str, ...] = ()
    reporting_country: str | None = None
    host_country: str | None = None
    handling: str | None = None
    stated: frozenset[str] = frozenset()


def meta_for(doc: SourceDocument, default: ReportMeta) -> tuple[ReportMeta, list[str]]:
    """The metadata of one report: what the user stated, else what a structured incident record says of
    itself, else the batch's defaults; and one line per field where the record disagrees with the user."""
    record = doc.metadata.get("incident")
    if not isinstance(record, dict):
        return default, []
    said: dict[str, Any] = {
        "originator_agency": record.get("reporting_agency"), "releasability": record.get("releasability"),
        "release_to": tuple(record.get("release_to") or ()) or None,
    }  # fmt: skip
    chosen: dict[str, Any] = {}
    conflicts = []
    for name in RELEASE_FIELDS:
        mine, theirs = getattr(default, name), said[name]
        if theirs is None or theirs == mine:
            continue
        if name in default.stated:
            conflicts.append(f"{doc.source}: the record's {name} {theirs!r} is ignored; the command line says {mine!r}")
        else:
            chosen[name] = theirs
    return replace(default, **chosen), conflicts


@dataclass
class LoadResult:
    report_id: str
    status: Literal["loaded", "replaced", "unchanged"]
    nodes_created: int = 0
    relationships_created: int = 0
    replaced: list[str] = field(default_factory=list)
    resolved: bool = False  # for an unchanged report: did its resolution complete when it was loaded


def load_report(graph: Graph, doc: SourceDocument, extraction: Extraction, meta: ReportMeta) -> LoadResult:
    """Write one report and everything extracted from it, atomically."""
    existing = graph.read("ingest/find_report", {"uid": doc.id, "source": doc.source})
    if same := [row for row in existing if row["uid"] == doc.id]:
        return LoadResult(doc.id, "unchanged", resolved=same[0]["resolved"] is not False)
    previous = [row["uid"] for row in existing if row["source"] == doc.source]
    plan = build_plan(extraction, doc.id)
    seen = parse_date(extraction.document.date) or doc.date
    report = _report_properties(doc, extraction, meta, seen)
    result = LoadResult(doc.id, "replaced" if previous else "loaded", replaced=previous)

    def work(tx: ManagedTransaction) -> None:
        touched: set[str] = set()
        before: list[str] = []
        if previous:
            found = graph.run_in(tx, "ingest/get_report_entity_uids", {"report_ids": previous}).single()
            touched = set(found["uids"]) if found else set()
            before = clusters.clusters_of(tx, graph, touched)
        for old in previous:
            _run(tx, graph, "ingest/delete_report_contribution", {"report_id": old})
        result.nodes_created, result.relationships_created = write_plan(tx, graph, report, plan, seen)
        summaries.add_report(tx, graph, doc.id, skip=frozenset(touched))
        summaries.refresh(tx, graph, touched)
        mine = graph.run_in(tx, "ingest/get_report_entity_uids", {"report_ids": [doc.id]}).single()
        entities = set(mine["uids"]) if mine else set()
        if previous:
            clusters.rebuild(tx, graph, touched | entities, before)
        else:
            clusters.grow(tx, graph, entities)

    graph.write_transaction(work)
    return result


def write_plan(tx: ManagedTransaction, graph: Graph, report: dict[str, Any], plan: LoadPlan,
               seen: date | None) -> tuple[int, int]:  # fmt: skip
    """Write a Report node and its plan's statements in batches; (nodes, relationships) created."""
    _run(tx, graph, "ingest/merge_report", {"report": report, "agencies": scope_agencies(report["scope"])})
    common = {"report_id": report["uid"], "scope": report["scope"], "date": seen.isoformat() if seen else "",
              "seen": seen}  # fmt: skip
    created = [0, 0]
    for name, rows in (("ingest/merge_entities", plan.nodes), ("ingest/merge_mentions", plan.mentions),
                       ("ingest/merge_relationships", plan.relationships),
                       ("ingest/merge_route_stops", plan.stops)):  # fmt: skip
        for batch in _batches(rows):
            counters = _run(tx, graph, name, {**common, "rows": batch})
            created[0] += counters[0]
            created[1] += counters[1]
    return created[0], created[1]


def mark_resolved(graph: Graph, report_id: str) -> None:
    """Record that the report's resolution completed (a loaded report is `resolved: false` until then)."""
    graph.write("ingest/set_report_resolved", {"uid": report_id})


def _report_properties(doc: SourceDocument, ex: Extraction, meta: ReportMeta, seen: date | None) -> dict[str, Any]:
    props: dict[str, Any] = {
        "uid": doc.id, "source": doc.source, "title": ex.document.title or doc.title or _heading(doc.text),
        "report_date": seen,
        "media_type": doc.media_type, "originator_agency": meta.originator_agency,
        "releasability": meta.releasability, "release_to": list(meta.release_to),
        "reporting_country": meta.reporting_country, "host_country": meta.host_country, "handling": meta.handling,
        "scope": scope_key(meta.releasability, meta.originator_agency, meta.release_to),
        "resolved": False, "text": doc.text,
    }  # fmt: skip
    return {key: value for key, value in props.items() if value is not None}


HEADING = 100  # characters of a report's first line that name it when it has no title


def _heading(text: str) -> str | None:
    """What an untitled report is called: its first line, cut to HEADING characters."""
    line = next((line.strip() for line in text.splitlines() if line.strip()), "")
    if not line:
        return None
    return line if len(line) <= HEADING else line[: HEADING - 3].rstrip() + "..."


def _run(tx: ManagedTransaction, graph: Graph, name: str, params: dict[str, Any]) -> tuple[int, int]:
    counters = graph.run_in(tx, name, params).consume().counters
    return counters.nodes_created, counters.relationships_created


def _batches(rows: list[dict[str, Any]]) -> Iterator[list[dict[str, Any]]]:
    for start in range(0, len(rows), BATCH_SIZE):
        yield rows[start : start + BATCH_SIZE]
