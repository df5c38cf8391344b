"""Warm latency of the investigations on built graphs, as an analyst of an agency (visibility applied).

    .venv/bin/python -m bench.latency 100000 1000000 [--rounds 30] [--seed 1] [--only search ...] [--pagecache 4g]

Builds each graph once (bench/graphs/store.py, kept under /tmp/bench-smugglegraph), starts a server on
it, picks real uids and names from it (hubs and ordinary nodes), warms every case up, then runs
rounds: in each round every case once, each call preceded by a `RETURN 1` round trip, so the
baseline is measured interleaved with the figures it divides on a shared, noisy machine. Each call
goes through `graph.investigations.run_investigation`, as the API's does (scope lookup included).
Writes var/bench/latency-<nodes>.json and prints a Markdown table.
"""

from __future__ import annotations

import argparse
import json
import statistics
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from bench.graphs.store import build, graph_dir, serve
from bench.graphs.synthetic import RELEASING_AGENCY
from graph.db import Graph
from graph.investigations import parse_params, run_investigation
from graph.visibility import Viewer

OUT = Path("var/bench")
VIEWER = Viewer(user="bench-analyst", agency=RELEASING_AGENCY, role="analyst")
BUDGET_S = 20.0  # per case: fewer rounds for a slow case, so a run ends in minutes
TIMEOUT_S = 30.0  # the API's own query timeout (Settings.query_timeout_s)


@dataclass(frozen=True)
class Case:
    investigation: str
    label: str
    params: dict[str, Any]


def _one(graph: Graph, query: str, params: dict[str, Any] | None = None) -> Any:
    records = graph.driver.execute_query(query, params or {}, database_=graph.database).records
    return records[0][0] if records else None


def _persons_by_degree(graph: Graph, label: str) -> tuple[str, str]:
    """A hub (most ties) and an ordinary node (median ties) of a label, among released ones."""
    rows = graph.driver.execute_query(
        f"MATCH (n:{label}) WHERE 'net' IN n.scopes "
        "RETURN n.uid AS uid, COUNT { (n)--() } AS degree ORDER BY degree DESC, uid",
        database_=graph.database,
    ).records
    return rows[0]["uid"], rows[len(rows) // 2]["uid"]


def pick_cases(graph: Graph) -> list[Case]:
    """Real uids and names from the graph: hubs and ordinary nodes."""
    hub, person = _persons_by_degree(graph, "Person")
    org_hub, org = _persons_by_degree(graph, "Organisation")
    name = _one(graph, "MATCH (p:Person {uid: $u}) RETURN p.name", {"u": person})
    hub_name = _one(graph, "MATCH (p:Person {uid: $u}) RETURN p.name", {"u": hub})
    # a pair two organisation hops apart (person - org - person - org - person), for paths
    far = _one(
        graph,
        "MATCH (a:Person {uid: $u})-[:MEMBER_OF]->(:Organisation)<-[:MEMBER_OF]-(:Person)-[:MEMBER_OF]->"
        "(:Organisation)<-[:MEMBER_OF]-(b:Person) WHERE b <> a AND 'net' IN b.scopes RETURN b.uid LIMIT 1",
        {"u": person},
    )
    near = _one(
        graph,
        "MATCH (a:Person {uid: $u})-[:INVOLVED_IN]->(:Incident)<-[:INVOLVED_IN]-(b:Person) "
        "WHERE b <> a RETURN b.uid LIMIT 1",
        {"u": hub},
    )
    cases = [
        Case("search", "ordinary name", {"q": name}),
        Case("search", "common name", {"q": hub_name}),
        Case("profile", "hub person", {"uid": hub}),
        Case("profile", "ordinary person", {"uid": person}),
        Case("profile", "hub organisation", {"uid": org_hub}),
        Case("network", "depth 2, hub person", {"uid": hub, "depth": 2}),
        Case("network", "depth 2, ordinary person", {"uid": person, "depth": 2}),
        Case("network", "depth 2, hub organisation", {"uid": org_hub, "depth": 2}),
        Case("shared-identifiers", "of a hub person", {"uid": hub}),
        Case("shared-identifiers", "of an ordinary person", {"uid": person}),
        Case("shared-identifiers", "of a hub organisation", {"uid": org_hub}),
        Case("shared-identifiers", "whole graph, page 1", {}),
        Case("co-offenders", "hub person", {"uid": hub}),
        Case("co-offenders", "ordinary person", {"uid": person}),
        Case("routes", "through GR", {"through": "GR"}),
        Case("key-players", "hub organisation", {"uid": org_hub}),
        Case("key-players", "ordinary organisation", {"uid": org}),
        Case("timeline", "hub person", {"uid": hub}),
        Case("timeline", "ordinary organisation", {"uid": org}),
        Case("clusters", "page 1", {"limit": 50}),
    ]
    if near:
        cases.append(Case("paths", "hub to co-accused", {"source": hub, "target": near}))
    if far:
        cases.append(Case("paths", "ordinary, 4 hops", {"source": person, "target": far}))
    return cases


def _timed(call: Callable[[], Any]) -> float:
    started = time.perf_counter()
    call()
    return (time.perf_counter() - started) * 1000


def _p(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def measure(graph: Graph, cases: list[Case], rounds: int) -> list[dict[str, Any]]:
    """Per case: p50 and p95 ms over the rounds, and the same of the interleaved RETURN 1."""
    calls = [(c, parse_params(c.investigation, c.params)) for c in cases]
    ping = lambda: graph.driver.execute_query("RETURN 1", database_=graph.database)  # noqa: E731
    times: dict[int, list[float]] = {i: [] for i in range(len(calls))}
    pings: dict[int, list[float]] = {i: [] for i in range(len(calls))}
    errors: dict[int, str] = {}
    for i, (case, params) in enumerate(calls):  # warm-up: two calls each (one for a case over 5 s)
        for _ in range(2):
            try:
                took = _timed(lambda p=params, c=case: run_investigation(graph, VIEWER, c.investigation, p))
            except Exception as exc:  # a timeout is a figure too
                errors[i] = f"{type(exc).__name__}: {str(exc)[:120]}"
                break
            if took > 5000:
                break
    for _ in range(rounds):
        for i, (case, params) in enumerate(calls):
            if i in errors or sum(times[i]) / 1000 > BUDGET_S:
                continue
            pings[i].append(_timed(ping))
            try:
                times[i].append(_timed(lambda p=params, c=case: run_investigation(graph, VIEWER, c.investigation, p)))
            except Exception as exc:  # a call over the timeout ends the case: its figure is "over 30 s"
                errors[i] = f"{type(exc).__name__}: {str(exc)[:120]}"
                pings[i].pop()
    out = []
    for i, (case, _) in enumerate(calls):
        row: dict[str, Any] = {"investigation": case.investigation, "case": case.label, "params": case.params}
        if i in errors and not times[i]:
            row["error"] = errors[i]
        else:
            ping50, ping95 = statistics.median(pings[i]), _p(pings[i], 0.95)
            p50, p95 = statistics.median(times[i]), _p(times[i], 0.95)
            if i in errors:
                row["error"] = errors[i]
            row.update(runs=len(times[i]), p50_ms=round(p50, 1), p95_ms=round(p95, 1),
                       return1_p50_ms=round(ping50, 2), return1_p95_ms=round(ping95, 2),
                       ratio_p50=round(p50 / ping50, 1), ratio_p95=round(p95 / ping95, 1))  # fmt: skip
        out.append(row)
    return out


def table(nodes: int, built: dict[str, Any], rows: list[dict[str, Any]]) -> str:
    lines = [f"### {nodes:,} nodes ({built['nodes']:,} nodes, {built['relationships']:,} relationships)", "",
             "| investigation | case | runs | p50 ms | p95 ms | RETURN 1 p50 / p95 ms | p50 ratio | p95 ratio |",
             "|---|---|---|---|---|---|---|---|"]  # fmt: skip
    for r in rows:
        if "p50_ms" not in r:
            lines.append(f"| {r['investigation']} | {r['case']} | 0 | {r['error']} | | | | |")
            continue
        case = r["case"] + (", then a call over the timeout" if "error" in r else "")
        head = f"| {r['investigation']} | {case} | {r['runs']} | {r['p50_ms']} | {r['p95_ms']} | "
        lines.append(head + f"{r['return1_p50_ms']} / {r['return1_p95_ms']} | {r['ratio_p50']} | {r['ratio_p95']} |")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("sizes", type=int, nargs="+")
    parser.add_argument("--rounds", type=int, default=30)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--only", nargs="*", default=[], help="only these investigations")
    parser.add_argument("--pagecache", default="4g", help="the server's page cache (Neo4j sizes, e.g. 8g)")
    args = parser.parse_args()
    OUT.mkdir(parents=True, exist_ok=True)
    for nodes in args.sizes:
        made = build(nodes, args.seed)
        with serve(graph_dir(nodes, args.seed), pagecache=args.pagecache, timeout_s=TIMEOUT_S) as graph:
            cases = [c for c in pick_cases(graph) if not args.only or c.investigation in args.only]
            rows = measure(graph, cases, args.rounds)
        result = {"built": made.__dict__, "rounds": args.rounds, "pagecache": args.pagecache, "results": rows}
        suffix = ("-" + "-".join(args.only) if args.only else "") + f"-pc{args.pagecache}"
        (OUT / f"latency-{nodes}{suffix}.json").write_text(json.dumps(result, indent=2, default=str))
        print(table(nodes, made.__dict__, rows), flush=True)


if __name__ == "__main__":
    main()
