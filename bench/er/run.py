"""Run the entity-resolution benchmark: quality and cost of the blocked resolver per size, against all-pairs.

    python -m bench.er.run --sizes 1000 10000 100000 --seed 1

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
from bench.er.resolve import Counters, Params, cluster, compare_cached, judge, resolve, signature


@dataclass(frozen=True)
class Row:
    """One size's result."""

    size: int
    scores: PairScores
    counters: Counters


def all_pairs(mentions: Sequence[Mention], params: Params) -> tuple[PairScores, float, int]:
    """Judge every pair (no blocking): scores, seconds and pairs compared, for the baseline."""
    compare_cached.cache_clear()
    start = time.perf_counter()
    signatures = [signature(m.name) for m in mentions]
    frequency: dict[str, int] = {}
    for s in signatures:
        frequency[s] = frequency.get(s, 0) + 1
    found = []
    for i in range(len(mentions)):
        for j in range(i + 1, len(mentions)):
            name = compare_cached(mentions[i].name, mentions[j].name)
            distinctive = signatures[i] == signatures[j] and frequency[signatures[i]] <= params.max_frequency
            if judge(mentions[i], mentions[j], name, distinctive):
                found.append((name.score, i, j))
    labels = cluster(mentions, found, Counters(), params.guarded)
    seconds = time.perf_counter() - start
    return pair_scores([m.entity_id for m in mentions], labels), seconds, len(mentions) * (len(mentions) - 1) // 2


def growth_exponent(sizes: Sequence[int], values: Sequence[float]) -> float:
    """Least-squares slope of log(value) against log(size): 1 is linear growth, 2 quadratic."""
    xs, ys = [math.log(s) for s in sizes], [math.log(max(v, 1e-9)) for v in values]
    mx, my = sum(xs) / len(xs), sum(ys) / len(ys)
    return sum((x - mx) * (y - my) for x, y in zip(xs, ys, strict=True)) / sum((x - mx) ** 2 for x in xs)


def run_size(size: int, seed: int, params: Params) -> Row:
    """Generate `size` mentions and resolve them with a cold comparison cache."""
    mentions = generate(size, seed)
    compare_cached.cache_clear()
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
    print("| mentions | blocks | same pairs | name-matches not linked (evidence) | unions refused (guard) | "
          "comparator errors |")  # fmt: skip
    print("| ---: | ---: | ---: | ---: | ---: | ---: |")
    for r in rows:
        c = r.counters
        print(f"| {r.size:,} | {c.blocks:,} | {c.same_pairs:,} | {c.vetoed:,} | {c.refused_unions:,} | {c.errors:,} |")


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
    """Command line: `--sizes`, `--seed`, `--all-pairs-size`."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000, 100000])
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--all-pairs-size", type=int, default=1000, help="size on which all-pairs is timed")
    args = parser.parse_args(argv)
    params = Params()
    print(f"seed {args.seed}, {params}")
    rows = []
    for size in sorted(args.sizes):
        rows.append(run_size(size, args.seed, params))
        print(f"  done {size:,} mentions in {rows[-1].counters.seconds:.1f} s", flush=True)
    base = args.all_pairs_size
    scores, seconds, _ = all_pairs(generate(base, args.seed), params)
    print()
    print_rows(rows)
    print_comparison(rows, base, seconds, scores)


if __name__ == "__main__":
    main()
