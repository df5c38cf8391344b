"""From one report's Extraction to the rows the batched Cypher in cypher/ingest/ writes.

Pure functions: no database here, so the mapping from extracted facts to nodes, MENTIONS edges,
fact relationships (with their provenance) and route stops is testable on its own.
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from graph import keys
from graph.names import name_key
from graph.vocabulary import FACT_TYPES, IDENTIFIER_LABELS, OWNER_RELATIONSHIPS
from ingest.extraction import Extraction, Identifier, Span
from ingest.resolve.rarity import name_keys

EVENT_PLACE_KINDS = {"border_crossing_point", "airport", "seaport"}
NAME_PROPERTIES = ("name", "value", "plate", "number")
"""The properties whose values a mention makes searchable (with the aliases)."""
CONFIDENCE = {"model": 0.7, "pattern": 0.9}


@dataclass
class LoadPlan:
    nodes: list[dict[str, Any]] = field(default_factory=list)
    mentions: list[dict[str, Any]] = field(default_factory=list)
    relationships: list[dict[str, Any]] = field(default_factory=list)
    stops: list[dict[str, Any]] = field(default_factory=list)
    _mentions: dict[str, dict[str, Any]] = field(default_factory=dict)

    def node(
        self,
        uid: str,
        label: str,
        props: dict[str, Any],
        spans: list[Span] | None = None,
        lists: dict[str, list[str]] | None = None,
        confidence: float = CONFIDENCE["model"],
    ) -> str:
        clean = {k: v for k, v in props.items() if v is not None}
        lists = lists or {}
        self.nodes.append({"uid": uid, "label": label, "props": clean, "lists": lists, "confidence": confidence})
        evidence = [f"{s}-{e}" for s, e in spans or []]
        mention = self._mentions.get(uid)
        if mention is None:
            mention = {"uid": uid, "evidence": [], "confidence": confidence, "props": {}, "lists": {}}
            self._mentions[uid] = mention
            self.mentions.append(mention)
        mention["evidence"] += [e for e in evidence if e not in mention["evidence"]]
        mention["props"] = {**clean, **mention["props"]}
        for key, values in lists.items():
            mention["lists"][key] = list(dict.fromkeys([*mention["lists"].get(key, []), *values]))
        mention["contribution"] = contribution(mention["props"], mention["lists"])
        said = [mention["props"].get(key) for key in NAME_PROPERTIES] + mention["lists"].get("aliases", [])
        mention["names"] = [str(name) for name in dict.fromkeys(said) if name]
        mention["kind"] = mention["props"].get("kind") if label == "Organisation" else None
        return uid

    def link(
        self,
        src: str,
        rel_type: str,
        dst: str,
        report_id: str,
        spans: list[Span] | None = None,
        props: dict[str, Any] | None = None,
        lists: dict[str, list[str]] | None = None,
        confidence: float = CONFIDENCE["model"],
    ) -> None:
        if rel_type not in FACT_TYPES:
            raise ValueError(f"relationship type {rel_type} is not declared in graph/vocabulary.py")
        self.relationships.append({
            "src": src, "dst": dst, "type": rel_type, "confidence": confidence,
            "evidence": [f"{report_id}:{s}-{e}" for s, e in spans or []],
            "said": contribution(props or {}, lists or {}, confidence),
        })  # fmt: skip


def contribution(props: dict[str, Any], lists: dict[str, list[str]], confidence: float | None = None) -> str:
    """What one report says of a node or relationship: a statement, kept apart so that each viewer
    sees only what the reports visible to them say (graph/investigations/base.py reads it back)."""
    said: dict[str, Any] = {"props": props, "lists": lists}
    if confidence is not None:
        said["confidence"] = confidence
    return json.dumps(said, sort_keys=True, default=str)


def name_stats(scope: str, nodes: list[dict[str, Any]], mentions: list[dict[str, Any]]) -> Counter[str]:
    """What one report adds to the name statistics (NameStat "<scope>|<key>"): one per name key of each
    person it names, and the person records under "<scope>|"."""
    persons = {row["uid"] for row in nodes if row["label"] == "Person"}
    names = [m["names"][0] for m in mentions if m["uid"] in persons and m["names"]]
    added = Counter({f"{scope}|": len(names)})
    added.update(f"{scope}|{key}" for name in names for key in name_keys(name))
    return added


def parse_date(value: str | None) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        return None


def incident_kind(extraction: Extraction) -> str:
    """What kind of event the report describes, from what was extracted."""
    if extraction.fraud_techniques or extraction.documents:
        return "false_document_detection"
    if extraction.numbers.arrests:
        return "arrest"
    if extraction.numbers.migrants or extraction.routes:
        return "interception"
    return "other"


def build_plan(extraction: Extraction, report_id: str) -> LoadPlan:
    """Every node, mention, relationship and route stop one report contributes."""
    plan = LoadPlan()
    numbers = extraction.numbers
    incident = plan.node(keys.incident_uid(report_id), "Incident", {
        "date": parse_date(extraction.document.date), "kind": incident_kind(extraction),
        "migrants": numbers.migrants, "arrests": numbers.arrests,
        "fee_eur_min": numbers.fee_eur_min, "fee_eur_max": numbers.fee_eur_max,
    })  # fmt: skip
    names: dict[str, str] = {}
    _add_persons(plan, extraction, report_id, incident, names)
    _add_organisations(plan, extraction, report_id, incident, names)
    _add_places(plan, extraction, report_id, incident)
    values = _add_identifiers(plan, extraction.identifiers)
    documents = _add_documents(plan, extraction, report_id, incident)
    routes = _add_routes(plan, extraction, report_id, incident)
    _add_codes_and_countries(plan, extraction, report_id, incident)
    _add_relations(plan, extraction, report_id, names, values, documents, routes)
    return plan


def _add_persons(plan: LoadPlan, ex: Extraction, rid: str, incident: str, names: dict[str, str]) -> None:
    for person in ex.persons:
        uid = plan.node(keys.person_uid(person.name, person.birth_date), "Person", {
            "name": person.name, "name_key": name_key(person.name), "nationality": person.nationality,
            "birth_date": parse_date(person.birth_date),
        }, person.spans, {"aliases": person.aliases, "roles": person.roles})  # fmt: skip
        for name in (person.name, *person.aliases):
            names[name_key(name)] = uid
        plan.link(uid, "INVOLVED_IN", incident, rid, person.spans[:1], lists={"roles": person.roles})
        if person.nationality:
            plan.link(uid, "HAS_NATIONALITY", keys.country_uid(person.nationality), rid, person.spans[:1])


def _add_organisations(plan: LoadPlan, ex: Extraction, rid: str, incident: str, names: dict[str, str]) -> None:
    for org in ex.organisations:
        uid = plan.node(
            keys.organisation_uid(org.name),
            "Organisation",
            {"name": org.name, "kind": org.kind, "country": org.country},
            org.spans,
        )
        names[name_key(org.name)] = uid
        if org.kind != "authority":
            plan.link(uid, "INVOLVED_IN", incident, rid, org.spans[:1])
        if org.country:
            plan.link(uid, "BASED_IN", keys.country_uid(org.country), rid, org.spans[:1])


def _add_places(plan: LoadPlan, ex: Extraction, rid: str, incident: str) -> None:
    for place in ex.places:
        uid = plan.node(
            keys.place_uid(place.name, place.country),
            "Place",
            {"name": place.name, "kind": place.kind, "country": place.country},
            place.spans,
        )
        if place.country:
            plan.link(uid, "IN_COUNTRY", keys.country_uid(place.country), rid, place.spans[:1])
        if place.kind in EVENT_PLACE_KINDS:
            plan.link(incident, "OCCURRED_AT", uid, rid, place.spans[:1])


def _add_identifiers(plan: LoadPlan, identifiers: list[Identifier]) -> dict[str, str]:
    """Identifier nodes; returns value -> uid for the relations that name an owner."""
    values: dict[str, str] = {}
    for ident in identifiers:
        label = IDENTIFIER_LABELS.get(ident.kind)
        if label is None:
            continue
        prop = {"Vehicle": "plate", "Vessel": "name"}.get(label, "value")
        uid = plan.node(
            keys.identifier_uid(ident.kind, ident.value),
            label,
            {prop: ident.value},
            ident.spans,
            confidence=CONFIDENCE["pattern"],
        )
        values[ident.value] = uid
    return values


def _add_documents(plan: LoadPlan, ex: Extraction, rid: str, incident: str) -> list[tuple[str, str, str | None]]:
    """Document nodes; returns (uid, type, number) for each, in order."""
    found: list[tuple[str, str, str | None]] = []
    for index, doc in enumerate(ex.documents):
        uid = plan.node(keys.document_uid(doc.type, doc.number, rid, index), "Document", {
            "type": doc.type, "issuing_country": doc.issuing_country, "status": doc.status, "number": doc.number,
        })  # fmt: skip
        found.append((uid, doc.type, doc.number))
        plan.link(incident, "INVOLVED_DOCUMENT", uid, rid)
        if doc.issuing_country:
            plan.link(uid, "ISSUED_BY", keys.country_uid(doc.issuing_country), rid)
        for technique in ex.fraud_techniques:
            if len(ex.documents) == 1 or _technique_fits(technique.code, doc.status, doc.type):
                plan.link(uid, "SHOWS_TECHNIQUE", keys.technique_uid(technique.code), rid, technique.spans[:1])
    return found


# The document statuses (or types) each technique produces: with several documents in one report, a
# technique is tied only to the documents it can describe (with one document, to that document).
TECHNIQUE_STATUSES = {
    "counterfeit": {"counterfeit"}, "forgery": {"forged"}, "photo_substitution": {"forged"},
    "page_substitution": {"forged"}, "data_alteration": {"forged"}, "impostor": {"genuine"},
    "fraudulently_obtained_genuine": {"fraudulently_obtained"}, "stolen_blank": {"stolen"},
    "pseudo_document": {"pseudo"}, "false_document_unspecified": {"unknown"},
}  # fmt: skip


def _technique_fits(technique: str, status: str, doc_type: str) -> bool:
    if technique == "false_supporting_documents":
        return doc_type == "supporting_document"
    return status in TECHNIQUE_STATUSES.get(technique, set())


def _add_routes(plan: LoadPlan, ex: Extraction, rid: str, incident: str) -> list[str]:
    uids: list[str] = []
    for route in ex.routes:
        stop_uids = [
            keys.place_uid(stop.place, stop.country) if stop.place else keys.country_uid(stop.country or "")
            for stop in route.stops
        ]
        if len(stop_uids) < 2 or any(uid == "country:" for uid in stop_uids):
            continue
        uid = plan.node(keys.route_uid(stop_uids), "Route", {
            "name": " -> ".join(stop.place or stop.country or "?" for stop in route.stops),
            "stop_keys": stop_uids, "named_route": route.named_route,
        }, lists={"modes": route.modes})  # fmt: skip
        for stop in route.stops:
            if stop.place:
                plan.node(
                    keys.place_uid(stop.place, stop.country),
                    "Place",
                    {"name": stop.place, "kind": "city", "country": stop.country},
                )
        plan.stops.extend(
            {"route": uid, "stop": stop_uid, "position": position} for position, stop_uid in enumerate(stop_uids)
        )
        plan.link(incident, "ALONG", uid, rid)
        uids.append(uid)
    return uids


def _add_codes_and_countries(plan: LoadPlan, ex: Extraction, rid: str, incident: str) -> None:
    for technique in ex.fraud_techniques:
        plan.link(incident, "SHOWS_TECHNIQUE", keys.technique_uid(technique.code), rid, technique.spans[:1])
    for method in ex.modus_operandi:
        plan.link(incident, "USED_METHOD", keys.method_uid(method.code), rid, method.spans[:1])
    for country in ex.countries:
        if "location" in country.roles:
            plan.link(incident, "OCCURRED_IN", keys.country_uid(country.code), rid)
    for code in ex.nationalities.migrants:
        plan.link(incident, "MIGRANT_NATIONALITY", keys.country_uid(code), rid)
    for code in ex.nationalities.suspects:
        plan.link(incident, "SUSPECT_NATIONALITY", keys.country_uid(code), rid)


def _add_relations(
    plan: LoadPlan,
    ex: Extraction,
    rid: str,
    names: dict[str, str],
    values: dict[str, str],
    documents: list[tuple[str, str, str | None]],
    routes: list[str],
) -> None:
    def document(ref: str) -> str | None:
        return next((uid for uid, kind, number in documents if ref in (number, kind)), None)

    for rel in ex.relations:
        subject = names.get(name_key(rel.subject))
        if subject is None:
            continue
        target: str | None = None
        props: dict[str, Any] = {}
        lists: dict[str, list[str]] = {}
        if rel.predicate in ("member_of", "leads"):
            target, rel_type = names.get(name_key(rel.object)), "MEMBER_OF"
            lists = {"roles": ["leader"]} if rel.predicate == "leads" else {}
        elif rel.predicate == "uses_identifier":
            target = values.get(rel.object)
            label = next((n["label"] for n in plan.nodes if n["uid"] == target), None)
            rel_type = OWNER_RELATIONSHIPS.get(label or "", "")
        elif rel.predicate in ("used_document", "supplied_document"):
            target, rel_type = document(rel.object), rel.predicate.upper()
        elif rel.predicate == "operates_route" and rel.object.startswith("route:"):
            index = int(rel.object.split(":", 1)[1]) if rel.object.split(":", 1)[1].isdigit() else -1
            target, rel_type = (routes[index] if 0 <= index < len(routes) else None), "OPERATES"
        else:
            continue
        if target and rel_type:
            plan.link(subject, rel_type, target, rid, rel.spans, props=props, lists=lists)
