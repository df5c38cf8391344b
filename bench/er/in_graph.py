"""The product's own resolver, in Neo4j, scored on the synthetic mentions: one small report per mention.

    python -m bench.er.in_graph --mentions 2000 --seed 1

Each mention becomes a report naming one person (name, nationality, birth date), with the phone the
person uses and the network the person is a member of when the mention gives them. Every report goes
through the loader (`load_report`) and the resolver (`resolve_report`), in mention order, exactly as
`smugglegraph ingest` runs them, against a throw-away Neo4j started with the project's own code (or the
server NEO4J_URI names, if it is empty). A mention's predicted cluster is the person node its report
mentions at the end; pairwise precision, recall and F1 are counted as for `bench/er/run.py`.

What differs from the in-memory benchmark: candidates come from the full-text index and shared
identifiers (20 per person) instead of blocks; a person is weighed against merged nodes (every name and
alias they carry), as reports arrive, with name counts that grow as they do; two mentions whose names
fold to the same key (`graph/keys.py`) share a node from the start, before any resolution.
"""

from __future__ import annotations

import argparse
import time
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from bench.er.generate import Mention, generate
from bench.er.metrics import PairScores, pair_scores
from bench.throwaway import throwaway_graph
from graph.db import Graph
from ingest.document import SourceDocument
from ingest.extraction import Extraction
from ingest.load import ReportMeta, load_report
from ingest.resolve.evidence import MERGE_AT, REVIEW_AT
from ingest.resolve.resolver import resolve_report

NETWORK_KIND = "criminal_network"


@dataclass(frozen=True)
class InGraphResult:
    """Scores, what the resolver did, and how long loading and resolving took."""

    mentions: int
    scores: PairScores
    merged: int
    proposed: int
    seconds: float


def report_of(m: Mention) -> tuple[SourceDocument, Extraction]:
    """The one-person report that states what mention `m` says."""
    doc = SourceDocument(source=f"bench:mention:{m.mention_id}", text=f"bench mention {m.mention_id}: {m.name}",
                         media_type="text/plain")  # fmt: skip
    person: dict[str, Any] = {"name": m.name, "nationality": m.nationality, "birth_date": m.birth_date}
    relations, identifiers, organisations = [], [], []
    if m.phone:
        identifiers.append({"kind": "phone", "value": m.phone})
        relations.append({"subject": m.name, "predicate": "uses_identifier", "object": m.phone})
    if m.organisation:
        organisations.append({"name": m.organisation, "kind": NETWORK_KIND})
        relations.append({"subject": m.name, "predicate": "member_of", "object": m.organisation})
    extraction = Extraction.model_validate({
        "document": {"id": doc.id}, "persons": [person], "organisations": organisations,
        "identifiers": identifiers, "relations": relations,
    })  # fmt: skip
    return doc, extraction


def predicted_labels(graph: Graph, docs: Sequence[SourceDocument]) -> list[str]:
    """The person node each mention's report mentions now, in mention order."""
    rows = graph.driver.execute_query(
        "UNWIND $ids AS id MATCH (:Report {uid: id})-[:MENTIONS]->(p:Person) RETURN id, p.uid AS person",
        ids=[d.id for d in docs], database_=graph.database,
    ).records  # fmt: skip
    person = {r["id"]: r["person"] for r in rows}
    return [person[d.id] for d in docs]


def run(graph: Graph, mentions: Sequence[Mention], merge_at: float = MERGE_AT, review_at: float = REVIEW_AT,
        progress: bool = False) -> InGraphResult:  # fmt: skip
    """Load and resolve every mention's report into `graph` (expected empty), then score the clusters."""
    merged = proposed = 0
    docs = []
    started = time.perf_counter()
    for count, m in enumerate(mentions, 1):
        doc, extraction = report_of(m)
        load_report(graph, doc, extraction, ReportMeta())
        summary = resolve_report(graph, doc.id, merge_at, review_at)
        merged, proposed = merged + summary.merged, proposed + summary.proposed
        docs.append(doc)
        if progress and count % 500 == 0:
            print(f"  {count:,} reports in {time.perf_counter() - started:.0f} s", flush=True)
    seconds = time.perf_counter() - started
    scores = pair_scores([m.entity_id for m in mentions], predicted_labels(graph, docs))
    return InGraphResult(len(mentions), scores, merged, proposed, seconds)


def main(argv: list[str] | None = None) -> None:
    """Command line: `--mentions`, `--seed`."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mentions", type=int, default=2000)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args(argv)
    mentions = generate(args.mentions, args.seed)
    with throwaway_graph() as graph:
        result = run(graph, mentions, progress=True)
    s = result.scores
    print("| mentions | true pairs | predicted pairs | precision | recall | F1 | merges | proposals | seconds |")
    print("| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
    print(f"| {result.mentions:,} | {s.true_pairs:,} | {s.predicted_pairs:,} | {s.precision:.4f} | {s.recall:.4f} | "
          f"{s.f1:.4f} | {result.merged:,} | {result.proposed:,} | {result.seconds:.1f} |")  # fmt: skip


if __name__ == "__main__":
    main()
