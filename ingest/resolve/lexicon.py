"""The name lexicon: titles, particles, kunya markers, variant groups and how common each name is.

Loaded once from `data/person.json`; every entry is folded the same way names are.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from importlib import resources

from ingest.resolve.fold import fold

VERY_COMMON_WEIGHT = 0.35
COMMON_WEIGHT = 0.6
SURNAME_WEIGHT = 0.8
GIVEN_NAME_BELOW = 0.7


@dataclass(frozen=True)
class Lexicon:
    """Folded word lists and lookups used to parse and weigh names."""

    titles: frozenset[str]
    particles: frozenset[str]
    hyphen_articles: frozenset[str]
    kunya_markers: frozenset[str]
    kunya_names: frozenset[str]
    canonical: dict[str, str]
    weights: dict[str, float]


def _folded(values: list[str]) -> frozenset[str]:
    return frozenset(fold(v) for v in values)


@cache
def lexicon() -> Lexicon:
    """The lexicon, read from the package data on first use."""
    text = resources.files("ingest.resolve.data").joinpath("person.json").read_text(encoding="utf-8")
    raw = json.loads(text)
    canonical: dict[str, str] = {}
    for group in raw["variants"]:
        head = fold(group[0])
        for variant in group:
            canonical[fold(variant)] = head
    weights = {fold(n): SURNAME_WEIGHT for n in raw["common_surnames"]}
    weights.update({fold(n): COMMON_WEIGHT for n in raw["common"]})
    weights.update({fold(n): VERY_COMMON_WEIGHT for n in raw["very_common"]})
    return Lexicon(
        titles=_folded(raw["titles"]),
        particles=_folded(raw["particles"]),
        hyphen_articles=_folded(raw["hyphen_articles"]),
        kunya_markers=_folded(raw["kunya_markers"]),
        kunya_names=_folded(raw["kunya_names"]),
        canonical=canonical,
        weights=weights,
    )


def canonical(word: str) -> str | None:
    """The head of the word's variant group ("muhammad" -> "mohammed"), or None for an unknown word."""
    return lexicon().canonical.get(word)


def weight(canon: str) -> float:
    """How much a match on this (canonical) name says: low for very common names, 1.0 for the rest."""
    return lexicon().weights.get(canon, 1.0)
