"""sg_relations: who belongs to or leads which network, uses which identifier, used or supplied
which document, and which network operates which route, from sentences that state them together."""

from __future__ import annotations

import re
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Span

from ingest.extract.spans import IDENTIFIERS, ensure_extensions, group, sentences, text_of

MEMBER = re.compile(r"\b(?:member|members|belong|belonging|part of|affiliated|associate|worked for|joined)\b", re.I)
LEAD = re.compile(r"\b(?:led|leads|leader|head|headed|heads|boss|ringleader|organiser|organizer|run by|ran)\b", re.I)
VEHICLES = ("vehicle_plate", "vessel")
USED = re.compile(
    r"\b(?:used|using|presented|presenting|carried|carrying|holding|held|travelling on|travelled on|showed)\b", re.I
)


def _inside(start: int, end: int, sent: Span) -> bool:
    return sent.start_char <= start and end <= sent.end_char


def _mentions(entry: dict[str, Any], sent: Span) -> list[list[int]]:
    return [s for s in entry["spans"] if _inside(s[0], s[1], sent)]


def _between(text: str, a: list[list[int]], b: list[list[int]]) -> str:
    """The text between the closest mentions of two things."""
    pairs = [(x, y) for x in a for y in b]
    x, y = min(pairs, key=lambda p: max(p[0][0], p[1][0]) - min(p[0][1], p[1][1]))
    return text[min(x[1], y[1]) : max(x[0], y[0])]


class RelationFinder:
    """Sets `doc._.sg_relations`: Relation-shaped dicts (subject, predicate, object, spans)."""

    def __init__(self, name: str) -> None:
        self.name = name
        ensure_extensions()

    def __call__(self, doc: Doc) -> Doc:
        relations: list[dict[str, Any]] = []
        persons = doc._.sg_persons or []
        orgs = doc._.sg_organisations or []
        networks = [o for o in orgs if o["kind"] == "criminal_network"]
        sents = sentences(doc)
        for index, sent in enumerate(sents):
            text = sent.text
            for person in persons:
                here = _mentions(person, sent)
                if not here:
                    continue
                for org in networks:
                    there = _mentions(org, sent)
                    if not there:
                        continue
                    between = _between(text_of(doc), here, there)
                    if LEAD.search(between) or ("leader" in person["roles"] and LEAD.search(text)):
                        relations.append(self._rel(person["name"], "leads", org["name"], here + there))
                    elif MEMBER.search(text) or len(between) <= 60:
                        relations.append(self._rel(person["name"], "member_of", org["name"], here + there))
                relations += self._identifiers(doc, person, persons, sent, here)
                relations += self._documents(doc, person, sent, here)
            relations += _vehicle_of_next_driver(doc, persons, sent, sents[index + 1 : index + 2])
            for org in orgs:
                there = _mentions(org, sent)
                ids = [s for s in group(doc, IDENTIFIERS) if _inside(s.start_char, s.end_char, sent)]
                # the police who stopped a vehicle do not use its plate
                if there and ids and org["kind"] != "authority" and not any(_mentions(p, sent) for p in persons):
                    relations += [
                        self._rel(org["name"], "uses_identifier", i.kb_id_, [*there, [i.start_char, i.end_char]])
                        for i in ids
                    ]
        for index, route in enumerate(doc._.sg_routes or []):
            for org in networks:
                near = [s for s in org["spans"] if route["span"][0] <= s[0] < route["span"][1]]
                if near or len(networks) == 1:
                    relations.append(self._rel(org["name"], "operates_route", f"route:{index}", near))
        doc._.sg_relations = _unique(relations)
        return doc

    def _identifiers(
        self, doc: Doc, person: dict[str, Any], persons: list[dict[str, Any]], sent: Span, here: list[list[int]]
    ) -> list[dict[str, Any]]:
        alone = sum(1 for p in persons if _mentions(p, sent)) == 1
        found = []
        for ident in group(doc, IDENTIFIERS):
            if alone and _inside(ident.start_char, ident.end_char, sent) and ident.label_ != "document_number":
                found.append(
                    self._rel(
                        person["name"], "uses_identifier", ident.kb_id_, [*here, [ident.start_char, ident.end_char]]
                    )
                )
        return found

    def _documents(self, doc: Doc, person: dict[str, Any], sent: Span, here: list[list[int]]) -> list[dict[str, Any]]:
        found = []
        for document in doc._.sg_documents or []:
            if "document_supplier" in person["roles"] and document["type"] in sent.text.lower().replace(" ", "_"):
                found.append(self._rel(person["name"], "supplied_document", document["type"], here))
            if document["number"] and document["number"] in sent.text.replace(" ", "") and USED.search(sent.text):
                found.append(self._rel(person["name"], "used_document", document["number"], here))
        return found

    @staticmethod
    def _rel(subject: str, predicate: str, obj: str, spans: list[list[int]]) -> dict[str, Any]:
        return {"subject": subject, "predicate": predicate, "object": obj, "spans": sorted(spans)}


def _vehicle_of_next_driver(doc: Doc, persons: list[dict[str, Any]], sent: Span, following: list[Span]
                            ) -> list[dict[str, Any]]:  # fmt: skip
    """A vehicle or vessel named in a sentence without a person uses the transporter (driver,
    skipper) the next sentence names: "... stopped a van with plate BG 1234 AB. The driver, X, ..."."""
    vehicles = [i for i in group(doc, IDENTIFIERS) if i.label_ in VEHICLES and _inside(i.start_char, i.end_char, sent)]
    if not vehicles or not following or any(_mentions(p, sent) for p in persons):
        return []
    drivers = [(p, _mentions(p, following[0])) for p in persons if "transporter" in p["roles"]]
    drivers = [(p, here) for p, here in drivers if here]
    if len(drivers) != 1:
        return []
    person, here = drivers[0]
    return [RelationFinder._rel(person["name"], "uses_identifier", v.kb_id_, [*here, [v.start_char, v.end_char]])
            for v in vehicles]  # fmt: skip


def _unique(relations: list[dict[str, Any]]) -> list[dict[str, Any]]:
    merged: dict[tuple[str, str, str], dict[str, Any]] = {}
    for rel in relations:
        key = (rel["subject"], rel["predicate"], rel["object"])
        if key in merged:
            merged[key]["spans"] = sorted({tuple(s) for s in merged[key]["spans"] + rel["spans"]})
        else:
            merged[key] = rel
    return list(merged.values())


@Language.factory(
    "sg_relations",
    requires=["doc._.sg_persons", "doc._.sg_organisations", "doc._.sg_documents", "doc._.sg_routes"],
    assigns=["doc._.sg_relations"],
)
def make_relations(nlp: Language, name: str) -> RelationFinder:
    """Factory for the relation finder."""
    return RelationFinder(name)
