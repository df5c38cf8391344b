"""How long linking one new incident takes against graphs of 10k to 1M resolved persons, in one run.

    python -m bench.link_latency --sizes 10000 100000 1000000 --repeats 15

For each size a throw-away Neo4j (the project's own start code) is filled with that many persons
(one per synthetic identity of bench/er/generate.py, each with a name, a nationality and, for half
of them, a phone) through the loader's own batched Cypher, and one incident naming a known person in
another spelling and a known phone is linked `repeats` times. Printed per size: the median and 95th
percentile of the whole link (extraction included), of extraction alone, and of the graph part
(their difference), so sizes can be compared within the run on this shared machine.
"""

from __future__ import annotations

import argparse
import statistics
import time
from collections.abc import Iterator
from typing import Any

from bench.er.generate import Mention, iter_mentions
from bench.throwaway import throwaway_graph
from graph import keys
from graph.db import Graph
from graph.names import name_key
from graph.visibility import LOCAL_OPERATOR, scope_for
from ingest.document import SourceDocument, normalise_text
from ingest.extract import build_pipeline, extract
from ingest.link import link_incident
from ingest.load import Prepared, write_reports
from ingest.load_rows import LoadPlan

BATCH = 5000
REPORT = "bench-report"


def persons(n: int, seed: int) -> Iterator[Mention]:
    """The first mention of each of n identities (a resolved person per identity)."""
    seen: set[int] = set()
    for mention in iter_mentions(n * 4, seed):
        if mention.entity_id not in seen:
            seen.add(mention.entity_id)
            yield mention
            if len(seen) == n:
                return


def _plan(batch: list[Mention]) -> LoadPlan:
    """The rows the product's loader writes for these persons and their phones (one bench report)."""
    plan = LoadPlan()
    for m in batch:
        uid = plan.node(f"per-bench-{m.entity_id}", "Person",
                        {"name": m.name, "name_key": name_key(m.name), "nationality": m.nationality})  # fmt: skip
        if m.phone:
            phone = plan.node(keys.identifier_uid("phone", m.phone), "Phone", {"value": m.phone}, confidence=0.9)
            plan.link(uid, "HAS_PHONE", phone, REPORT, confidence=0.9)
    return plan


def fill(graph: Graph, people: list[Mention]) -> None:
    """The people as statements of one network report, written by the loader's own queries."""
    report = {"uid": REPORT, "source": "bench", "releasability": "network", "scope": "net"}
    for start in range(0, len(people), BATCH):
        part = Prepared(report, _plan(people[start : start + BATCH]), None)
        graph.write_transaction(lambda tx, part=part: write_reports(tx, graph, [part]))
    graph.driver.execute_query("CALL db.awaitIndexes(600)")


def incident(people: list[Mention]) -> str:
    target = next(p for p in people[len(people) // 2 :] if p.phone and len(p.name.split()) >= 2)
    other = next(p for p in people[len(people) // 3 :] if p.phone and p is not target)
    given, *rest = target.name.split()
    return (f"On 2 December 2026 police at Kapitan Andreevo stopped a van with 8 Afghan migrants. The driver, "
            f"{given.upper()} {' '.join(rest)}, had called {other.phone} twice that night.")  # fmt: skip


def measure(size: int, repeats: int, seed: int, nlp: Any) -> dict[str, float]:
    people = list(persons(size, seed))
    with throwaway_graph(heap="2g", pagecache="2g") as graph:
        started = time.perf_counter()
        fill(graph, people)
        loaded = time.perf_counter() - started
        doc = SourceDocument(source="bench:incident", text=normalise_text(incident(people)), media_type="text/plain")
        scope = scope_for(graph, LOCAL_OPERATOR)
        link_incident(graph, scope, nlp, doc)  # warm the caches and the planner once
        whole, extraction = [], []
        for _ in range(repeats):
            t0 = time.perf_counter()
            extract(doc, nlp)
            t1 = time.perf_counter()
            result = link_incident(graph, scope_for(graph, LOCAL_OPERATOR), nlp, doc)
            t2 = time.perf_counter()
            extraction.append(t1 - t0)
            whole.append(t2 - t1)
    graph_part = [w - e for w, e in zip(whole, extraction, strict=True)]
    found = sum(len(m.candidates) for m in result.matches)
    return {"size": size, "load_s": loaded, "whole_ms": statistics.median(whole) * 1000,
            "whole_p95_ms": _p95(whole) * 1000, "extract_ms": statistics.median(extraction) * 1000,
            "graph_ms": statistics.median(graph_part) * 1000, "graph_p95_ms": _p95(graph_part) * 1000,
            "candidates": found}  # fmt: skip


def _p95(values: list[float]) -> float:
    return sorted(values)[max(0, round(0.95 * len(values)) - 1)]


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000])
    parser.add_argument("--repeats", type=int, default=15)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args(argv)
    nlp = build_pipeline()
    print("persons   load s   link median ms   link p95 ms   extraction ms   graph part ms   graph p95 ms   candidates")
    for size in args.sizes:
        r = measure(size, args.repeats, args.seed, nlp)
        print(f"{r['size']:>8}  {r['load_s']:>7.1f}  {r['whole_ms']:>15.1f}  {r['whole_p95_ms']:>12.1f}  "
              f"{r['extract_ms']:>14.1f}  {r['graph_ms']:>14.1f}  {r['graph_p95_ms']:>13.1f}  {r['candidates']:>10}",
              flush=True)  # fmt: skip


if __name__ == "__main__":
    main()
