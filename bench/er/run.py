"""Run the entity-resolution benchmark: quality and cost of the blocked resolver per size, against all-pairs.

    python -m bench.er.run --sizes 1000 10000 100000 --seed 1 --workers 2

Prints a Markdown table per run. The speed claim rests on two things measured in this one run: the blocked
resolver's time per size, and an all-pairs resolver (same judgement, every pair) timed on the smallest size only;
all-pairs figures for larger sizes are extrapolated from that, in proportion to n*(n-1)/2, and labelled so.
"""

from __future__ import annotations

import argparse
import math
import time
from collections.abc import Sequence
from dataclasses import dataclass

from bench.er.generate import Mention, generate
from bench.er.metrics import PairScores, pair_scores
from bench.er.resolve import Counters, Params, cluster, judge, resolve
from ingest.resolve.rarity import NameCounts


@dataclass(frozen=True)
class Row:
    """One size's result."""

    size: int
    scores: PairScores
    counters: Counters


def all_pairs(mentions: Sequence[Mention], params: Params) -> tuple[PairScores, float, int]:
    """Judge every pair (no blocking): scores, seconds and pairs compared, for the baseline."""
    start = time.perf_counter()
    counts = NameCounts.of_names(m.name for m in mentions)
    found = []
    for i in range(len(mentions)):
        for j in range(i + 1, len(mentions)):
            evidence = judge(mentions[i], mentions[j], counts, params.merge_at)
            if evidence.decision == "merge":
                found.append((evidence.score, i, j))
    labels = cluster(mentions, found, Counters(), params.guarded)
    seconds = time.perf_counter() - start
    return pair_scores([m.entity_id for m in mentions], labels), seconds, len(mentions) * (len(mentions) - 1) // 2


def growth_exponent(sizes: Sequence[int], values: Sequence[float]) -> float:
    """Least-squares slope of log(value) against log(size): 1 is linear growth, 2 quadratic."""
    xs, ys = [math.log(s) for s in sizes], [math.log(max(v, 1e-9)) for v in values]
    mx, my = sum(xs) / len(xs), sum(ys) / len(ys)
    return sum((x - mx) * (y - my) for x, y in zip(xs, ys, strict=True)) / sum((x - mx) ** 2 for x in xs)


def without_networks(mentions: Sequence[Mention]) -> list[Mention]:
    """The same mentions with the network each names left out (to see what that evidence contributes)."""
    return [m._replace(organisation=None) for m in mentions]


def run_size(size: int, seed: int, params: Params, networks: bool = True) -> Row:
    """Generate `size` mentions (with or without the networks they name) and resolve them."""
    mentions = generate(size, seed) if networks else without_networks(generate(size, seed))
    result = resolve(mentions, params)
    return Row(size, pair_scores([m.entity_id for m in mentions], result.labels), result.counters)


def print_rows(rows: Sequence[Row]) -> None:
    """The quality and cost table."""
    print("| mentions | true pairs | predicted pairs | precision | recall | F1 | pairs compared | pairs skipped "
          "(giant blocks) | compared / mention | seconds |")  # fmt: skip
    print("| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
    for r in rows:
        s, c = r.scores, r.counters
        print(f"| {r.size:,} | {s.true_pairs:,} | {s.predicted_pairs:,} | {s.precision:.4f} | {s.recall:.4f} | "
              f"{s.f1:.4f} | {c.compared:,} | {c.skipped:,} ({c.giant_blocks}) | {c.compared / r.size:.1f} | "
              f"{c.seconds:.2f} |")  # fmt: skip
    print()
    print("| mentions | blocks | linked pairs | weighed, not linked | unions refused (guard) |")
    print("| ---: | ---: | ---: | ---: | ---: |")
    for r in rows:
        c = r.counters
        print(f"| {r.size:,} | {c.blocks:,} | {c.same_pairs:,} | {c.not_linked:,} | {c.refused_unions:,} |")


def print_comparison(rows: Sequence[Row], base: int, base_seconds: float, base_scores: PairScores) -> None:
    """All-pairs vs blocked: comparisons and seconds, measured at `base`, extrapolated above it."""
    per_pair = base_seconds / (base * (base - 1) // 2)
    print(f"\nAll-pairs baseline measured on {base:,} mentions: {base_seconds:.2f} s, precision "
          f"{base_scores.precision:.4f}, recall {base_scores.recall:.4f}, F1 {base_scores.f1:.4f}.")  # fmt: skip
    print("\n| mentions | all-pairs comparisons | all-pairs seconds | blocked comparisons | blocked seconds |")
    print("| ---: | ---: | ---: | ---: | ---: |")
    for r in rows:
        pairs = r.size * (r.size - 1) // 2
        label = "measured" if r.size == base else "EXTRAPOLATED"
        print(
            f"| {r.size:,} | {pairs:,} | {pairs * per_pair:,.1f} ({label}) | {r.counters.compared:,} | "
            f"{r.counters.seconds:.2f} |"
        )
    if len(rows) > 1:
        sizes = [r.size for r in rows]
        t = growth_exponent(sizes, [r.counters.seconds for r in rows])
        c = growth_exponent(sizes, [float(r.counters.compared) for r in rows])
        print(f"\nLog-log growth exponent of blocked resolution over {sizes}: time {t:.2f}, pairs compared {c:.2f} "
              "(1 = linear, 2 = quadratic as all-pairs).")  # fmt: skip


def main(argv: list[str] | None = None) -> None:
    """Command line: `--sizes`, `--seed`, `--merge-at`, `--workers`, `--without-networks`, `--all-pairs-size`."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000, 100000])
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--merge-at", type=float, default=Params().merge_at, help="link pairs at this probability")
    parser.add_argument("--workers", type=int, default=1, help="processes that judge candidate pairs")
    parser.add_argument("--without-networks", action="store_true", help="leave out the networks mentions name")
    parser.add_argument("--all-pairs-size", type=int, default=1000, help="size on which all-pairs is timed (0: none)")
    args = parser.parse_args(argv)
    params = Params(merge_at=args.merge_at, workers=args.workers)
    print(f"seed {args.seed}, {params}, networks named: {not args.without_networks}")
    rows = []
    for size in sorted(args.sizes):
        rows.append(run_size(size, args.seed, params, not args.without_networks))
        print(f"  done {size:,} mentions in {rows[-1].counters.seconds:.1f} s", flush=True)
    print()
    print_rows(rows)
    base = args.all_pairs_size
    if not base:
        return
    mentions = generate(base, args.seed)
    scores, seconds, _ = all_pairs(mentions if not args.without_networks else without_networks(mentions), params)
    print_comparison(rows, base, seconds, scores)


if __name__ == "__main__":
    main()
