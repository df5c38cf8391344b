"""How rare a name is among the persons already known, and so how many namesakes to expect.

Two records whose names agree are one person only if few other people carry that name. Each name is
reduced to its content keys (the consonants of every full token, and the kunya); what two names
share is the keys both carry, or carry one letter apart (a misspelt part is no evidence of a rare
name). Known person records are counted per key and per pair of keys; the share of records carrying
all the shared keys is then estimated as a chain over them, P(k1, k2) x P(k3 | k2) x ..., from the pair counts, so that
parts that travel together (an Albanian given name with an Albanian father's name) are not taken for
independent draws. Counts are smoothed towards a prior from the lexicon, so that a young graph does not
take "Mohammed" for a rare name, and the two records being compared are left out of the counts. The
expected number of namesakes is the number of other people (records over records per person) times
that share.
"""

from __future__ import annotations

import itertools
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from rapidfuzz.distance import Levenshtein

from ingest.resolve.lexicon import COMMON_WEIGHT, SURNAME_WEIGHT, VERY_COMMON_WEIGHT
from ingest.resolve.names import ParsedName, normalise_person_name
from ingest.resolve.phonetic import consonants

INITIAL_SHARE = 0.1  # an initial fits about one name in ten
PRIOR_WEIGHT = 50.0  # the prior counts as this many records
BASE_POPULATION = 5  # people not (yet) in the graph who may carry a name, even in an empty graph
RECORDS_PER_PERSON = 2.5  # a person is named in about this many records: counts are of records, not people
PRIOR_AFFINITY = 3.0  # before any counts, two name parts are assumed this much likelier together than apart
LONE_PART_NAMESAKES = 1.0  # a single name part in common ("Faruk", "Demir") is someone else's too, somewhere
MAX_KEYS = 5  # a name's content beyond five parts adds nothing measurable
NEAR_KEY_MIN = 3  # keys this long or longer meet at one letter apart
PAIR = "|"
_PRIOR_SHARE = {VERY_COMMON_WEIGHT: 0.08, COMMON_WEIGHT: 0.03, SURNAME_WEIGHT: 0.01}
_OTHER_PRIOR = 0.003


def content_keys(parsed: ParsedName) -> list[str]:
    """The keys a name's rarity is counted on, sorted: its full tokens' consonants (so that most spellings of
    a name meet) and its kunya, each once."""
    keys = {consonants(t.canon) for t in parsed.tokens if not t.initial}
    if parsed.kunya_key:
        keys.add(parsed.kunya_key)
    return sorted(keys)[:MAX_KEYS]


def counted_keys(parsed: ParsedName) -> list[str]:
    """Every key a record of this name adds to the counts: its content keys and each pair of them."""
    keys = content_keys(parsed)
    return keys + [a + PAIR + b for a, b in itertools.combinations(keys, 2)]


def name_keys(name: str) -> list[str]:
    """`counted_keys` of a person name as written."""
    return counted_keys(normalise_person_name(name))


def _prior(parsed: ParsedName, key: str) -> float:
    weight = next((t.weight for t in parsed.tokens if consonants(t.canon) == key), 1.0)
    return _PRIOR_SHARE.get(weight, _OTHER_PRIOR)


@dataclass
class NameCounts:
    """How many known person records carry each key (and pair of keys), out of how many records in all."""

    population: int = 0
    counts: Mapping[str, int] = field(default_factory=Counter)

    @classmethod
    def of_names(cls, names: Iterable[str]) -> NameCounts:
        """Counts over a collection of person names (one record per name)."""
        counts: Counter[str] = Counter()
        population = 0
        for name in names:
            population += 1
            counts.update(name_keys(name))
        return cls(population, counts)

    def _share(self, key: str, prior: float, own: Mapping[str, int]) -> float:
        count = max(self.counts.get(key, 0) - own.get(key, 0), 0)
        return (count + PRIOR_WEIGHT * prior) / (max(self.population - 2, 0) + PRIOR_WEIGHT)

    def specificity(self, keys: list[str], priors: Mapping[str, float], initials: int, own: Mapping[str, int]) -> float:
        """The share of other records whose name carries all these (sorted) keys and `initials` initials."""
        share = self._share(keys[0], priors[keys[0]], own) if keys else 1.0
        for before, key in itertools.pairwise(keys):
            pair_prior = min(1.0, PRIOR_AFFINITY * priors[before] * priors[key])
            share *= self._share(before + PAIR + key, pair_prior, own) / self._share(before, priors[before], own)
        return min(share, 1.0) * INITIAL_SHARE**initials

    def _shared_keys(self, a: list[str], b: list[str]) -> list[str]:
        """Keys both names carry; a key one letter from one of the other's ("thrz"/"thrzy") counts as shared,
        as the commoner of the two."""
        shared = set(a) & set(b)
        rest_b = [k for k in b if k not in shared]
        for key in (k for k in a if k not in shared):
            near = next((k for k in rest_b if min(len(k), len(key)) >= NEAR_KEY_MIN
                         and Levenshtein.distance(k, key, score_cutoff=1) <= 1), None)  # fmt: skip
            if near is not None:
                rest_b.remove(near)
                shared.add(max(key, near, key=lambda k: self.counts.get(k, 0)))
        return sorted(shared)

    def expected_namesakes(self, a: ParsedName, b: ParsedName) -> float:
        """How many other people are expected to carry what the names `a` and `b` have in common: the keys
        both carry (a misspelt part is no evidence of a rare name) and the initials either has."""
        shared = self._shared_keys(content_keys(a), content_keys(b))
        priors = {k: max(_prior(a, k), _prior(b, k)) for k in shared}
        initials = max(sum(t.initial for t in a.tokens), sum(t.initial for t in b.tokens))
        own = Counter(counted_keys(a)) + Counter(counted_keys(b))
        looser = self.specificity(shared, priors, initials, own)
        namesakes = (max(self.population - 2, 0) / RECORDS_PER_PERSON + BASE_POPULATION) * looser
        lone_part = len(shared) + initials == 1 and not (a.kunya_key and a.kunya_key == b.kunya_key)
        return max(namesakes, LONE_PART_NAMESAKES) if lone_part else namesakes
