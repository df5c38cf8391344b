"""A blocked resolver for benchmark mentions: candidate pairs from shared keys, the product's judgement, clusters.

1. **Blocks.** Each mention goes into the blocks of its `blocking_keys(name)` (phonetic keys of its two rarest
   tokens, and its kunya), of those two keys together, of its phone number and of its birth date (unless it is a
   1 January placeholder). A pair is compared once, in the smallest block the two share.
2. **Giant blocks** (more than `max_block` mentions, e.g. everyone called Mohammed with no rarer name) are not
   compared all-pairs: their mentions are sorted by name tokens (rarest first) and birth date, and each is compared
   with the next `window` ones (sorted neighbourhood). The pairs left out are counted as skipped.
3. **Judgement** is the product's: `ingest.resolve.evidence.weigh` (name comparison, how rare the name is among all
   the mentions, birth date, nationality, shared phone); a pair is linked when it decides `merge`.
4. **Clusters.** Union-find over the linked pairs, strongest first. `guarded` clustering refuses a union whose two
   clusters already hold different birth dates or nationalities, so one weak link cannot chain two people together.
"""

from __future__ import annotations

import itertools
import multiprocessing
import time
from collections import defaultdict
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

from bench.er.generate import Mention
from bench.er.unionfind import UnionFind
from ingest.resolve.evidence import MERGE_AT, PLACEHOLDER_DAY, Evidence, weigh
from ingest.resolve.names import blocking_keys, normalise_person_name
from ingest.resolve.phonetic import consonants
from ingest.resolve.rarity import NameCounts

MAX_BLOCK = 40
WINDOW = 10


@dataclass(frozen=True)
class Params:
    """Resolver settings: block cap, sorted-neighbourhood window, merge threshold (the product's default),
    guarded clustering, processes that judge pairs."""

    max_block: int = MAX_BLOCK
    window: int = WINDOW
    merge_at: float = MERGE_AT
    guarded: bool = True
    workers: int = 1


@dataclass
class Counters:
    """What the resolver did: blocks, pairs compared and skipped, links made and refused, seconds taken."""

    mentions: int = 0
    blocks: int = 0
    giant_blocks: int = 0
    compared: int = 0
    skipped: int = 0
    same_pairs: int = 0
    not_linked: int = 0
    refused_unions: int = 0
    seconds: float = 0.0


@dataclass
class Resolution:
    """Predicted cluster label per mention (by position in the input) and the counters."""

    labels: list[int]
    counters: Counters
    same_pairs: list[tuple[float, int, int]] = field(default_factory=list)


def record(m: Mention) -> dict[str, Any]:
    """A mention as the product's resolver sees a person: name, nationality, birth date, identifiers."""
    return {"name": m.name, "nationality": m.nationality, "birth_date": m.birth_date,
            "identifiers": [m.phone] if m.phone else [],
            "organisations": [m.organisation] if m.organisation else []}  # fmt: skip


def judge(a: Mention, b: Mention, counts: NameCounts, merge_at: float = MERGE_AT) -> Evidence:
    """The product's verdict on two mentions, with name rarity counted over `counts`."""
    return weigh(record(a), record(b), merge_at, merge_at, counts)


def _keys(m: Mention) -> tuple[str, ...]:
    names = sorted(blocking_keys(m.name))
    keys = ["n:" + k for k in names]
    keys += ["nn:" + "|".join(pair) for pair in itertools.combinations(token_keys(m.name), 2)]
    if m.phone:
        keys.append("p:" + m.phone)
    if m.birth_date and not m.birth_date.endswith(PLACEHOLDER_DAY):
        keys.append("d:" + m.birth_date)
    return tuple(keys)


def token_keys(name: str) -> list[str]:
    """Consonant keys of the name's full tokens, sorted: any two of them together make a small block."""
    return sorted({consonants(t.canon) for t in normalise_person_name(name).tokens if not t.initial})


def _sort_key(m: Mention) -> tuple[str, str]:
    tokens = sorted(normalise_person_name(m.name).tokens, key=lambda t: (t.weight, t.canon), reverse=True)
    return " ".join(t.canon for t in tokens), m.birth_date or ""


def candidate_pairs(
    mentions: Sequence[Mention], counters: Counters, max_block: int = MAX_BLOCK, window: int = WINDOW
) -> Iterator[tuple[int, int]]:
    """Pairs of mention positions that share a block, each once; giant blocks by sorted neighbourhood."""
    keys = [_keys(m) for m in mentions]
    blocks: dict[str, list[int]] = defaultdict(list)
    for i, ks in enumerate(keys):
        for k in ks:
            blocks[k].append(i)
    counters.blocks = len(blocks)
    rank = {key: (len(members), key) for key, members in blocks.items()}
    windowed: set[tuple[int, int]] = set()  # pairs reached in giant blocks, where the smallest-block rule fails
    for key, members in blocks.items():
        n = len(members)
        if n <= max_block:
            for p in range(n):
                for q in range(p + 1, n):
                    i, j = members[p], members[q]
                    if min(rank[k] for k in keys[i] if k in keys[j]) == rank[key]:
                        yield i, j
            continue
        counters.giant_blocks += 1
        ordered = sorted(members, key=lambda i: _sort_key(mentions[i]))
        for p in range(n):
            for q in range(p + 1, min(n, p + 1 + window)):
                i, j = sorted((ordered[p], ordered[q]))
                if any(blocks_small(blocks, k, max_block) for k in keys[i] if k in keys[j]) or (i, j) in windowed:
                    continue
                windowed.add((i, j))
                yield i, j
        counters.skipped += n * (n - 1) // 2 - sum(min(window, n - 1 - p) for p in range(n))


def blocks_small(blocks: dict[str, list[int]], key: str, max_block: int) -> bool:
    """Whether `key`'s block is compared all-pairs (so its pairs need no windowing)."""
    return len(blocks[key]) <= max_block


_Work = tuple[Sequence[Mention], NameCounts, Params]
_work: _Work | None = None  # what forked workers judge, set by the parent before it forks


def _judge_share(worker: int) -> tuple[list[tuple[float, int, int]], Counters]:
    """Judge every `params.workers`-th candidate pair, starting at `worker`: the linked ones and the counts."""
    assert _work is not None
    mentions, counts, params = _work
    counters = Counters()
    found = []
    for n, (i, j) in enumerate(candidate_pairs(mentions, counters, params.max_block, params.window)):
        if n % params.workers != worker:
            continue
        counters.compared += 1
        evidence = judge(mentions[i], mentions[j], counts, params.merge_at)
        if evidence.decision == "merge":
            found.append((evidence.score, i, j))
        elif evidence.score > 0:
            counters.not_linked += 1
    return found, counters


def linked_pairs(mentions: Sequence[Mention], counters: Counters, params: Params) -> list[tuple[float, int, int]]:
    """The candidate pairs the product's judgement would merge, with their scores (in `params.workers`
    forked processes, each judging its share of the same candidate sequence)."""
    global _work
    _work = (mentions, NameCounts.of_names(m.name for m in mentions), params)
    try:
        if params.workers == 1:
            shares = [_judge_share(0)]
        else:
            with multiprocessing.get_context("fork").Pool(params.workers) as pool:
                shares = pool.map(_judge_share, range(params.workers))
    finally:
        _work = None
    found = [pair for share, _ in shares for pair in share]
    first = shares[0][1]
    counters.blocks, counters.giant_blocks, counters.skipped = first.blocks, first.giant_blocks, first.skipped
    counters.compared = sum(c.compared for _, c in shares)
    counters.not_linked = sum(c.not_linked for _, c in shares)
    counters.same_pairs = len(found)
    return found


def cluster(
    mentions: Sequence[Mention], pairs: list[tuple[float, int, int]], counters: Counters, guarded: bool = True
) -> list[int]:
    """Cluster labels from linked pairs, strongest first; `guarded` refuses unions that join conflicting facts."""
    uf = UnionFind([(m.birth_date, m.nationality) for m in mentions])
    for _, i, j in sorted(pairs, reverse=True):
        if not uf.union(i, j, guarded):
            counters.refused_unions += 1
    return uf.labels()


def resolve(mentions: Sequence[Mention], params: Params = Params()) -> Resolution:
    """Resolve mentions into clusters without comparing everything with everything."""
    counters = Counters(mentions=len(mentions))
    start = time.perf_counter()
    pairs = linked_pairs(mentions, counters, params)
    labels = cluster(mentions, pairs, counters, params.guarded)
    counters.seconds = time.perf_counter() - start
    return Resolution(labels, counters, pairs)
