"""Data the extraction components share: gazetteers, demonyms and taxonomy synonyms, loaded once."""

from __future__ import annotations

import re
from functools import cache
from typing import Any, NamedTuple

import pycountry

from graph.taxonomy import json_resource, taxonomy


class Place(NamedTuple):
    """A gazetteer place: canonical name, taxonomy place kind, ISO2 country."""

    name: str
    kind: str
    country: str


def data(name: str) -> dict[str, Any]:
    return json_resource("ingest.extract.data", name)


@cache
def country_names() -> dict[str, str]:
    """Every spelling of a country name that the gazetteer matches -> ISO2 code."""
    table = data("countries.json")
    skip = set(table["skip"])
    names: dict[str, str] = {}
    for country in pycountry.countries:
        for attr in ("name", "common_name", "official_name"):
            value = getattr(country, attr, None)
            if value and "," not in value and value not in skip:
                names[value] = country.alpha_2
    names.update(table["aliases"])
    return names


@cache
def places() -> dict[str, Place]:
    """Every spelling of a gazetteer place -> the place."""
    table: dict[str, Place] = {}
    for name, (kind, country, aliases) in data("places.json")["places"].items():
        place = Place(name, kind, country)
        for spelling in [name, *aliases]:
            table[spelling] = place
    return table


@cache
def demonyms() -> dict[str, str]:
    """Nationality adjectives and plural demonyms -> ISO2 code."""
    source = data("demonyms.json")
    invariant = set(source["invariant"])
    table: dict[str, str] = dict(source["plurals"])
    for word, code in source["demonyms"].items():
        table[word] = code
        if word not in invariant:
            table[word + "s"] = code
    return table


_QUOTED = re.compile(r"'([^']+)'")


@cache
def vocabulary(name: str) -> dict[str, list[str]]:
    """Lower-case cue phrases per code of one vocabulary: our synonyms plus the quoted cues in taxonomy.json."""
    phrases: dict[str, list[str]] = {code: list(words) for code, words in data("vocabulary.json")[name].items()}
    entries = taxonomy().get(name, {})
    if isinstance(entries, dict):
        for code, entry in entries.items():
            cue = entry.get("cue", "") if isinstance(entry, dict) else ""
            quoted = [q.lower() for q in _QUOTED.findall(cue)]
            phrases.setdefault(code, []).extend(q for q in quoted if q not in phrases[code])
    return phrases


def country_name(code: str) -> str:
    """A readable name for an ISO2 code (Kosovo included)."""
    if code == "XK":
        return "Kosovo"
    country = pycountry.countries.get(alpha_2=code)
    return str(getattr(country, "common_name", None) or country.name) if country else code


def taxonomy_codes(vocabulary: str) -> list[str]:
    """The codes of one taxonomy vocabulary in taxonomy order."""
    value = taxonomy()[vocabulary]
    return list(value)


@cache
def all_terms() -> frozenset[str]:
    """Every lower-case taxonomy cue phrase: words that name a concept, not a person or organisation."""
    names = (
        "fraud_techniques",
        "modus_operandi",
        "person_roles",
        "organisation_kinds",
        "document_types",
        "named_routes",
        "transport_modes",
    )
    return frozenset(p for v in names for phrases in vocabulary(v).values() for p in phrases)
