"""Does the order reports arrive in change who is merged with whom? The in-graph resolver, in shuffled orders.

    python -m bench.er.order --mentions 1000 --orders 3 --seed 1

The same synthetic mentions (bench/er/generate.py) go through the loader and the resolver, one report
per mention, once in mention order and then in shuffled orders, each into an emptied throw-away Neo4j.
For every order it prints precision and recall against the truth, and the agreement of its clusters
with those of the first order, as pairwise precision and recall (1.0 and 1.0: the same clusters).
"""

from __future__ import annotations

import argparse
import random

from bench.er.generate import generate
from bench.er.in_graph import predicted_labels, report_of
from bench.er.metrics import pair_scores
from bench.throwaway import throwaway_graph
from ingest.load import ReportMeta, load_report
from ingest.resolve.resolver import resolve_report


def main(argv: list[str] | None = None) -> None:
    """Command line: `--mentions`, `--orders`, `--seed`."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mentions", type=int, default=1000)
    parser.add_argument("--orders", type=int, default=3)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args(argv)
    mentions = generate(args.mentions, args.seed)
    reports = [report_of(m) for m in mentions]
    truth = [m.entity_id for m in mentions]
    first: list[str] | None = None
    print("| order | precision | recall | same pairs as order 0: precision | recall |")
    print("| ---: | ---: | ---: | ---: | ---: |")
    with throwaway_graph() as graph:
        for order in range(args.orders):
            sequence = list(range(len(reports)))
            if order:
                random.Random(args.seed * 1000 + order).shuffle(sequence)
            graph.write("graph/delete_all_facts")
            for index in sequence:
                doc, extraction = reports[index]
                load_report(graph, doc, extraction, ReportMeta())
                resolve_report(graph, doc.id)
            labels = predicted_labels(graph, [doc for doc, _ in reports])
            first = first or labels
            vs_truth, vs_first = pair_scores(truth, labels), pair_scores(first, labels)
            print(f"| {order} | {vs_truth.precision:.4f} | {vs_truth.recall:.4f} | {vs_first.precision:.4f} | "
                  f"{vs_first.recall:.4f} |", flush=True)  # fmt: skip


if __name__ == "__main__":
    main()
