"""Loading reports into Neo4j: many new reports per transaction, batched UNWIND writes, provenance kept.

Re-loading an unchanged report (same content id) changes nothing. A changed report (same
source, new content) first takes the old version's contribution out, in a transaction of its own,
so other reports' facts stay exactly as they were. New reports are written together, a run of them
per transaction; if that transaction fails, each is written again on its own, so one report's failure
never loses another and nothing is ever half-written.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from typing import Any, Literal

from neo4j import ManagedTransaction

from graph import clusters, summaries
from graph.db import Graph
from graph.errors import Unavailable
from graph.visibility import scope_agencies, scope_key
from ingest.document import SourceDocument
from ingest.extraction import Extraction
from ingest.load_rows import LoadPlan, build_plan, name_stats, parse_date

BATCH_SIZE = 500
Releasability = Literal["network", "agencies", "originator"]


RELEASE_FIELDS = ("originator_agency", "releasability", "release_to")
PLAN_QUERIES = (("ingest/merge_entities", "nodes"), ("ingest/merge_mentions", "mentions"),
                ("ingest/merge_relationships", "relationships"), ("ingest/merge_route_stops", "stops"))  # fmt: skip


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


@dataclass(frozen=True)
class Loadable:
    """A report to load: the document, what was extracted from it, and who it comes from."""

    doc: SourceDocument
    extraction: Extraction
    meta: ReportMeta


@dataclass
class LoadResult:
    report_id: str
    status: Literal["loaded", "replaced", "unchanged"]
    replaced: list[str] = field(default_factory=list)
    resolved: bool = False  # for an unchanged report: did its resolution complete when it was loaded


@dataclass
class Loaded:
    """What loading some reports did: per report (in the order given) its result, or the error that kept
    it out; and the nodes and relationships created in all."""

    results: list[LoadResult | Exception]
    nodes_created: int = 0
    relationships_created: int = 0


@dataclass(frozen=True)
class Prepared:
    """A report ready to write: its Report node's properties and its plan's rows."""

    report: dict[str, Any]
    plan: LoadPlan
    seen: date | None

    @classmethod
    def of(cls, item: Loadable) -> Prepared:
        seen = parse_date(item.extraction.document.date) or item.doc.date
        return cls(_report_properties(item.doc, item.extraction, item.meta, seen),
                   build_plan(item.extraction, item.doc.id), seen)  # fmt: skip

    def rows(self, part: str) -> list[dict[str, Any]]:
        """The plan's rows of one part, each with the report's id, scope and date it is a statement of."""
        common = {"report_id": self.report["uid"], "scope": self.report["scope"],
                  "date": self.seen.isoformat() if self.seen else "", "seen": self.seen}  # fmt: skip
        return [{**row, **common} for row in getattr(self.plan, part)]


def load_report(graph: Graph, doc: SourceDocument, extraction: Extraction, meta: ReportMeta) -> LoadResult:
    """Write one report and everything extracted from it, atomically."""
    outcome = load_reports(graph, [Loadable(doc, extraction, meta)]).results[0]
    if isinstance(outcome, Exception):
        raise outcome
    return outcome


def load_reports(graph: Graph, items: Sequence[Loadable]) -> Loaded:
    """Load reports in order: runs of new ones together, one transaction per run; a changed report on its own."""
    wanted = [{"uid": item.doc.id, "source": item.doc.source} for item in items]
    stored = graph.read("ingest/find_reports", {"reports": wanted}) if items else []
    resolved = {row["uid"]: row["resolved"] is not False for row in stored}
    versions: dict[str, list[str]] = {}
    for row in stored:
        versions.setdefault(row["source"], []).append(row["uid"])
    loaded = Loaded([Exception("not loaded")] * len(items))
    run: list[int] = []
    for index, item in enumerate(items):
        doc = item.doc
        if doc.id in resolved:
            loaded.results[index] = LoadResult(doc.id, "unchanged", resolved=resolved[doc.id])
            continue
        previous = [uid for uid in versions.get(doc.source, []) if uid != doc.id]
        if previous:
            _write_run(graph, items, run, loaded)
            run = []
            _write_run(graph, items, [index], loaded, previous=previous)
        else:
            run.append(index)
        for uid in previous:  # replaced: gone from the graph
            resolved.pop(uid, None)
        resolved[doc.id] = True  # a copy later in the same call is unchanged; its first is resolved with it
        versions[doc.source] = [doc.id]
    _write_run(graph, items, run, loaded)
    return loaded


def _write_run(graph: Graph, items: Sequence[Loadable], run: list[int], loaded: Loaded,
               previous: list[str] | None = None) -> None:  # fmt: skip
    """Write a run of the items in one transaction; if it fails, each on its own, keeping each one's error."""
    if not run:
        return
    try:
        reports = [Prepared.of(items[index]) for index in run]
        created = graph.write_transaction(lambda tx: _write(tx, graph, reports, previous or []))
    except Unavailable:
        raise
    except Exception as exc:
        if len(run) == 1:
            loaded.results[run[0]] = exc
            return
        for index in run:
            _write_run(graph, items, [index], loaded)
        return
    loaded.nodes_created += created[0]
    loaded.relationships_created += created[1]
    status: Literal["loaded", "replaced"] = "replaced" if previous else "loaded"
    for index in run:
        loaded.results[index] = LoadResult(items[index].doc.id, status, replaced=previous or [])


def _write(tx: ManagedTransaction, graph: Graph, reports: list[Prepared], previous: list[str]) -> tuple[int, int]:
    """The transaction's work: the old versions' contribution out, the reports in, summaries and clusters kept."""
    touched: set[str] = set()
    before: list[str] = []
    if previous:
        found = graph.run_in(tx, "ingest/get_report_entity_uids", {"report_ids": previous}).single()
        touched = set(found["uids"]) if found else set()
        before = clusters.clusters_of(tx, graph, touched)
    for old in previous:
        _run(tx, graph, "ingest/delete_report_contribution", {"report_id": old})
    created = write_reports(tx, graph, reports)
    report_ids = [prepared.report["uid"] for prepared in reports]
    _count_names(tx, graph, reports)
    summaries.add_reports(tx, graph, report_ids, skip=frozenset(touched))
    summaries.refresh(tx, graph, touched)
    mine = graph.run_in(tx, "ingest/get_report_entity_uids", {"report_ids": report_ids}).single()
    entities = set(mine["uids"]) if mine else set()
    if previous:
        clusters.rebuild(tx, graph, touched | entities, before)
    else:
        clusters.grow(tx, graph, entities)
    return created


def write_reports(tx: ManagedTransaction, graph: Graph, reports: list[Prepared]) -> tuple[int, int]:
    """Write the Report nodes and their plans' statements, query by query in report order; (nodes,
    relationships) created. Each report's ties reach only its own entities and reference nodes."""
    heads = [{"report": p.report, "agencies": scope_agencies(p.report["scope"])} for p in reports]
    created = list(_run(tx, graph, "ingest/merge_reports", {"reports": heads}))
    for name, part in PLAN_QUERIES:
        for batch in _batches([row for prepared in reports for row in prepared.rows(part)]):
            counters = _run(tx, graph, name, {"rows": batch})
            created[0] += counters[0]
            created[1] += counters[1]
    return created[0], created[1]


def _count_names(tx: ManagedTransaction, graph: Graph, reports: list[Prepared]) -> None:
    """Add the reports' person names to their scopes' name statistics (the reports are new: counted once)."""
    added: Counter[str] = Counter()
    for prepared in reports:
        added.update(name_stats(prepared.report["scope"], prepared.plan.nodes, prepared.plan.mentions))
    rows = [{"key": key, "add": added[key]} for key in sorted(added)]
    params = {"report_ids": [prepared.report["uid"] for prepared in reports], "rows": rows}
    graph.run_in(tx, "ingest/add_name_counts", params).consume()


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
