"""Writing synthetic reports with the loader's own rows and queries, many reports per transaction.

For each report, `ingest.load_rows.build_plan` gives exactly the rows `ingest.load.load_report` writes,
and `ingest.load._report_properties` the Report node's properties. The loader sends each report's
rows as one call per `cypher/ingest/merge_*` query, with the report's id, scope and date as query
parameters; here the very same query text runs once per report inside `UNWIND $reports AS rep CALL
(rep) {...}`, its parameters read from `rep`, so one round trip writes a whole batch of reports.
Within a transaction every report's Report node is written first, then every report's entities,
mentions, relationships and route stops, in report order: each report's ties only reach its own
entities and reference nodes, so the graph is the one the loader would write report by report
(tests/bench/test_graph_builder.py checks that on a small graph).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from itertools import islice
from typing import Any

from neo4j import ManagedTransaction

from bench.graphs.synthetic import SyntheticReport
from cypher import load_query
from graph.db import Graph
from graph.visibility import scope_agencies
from ingest.load import _report_properties
from ingest.load_rows import build_plan, parse_date

QUERIES = ("ingest/merge_report", "ingest/merge_entities", "ingest/merge_mentions", "ingest/merge_relationships",
           "ingest/merge_route_stops")  # fmt: skip
PLAN_ROWS = {"ingest/merge_entities": "nodes", "ingest/merge_mentions": "mentions",
             "ingest/merge_relationships": "relationships", "ingest/merge_route_stops": "stops"}  # fmt: skip
COMMON = ("report_id", "scope", "date", "seen")
_PARAM = re.compile(r"\$(\w+)\b")
_WITH = re.compile(r"(?<!STARTS )\bWITH ")


def batched_query(name: str) -> str:
    """The loader's query `name`, run once per report of `$reports` with that report's parameters."""
    body = "\n".join(line for line in load_query(name).splitlines() if not line.lstrip().startswith("//"))
    per_report = _WITH.sub("WITH rep, ", _PARAM.sub(r"rep.\1", body))  # keep `rep` in scope past each WITH
    return f"UNWIND $reports AS rep\nCALL (rep) {{\n{per_report}\n}}\nRETURN count(*) AS reports"


def report_rows(report: SyntheticReport) -> dict[str, Any]:
    """What the loader sends for one report: its parameters and its plan's rows, by query."""
    doc, extraction, meta = report.doc, report.extraction, report.meta
    plan = build_plan(extraction, doc.id)
    seen = parse_date(extraction.document.date) or doc.date
    props = _report_properties(doc, extraction, meta, seen)
    return {
        "report": props, "agencies": scope_agencies(props["scope"]), "report_id": doc.id, "scope": props["scope"],
        "date": seen.isoformat() if seen else "", "seen": seen,
        "nodes": plan.nodes, "mentions": plan.mentions, "relationships": plan.relationships, "stops": plan.stops,
    }  # fmt: skip


@dataclass
class Written:
    reports: int = 0
    restricted: int = 0


def write_reports(graph: Graph, reports: Iterable[SyntheticReport], per_transaction: int = 400) -> Written:
    """Write the reports, `per_transaction` of them in each write transaction."""
    queries = {name: batched_query(name) for name in QUERIES}
    written = Written()
    for batch in _chunks(reports, per_transaction):
        rows = [report_rows(r) for r in batch]

        def work(tx: ManagedTransaction, rows: list[dict[str, Any]] = rows) -> None:
            for name in QUERIES:
                key = PLAN_ROWS.get(name)
                reps = [{"report": r["report"], "agencies": r["agencies"]} if key is None else
                        {**{k: r[k] for k in COMMON}, "rows": r[key]} for r in rows]  # fmt: skip
                tx.run(queries[name], {"reports": reps}).consume()

        graph.write_transaction(work, timeout_factor=20)
        written.reports += len(batch)
        written.restricted += sum(r.restricted for r in batch)
    return written


def _chunks(items: Iterable[SyntheticReport], size: int) -> Iterator[list[SyntheticReport]]:
    iterator = iter(items)
    while batch := list(islice(iterator, size)):
        yield batch
