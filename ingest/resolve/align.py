"""Align the tokens of two parsed names: best pairs first, whatever the order, joined words split to fit."""

from __future__ import annotations

from dataclasses import dataclass
from itertools import pairwise

from ingest.resolve.names import Token, make_token
from ingest.resolve.phonetic import skeleton
from ingest.resolve.tokens import TokenMatch, token_match

MATCH_MIN = 0.7


@dataclass(frozen=True)
class Pair:
    """Token i of name A aligned with token j of name B."""

    i: int
    j: int
    match: TokenMatch


@dataclass(frozen=True)
class Alignment:
    """Aligned pairs and the indices left over on each side."""

    a: tuple[Token, ...]
    b: tuple[Token, ...]
    pairs: tuple[Pair, ...]
    left_a: tuple[int, ...]
    left_b: tuple[int, ...]


def _merge_joined(side: tuple[Token, ...], other: tuple[Token, ...]) -> tuple[Token, ...]:
    """Join adjacent tokens of `side` that the other name writes as one word ("Gebre Medhin" / "Gebremedhin")."""
    keys = {t.key for t in other if not t.initial}
    stems = {t.stem for t in other}
    out = list(side)
    i = 0
    while i < len(out) - 1:
        first, second = out[i], out[i + 1]
        joined = first.stem + second.stem
        if not (first.initial or second.initial or first.prefix or second.prefix) and (
            joined in stems or skeleton(joined) in keys
        ):
            out[i : i + 2] = [make_token(joined)]
        i += 1
    return tuple(out)


def align(a: tuple[Token, ...], b: tuple[Token, ...]) -> Alignment:
    """Greedy one-to-one alignment on token similarity, ties broken by position."""
    a, b = _merge_joined(a, b), _merge_joined(b, a)
    scored = []
    for i, ta in enumerate(a):
        for j, tb in enumerate(b):
            match = token_match(ta, tb)
            if match.score >= MATCH_MIN:
                scored.append((-match.score, abs(i - j), i, j, match))
    scored.sort(key=lambda row: row[:4])
    pairs: list[Pair] = []
    used_a: set[int] = set()
    used_b: set[int] = set()
    for _, _, i, j, match in scored:
        if i not in used_a and j not in used_b:
            pairs.append(Pair(i, j, match))
            used_a.add(i)
            used_b.add(j)
    pairs.sort(key=lambda p: p.i)
    left_a = tuple(i for i in range(len(a)) if i not in used_a)
    left_b = tuple(j for j in range(len(b)) if j not in used_b)
    return Alignment(a, b, tuple(pairs), left_a, left_b)


def order_swapped(alignment: Alignment) -> bool:
    """True when the aligned tokens come in a different order in the two names."""
    js = [p.j for p in alignment.pairs]
    return any(x > y for x, y in pairwise(js))
