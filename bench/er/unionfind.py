"""Union-find whose roots remember the birth date and nationality their cluster holds, to refuse conflicting unions."""

from __future__ import annotations

from collections.abc import Sequence

Facts = tuple[str | None, str | None]  # (birth date, nationality)


def _merge(a: str | None, b: str | None) -> tuple[bool, str | None]:
    """Whether two optional values agree, and the value the merged cluster holds."""
    if a and b and a != b:
        return False, a
    return True, a or b


class UnionFind:
    """Disjoint sets over positions 0..n-1 with path halving and union by size."""

    def __init__(self, facts: Sequence[Facts]) -> None:
        self.parent = list(range(len(facts)))
        self.size = [1] * len(facts)
        self.facts = list(facts)

    def find(self, i: int) -> int:
        """The root of `i`'s set."""
        parent = self.parent
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    def union(self, i: int, j: int, guarded: bool = True) -> bool:
        """Join the sets of `i` and `j`; with `guarded`, refuse (return False) when their facts conflict."""
        a, b = self.find(i), self.find(j)
        if a == b:
            return True
        (date_a, nat_a), (date_b, nat_b) = self.facts[a], self.facts[b]
        dates_agree, date = _merge(date_a, date_b)
        nats_agree, nat = _merge(nat_a, nat_b)
        if guarded and not (dates_agree and nats_agree):
            return False
        if self.size[a] < self.size[b]:
            a, b = b, a
        self.parent[b] = a
        self.size[a] += self.size[b]
        self.facts[a] = (date, nat)
        return True

    def labels(self) -> list[int]:
        """The root of every position: equal labels, same cluster."""
        return [self.find(i) for i in range(len(self.parent))]
