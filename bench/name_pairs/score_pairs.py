"""Accuracy of `compare_names` against a plain rapidfuzz baseline on labelled name pairs.

Run: python bench/name_pairs/score_pairs.py [PAIRS.csv]   (CSV header: name1,name2,kind,label)

Decision accuracy counts `same` against `same` labels and anything else (`unsure`, `different`)
against `different` labels. The baselines get their best threshold chosen on the same pairs,
which flatters them; the method's thresholds are its fixed module constants.
"""

from __future__ import annotations

import csv
import sys
import time
from collections.abc import Callable
from pathlib import Path

from rapidfuzz import fuzz
from rapidfuzz.utils import default_process

from ingest.resolve.compare import compare_names

HERE = Path(__file__).resolve().parent


def _load(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def _best_threshold(scores: list[float], gold: list[bool]) -> tuple[float, float]:
    """Threshold on `score >= t` that maximises accuracy, and that accuracy."""
    best = (0.0, 0.0)
    for t in [*sorted(set(scores)), 101.0]:
        acc = sum((s >= t) == g for s, g in zip(scores, gold, strict=True)) / len(gold)
        if acc > best[1]:
            best = (t, acc)
    return best


def main(path: Path) -> None:
    rows = _load(path)
    gold = [r["label"].strip() == "same" for r in rows]
    started = time.perf_counter()
    results = [compare_names(r["name1"], r["name2"], r["kind"] or "person") for r in rows]
    per_pair_ms = (time.perf_counter() - started) * 1000 / len(rows)
    predicted = [r.decision == "same" for r in results]
    accuracy = sum(p == g for p, g in zip(predicted, gold, strict=True)) / len(rows)
    print(f"pairs: {len(rows)} ({sum(gold)} same, {len(rows) - sum(gold)} different)")
    print(f"compare_names  decision accuracy {accuracy:.3f}  (cold {per_pair_ms:.3f} ms/pair)")
    unsure = sum(r.decision == "unsure" for r in results)
    print(f"               unsure on {unsure} pairs; false same: "
          f"{sum(p and not g for p, g in zip(predicted, gold, strict=True))}; "
          f"missed same: {sum(g and not p for p, g in zip(predicted, gold, strict=True))}")  # fmt: skip
    scorers: dict[str, Callable[..., float]] = {
        "fuzz.ratio": fuzz.ratio,
        "fuzz.token_sort_ratio": fuzz.token_sort_ratio,
    }
    for name, scorer in scorers.items():
        scores = [scorer(r["name1"], r["name2"], processor=default_process) for r in rows]
        threshold, acc = _best_threshold(scores, gold)
        print(f"{name:<22} best accuracy {acc:.3f}  at threshold {threshold:.1f} (chosen on these pairs)")
    if "-v" in sys.argv:
        for row, result, g in zip(rows, results, gold, strict=True):
            if (result.decision == "same") != g:
                print(
                    f"  WRONG {row['label']:<9} {result.decision:<9} {result.score:.2f}"
                    f"  {row['name1']} | {row['name2']}"
                    f"  [{'; '.join(result.reasons)}]"
                )


if __name__ == "__main__":
    args = [a for a in sys.argv[1:] if not a.startswith("-")]
    main(Path(args[0]) if args else HERE / "dev_pairs.csv")
