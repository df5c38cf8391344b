"""Places for the result: gazetteer places plus GPE/LOC/FAC entities that are not countries."""

from __future__ import annotations

import re
from typing import Any

from spacy.tokens import Doc, Span

from ingest.extract import resources
from ingest.extract.spans import COUNTRIES, PLACES, group, text_of

KIND_CUES = [
    (re.compile(r"^\s*(?:international\s+)?airport\b", re.I), "airport"),
    (re.compile(r"^\s*(?:sea)?port\b|^\s*harbou?r\b", re.I), "seaport"),
    (re.compile(r"^\s*(?:border crossing(?: point)?|crossing point|bcp|checkpoint)\b", re.I), "border_crossing_point"),
]
ENT_KINDS = {"GPE": "city", "LOC": "region", "FAC": "other"}


def _kind(ent: Span) -> str:
    after = text_of(ent.doc)[ent.end_char : ent.end_char + 30]
    for rx, kind in KIND_CUES:
        if rx.search(after) or rx.search(ent.text.split(" ", 1)[-1]):
            return kind
    return ENT_KINDS[ent.label_]


def _country_after(doc: Doc, ent: Span) -> str | None:
    for country in group(doc, COUNTRIES):
        if re.fullmatch(r"\s*[,(]\s*", text_of(doc)[ent.end_char : country.start_char]):
            return str(country.kb_id_)
    return None


NOT_PLACES = re.compile(
    r"\b(?:sea|ocean|atlantic|mediterranean|aegean|channel|gulf|north|south|east|west)$|^(?:the)\b", re.I
)
CONTINENTS = {"Europe", "Africa", "Asia", "America", "North Africa", "West Africa", "Middle East", "EU", "Schengen"}
AIRPORT_AFTER = re.compile(r" (?:international )?airport\b", re.I)


def _inside(start: int, end: int, spans: list[tuple[int, int]]) -> bool:
    return any(s <= start and end <= e for s, e in spans)


def collect_places(doc: Doc, skip: set[str], inside: list[tuple[int, int]]) -> list[dict[str, Any]]:
    """One entry per place, with every mention's span. `skip` names organisations and persons,
    `inside` holds their character spans ('Border Police Directorate Elhovo' is no place)."""
    found: dict[str, dict[str, Any]] = {}
    for span in group(doc, PLACES):
        if _inside(span.start_char, span.end_char, inside):
            continue
        name, end = span.text, span.end_char
        if (m := AIRPORT_AFTER.match(text_of(doc), end)) and span.label_ == "airport":
            name, end = text_of(doc)[span.start_char : m.end()], m.end()
        entry = found.setdefault(span.id_, {"name": name, "kind": span.label_, "country": span.kb_id_, "spans": []})
        entry["spans"].append([span.start_char, end])
    taken = [(s.start, s.end) for s in group(doc, PLACES) + group(doc, COUNTRIES)]
    names = resources.country_names()
    for ent in doc.ents:
        if ent.label_ not in ENT_KINDS or any(s < ent.end and ent.start < e for s, e in taken):
            continue
        name = ent.text.strip(" ,.;")
        if NOT_PLACES.search(name) or _inside(ent.start_char, ent.end_char, inside):
            continue
        if not name[:1].isupper() or name in names or name in resources.demonyms() or name in skip or name.isupper():
            continue
        if any(ch.isdigit() for ch in name) or len(name) <= 2 or name in CONTINENTS:
            continue
        entry = found.setdefault(
            name, {"name": name, "kind": _kind(ent), "country": _country_after(doc, ent), "spans": []}
        )
        entry["spans"].append([ent.start_char, ent.end_char])
    return list(found.values())
