"""How many true pairs could any resolver tell from namesake pairs, given only what the mentions say?

    python -m bench.er.ambiguity --sizes 10000 100000 --seed 1

A true pair (two mentions of one identity) is **supported** when the two mentions share a phone or a
network, or both give a birth date: facts that a namesake would rarely match. Otherwise only the names
speak, and the pair is **ambiguous** when some other identity has a mention whose name carries everything
the two names have in common (the consonant keys both carry, as `ingest/resolve/rarity.py` counts them)
and whose identity's nationality does not contradict either mention. Linking an ambiguous pair on its
names means linking that namesake's mention as readily, so a resolver that keeps precision high must
leave most of them apart: the share of pairs that are supported or unambiguous is an estimate of the
recall reachable at high precision on this data (not a strict bound: a resolver may still guess right).
"""

from __future__ import annotations

import argparse
import itertools
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from functools import reduce

from bench.er.generate import Mention, generate
from ingest.resolve.names import normalise_person_name
from ingest.resolve.rarity import content_keys


@dataclass(frozen=True)
class Ambiguity:
    """True pairs by what could separate them from namesakes."""

    true_pairs: int
    supported: int
    unambiguous: int
    ambiguous: int

    @property
    def reachable(self) -> float:
        """Share of true pairs that facts or a namesake-free name could link."""
        return (self.supported + self.unambiguous) / self.true_pairs if self.true_pairs else 1.0


def _supported(a: Mention, b: Mention) -> bool:
    return bool(
        (a.phone and a.phone == b.phone) or (a.organisation and a.organisation == b.organisation)
        or (a.birth_date and b.birth_date)
    )  # fmt: skip


def measure(mentions: Sequence[Mention]) -> Ambiguity:
    """Count true pairs that are supported by facts, named without namesakes, or ambiguous."""
    keys = [frozenset(content_keys(normalise_person_name(m.name))) for m in mentions]
    nationality = {m.entity_id: m.nationality for m in mentions if m.nationality}
    carriers: dict[str, set[int]] = defaultdict(set)  # key -> identities with a mention carrying it
    for m, ks in zip(mentions, keys, strict=True):
        for k in ks:
            carriers[k].add(m.entity_id)
    by_entity: dict[int, list[int]] = defaultdict(list)
    for i, m in enumerate(mentions):
        by_entity[m.entity_id].append(i)
    namesakes_of: dict[frozenset[str], set[int]] = {}
    supported = unambiguous = ambiguous = 0
    for entity, positions in by_entity.items():
        for i, j in itertools.combinations(positions, 2):
            a, b = mentions[i], mentions[j]
            if _supported(a, b):
                supported += 1
                continue
            shared = keys[i] & keys[j]
            if shared not in namesakes_of:
                namesakes_of[shared] = reduce(set.intersection, (carriers[k] for k in shared)) if shared else set()
            stated = {n for n in (a.nationality, b.nationality) if n}
            others = (
                e for e in namesakes_of[shared]
                if e != entity and not (stated and nationality.get(e) and nationality[e] not in stated)
            )  # fmt: skip
            if not shared or next(others, None) is not None:
                ambiguous += 1
            else:
                unambiguous += 1
    return Ambiguity(supported + unambiguous + ambiguous, supported, unambiguous, ambiguous)


def main(argv: list[str] | None = None) -> None:
    """Command line: `--sizes`, `--seed`."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000])
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args(argv)
    print("| mentions | true pairs | supported by facts | names without namesakes | ambiguous | reachable share |")
    print("| ---: | ---: | ---: | ---: | ---: | ---: |")
    for size in args.sizes:
        r = measure(generate(size, args.seed))
        print(f"| {size:,} | {r.true_pairs:,} | {r.supported:,} | {r.unambiguous:,} | {r.ambiguous:,} | "
              f"{r.reachable:.3f} |", flush=True)  # fmt: skip


if __name__ == "__main__":
    main()
