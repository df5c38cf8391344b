"""Pairwise precision, recall and F1 of a clustering against the true entities, counted without listing pairs."""

from __future__ import annotations

from collections import Counter
from collections.abc import Hashable, Sequence
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class PairScores:
    """Pair counts and the pairwise precision, recall and F1 they give."""

    true_pairs: int
    predicted_pairs: int
    correct_pairs: int

    @property
    def precision(self) -> float:
        """Share of predicted same-entity pairs that are true; 1.0 when nothing is predicted."""
        return self.correct_pairs / self.predicted_pairs if self.predicted_pairs else 1.0

    @property
    def recall(self) -> float:
        """Share of true same-entity pairs that are predicted; 1.0 when there are none."""
        return self.correct_pairs / self.true_pairs if self.true_pairs else 1.0

    @property
    def f1(self) -> float:
        """Harmonic mean of precision and recall."""
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def _pairs(counts: Counter[Any]) -> int:
    return sum(c * (c - 1) // 2 for c in counts.values())


def pair_scores(truth: Sequence[Hashable], predicted: Sequence[Hashable]) -> PairScores:
    """Compare two labellings of the same mentions (any labels: ints, node uids): pairs in one cluster in
    each, and in both."""
    both: Counter[tuple[Hashable, Hashable]] = Counter(zip(truth, predicted, strict=True))
    return PairScores(_pairs(Counter(truth)), _pairs(Counter(predicted)), _pairs(both))
