"""Scoring extraction against gold annotations: precision, recall and F1 per field.

A corpus folder holds reports (NAME.txt, .md, .html, .eml, ...) each with NAME.gold.json in the
extraction contract's shape. Each field is compared as a set of comparable items per document
(micro-averaged over the folder):

- persons, organisations: name keys (a prediction matches a gold entry by its name or an alias)
- countries: (code, role) pairs; route legs: consecutive (country, country) pairs of each route
- fraud techniques, modus operandi: codes; documents: (type, status, issuing country)
- nationalities: (suspects|migrants, code); numbers: (field, value) for each stated number
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from itertools import pairwise
from pathlib import Path

from graph.names import name_key
from ingest.extraction import Extraction

Item = tuple[object, ...]


@dataclass
class FieldScore:
    true_positives: int = 0
    false_positives: int = 0
    false_negatives: int = 0

    def add(self, predicted: set[Item], gold: set[Item]) -> None:
        self.true_positives += len(predicted & gold)
        self.false_positives += len(predicted - gold)
        self.false_negatives += len(gold - predicted)

    @property
    def precision(self) -> float:
        found = self.true_positives + self.false_positives
        return self.true_positives / found if found else 1.0

    @property
    def recall(self) -> float:
        expected = self.true_positives + self.false_negatives
        return self.true_positives / expected if expected else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass
class EvaluationReport:
    documents: int = 0
    fields: dict[str, FieldScore] = field(default_factory=dict)

    def add(self, predicted: Extraction, gold: Extraction) -> None:
        self.documents += 1
        for name, items in FIELDS.items():
            self.fields.setdefault(name, FieldScore()).add(items(predicted, gold), items(gold, gold))

    @property
    def overall(self) -> FieldScore:
        total = FieldScore()
        for score in self.fields.values():
            total.true_positives += score.true_positives
            total.false_positives += score.false_positives
            total.false_negatives += score.false_negatives
        return total


def _named(entries: Iterable[tuple[str, list[str]]], gold: Iterable[tuple[str, list[str]]]) -> set[Item]:
    """Name keys, with a prediction mapped to the gold name it matches by name or alias."""
    canonical: dict[str, str] = {}
    for name, aliases in gold:
        for variant in (name, *aliases):
            canonical.setdefault(name_key(variant), name_key(name))
    items: set[Item] = set()
    for name, aliases in entries:
        keys = [name_key(v) for v in (name, *aliases)]
        items.add((next((canonical[k] for k in keys if k in canonical), keys[0]),))
    return items


def _persons(ex: Extraction, gold: Extraction) -> set[Item]:
    return _named(((p.name, p.aliases) for p in ex.persons), ((p.name, p.aliases) for p in gold.persons))


def _organisations(ex: Extraction, gold: Extraction) -> set[Item]:
    return _named(((o.name, []) for o in ex.organisations), ((o.name, []) for o in gold.organisations))


def _legs(ex: Extraction, _: Extraction) -> set[Item]:
    legs: set[Item] = set()
    for route in ex.routes:
        countries = [stop.country for stop in route.stops if stop.country]
        legs.update((a, b) for a, b in pairwise(countries) if a != b)
    return legs


def _numbers(ex: Extraction, _: Extraction) -> set[Item]:
    return {(name, value) for name, value in ex.numbers.model_dump().items() if value is not None}


FIELDS: dict[str, Callable[[Extraction, Extraction], set[Item]]] = {
    "persons": _persons,
    "organisations": _organisations,
    "countries": lambda ex, _: {(c.code, role) for c in ex.countries for role in c.roles},
    "route_legs": _legs,
    "fraud_techniques": lambda ex, _: {(t.code,) for t in ex.fraud_techniques},
    "documents": lambda ex, _: {(d.type, d.status, d.issuing_country) for d in ex.documents},
    "modus_operandi": lambda ex, _: {(m.code,) for m in ex.modus_operandi},
    "nationalities": lambda ex, _: (
        {("suspects", c) for c in ex.nationalities.suspects} | {("migrants", c) for c in ex.nationalities.migrants}
    ),
    "numbers": _numbers,
}


def gold_pairs(folder: Path, texts: Path | None = None) -> list[tuple[Path, Path]]:
    """(report, gold) file pairs in a corpus folder, sorted by name.

    Reports sit next to their gold files, or in `texts` when given (a corpus whose third-party
    texts are kept out of git); a gold file without a report is left out.
    """
    pairs = []
    for gold in sorted(folder.glob("*.gold.json")):
        stem = gold.name.removesuffix(".gold.json")
        reports = [p for p in (texts or folder).glob(f"{stem}.*") if p != gold]
        if reports:
            pairs.append((reports[0], gold))
    return pairs
