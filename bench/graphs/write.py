"""Writing synthetic reports with the loader's own rows and queries, many reports per transaction.

`ingest.load.Prepared` gives exactly the Report properties and plan rows the loader writes for each
report, and `ingest.load.write_reports` writes a list of them the way the loader writes a run of new
reports: query by query, in report order, in one transaction. Here the runs are longer (the graph is
empty, nothing is resolved), and summaries and clusters are left to be computed once at the end.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from itertools import islice
from typing import Any

from bench.graphs.synthetic import SyntheticReport
from graph.db import Graph
from graph.visibility import scope_agencies
from ingest import load
from ingest.load import Loadable, Prepared


def prepared(report: SyntheticReport) -> Prepared:
    return Prepared.of(Loadable(report.doc, report.extraction, report.meta))


def report_rows(report: SyntheticReport) -> dict[str, Any]:
    """What the loader sends for one report: its statement's report id, scope and date, and its rows by part."""
    ready = prepared(report)
    props, seen = ready.report, ready.seen
    return {
        "report": props, "agencies": scope_agencies(props["scope"]), "report_id": props["uid"],
        "scope": props["scope"], "date": seen.isoformat() if seen else "", "seen": seen,
        "nodes": ready.plan.nodes, "mentions": ready.plan.mentions, "relationships": ready.plan.relationships,
        "stops": ready.plan.stops,
    }  # fmt: skip


@dataclass
class Written:
    reports: int = 0
    restricted: int = 0


def write_reports(graph: Graph, reports: Iterable[SyntheticReport], per_transaction: int = 400) -> Written:
    """Write the reports, `per_transaction` of them in each write transaction."""
    written = Written()
    for batch in _chunks(reports, per_transaction):
        ready = [prepared(r) for r in batch]
        graph.write_transaction(lambda tx, ready=ready: load.write_reports(tx, graph, ready), timeout_factor=20)
        written.reports += len(batch)
        written.restricted += sum(r.restricted for r in batch)
    return written


def _chunks(items: Iterable[SyntheticReport], size: int) -> Iterator[list[SyntheticReport]]:
    iterator = iter(items)
    while batch := list(islice(iterator, size)):
        yield batch
