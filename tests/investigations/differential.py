"""Generated graphs for the differential visibility test: released reports and restricted ones.

Each report is an extraction in the contract's shape built from small pools of names, phones,
documents, places and codes, so that reports overlap on the same entities the way real ones do.
A restricted report adds any mix of an alias, a nationality, a birth date, a role, a membership,
an identifier shared with another person, a route leg with a mode, a document with issuer, number
and technique, an incident with counts, and an organisation's kind. Some persons are spelled another
way in some reports, so that resolution has look-alikes to merge or propose.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from typing import Any

PERSONS = ["Mohammed Al-Hassan", "Karim Said", "Stoyan Petrov", "Yusuf Demir", "Reza Ahmadi", "Omid Karimi",
           "Ali Veli", "Samir Haddad", "Goran Ilic", "Zabihullah Tahirzai"]  # fmt: skip
SPELLINGS = {"Mohammed Al-Hassan": "Mohamed Al Hassan", "Karim Said": "Kareem Said", "Yusuf Demir": "Yousef Demir",
             "Stoyan Petrov": "Stojan Petrov", "Reza Ahmadi": "Reza Ahmady"}  # fmt: skip
"""How other reports spell some of them, so that resolution has look-alikes to weigh."""
ALIASES = ["Abu Khalid", "the Doctor", "Baba", "Kaka Reza"]
ORGANISATIONS = [("Black Eagle network", "criminal_network"), ("Golden Crescent group", "criminal_network"),
                 ("Anatolia Travel Ltd", "front_business"), ("Balkan Transit", "criminal_network")]  # fmt: skip
KINDS = ["criminal_network", "front_business", "authority"]
COUNTRIES = ["TR", "BG", "RS", "GR", "MK", "AF", "IQ", "SY", "HU", "AT", "DE"]
NATIONALITIES = ["IQ", "SY", "TR", "BG", "AF", "LB", "PK"]
PHONES = ["+905321234567", "+359888123456", "+381641234567", "+49151234567"]
DOCUMENTS = [("passport", "AB1234567"), ("passport", "CD7654321"), ("id_card", "ID998877"), ("visa", "V1122")]
STATUSES = {"counterfeit": "counterfeit", "forgery": "forged", "impostor": "genuine"}
MODES = ["road", "foot", "sea", "air"]
ROLES = ["leader", "recruiter", "transporter", "document_supplier", "financier", "facilitator"]
METHODS = ["concealment_in_vehicle", "car_transport", "safe_house"]
RELEASED_AGENCY = "BG-BP"
HIDDEN_AGENCY = "DE-BPOL"
OTHER_AGENCY = "GR-HP"


@dataclass
class Report:
    source: str
    meta: dict[str, Any]
    extraction: dict[str, Any]
    restricted: bool


def _person(rng: random.Random, name: str, rich: bool) -> dict[str, Any]:
    person: dict[str, Any] = {"name": name, "roles": rng.sample(ROLES, rng.randint(0, 1))}
    if rich or rng.random() < 0.4:
        person["nationality"] = rng.choice(NATIONALITIES)
    if rich and rng.random() < 0.5:
        person["aliases"] = [rng.choice(ALIASES)]
    if rich and rng.random() < 0.4:
        person["birth_date"] = f"19{rng.randint(60, 99)}-0{rng.randint(1, 9)}-1{rng.randint(0, 9)}"
    return person


def _route(rng: random.Random) -> dict[str, Any]:
    stops = rng.sample(COUNTRIES, rng.randint(2, 4))
    return {"stops": [{"country": c} for c in stops], "modes": [rng.choice(MODES)]}


def _report(rng: random.Random, index: int, restricted: bool) -> Report:
    names = [
        SPELLINGS[n] if n in SPELLINGS and rng.random() < 0.3 else n for n in rng.sample(PERSONS, rng.randint(1, 3))
    ]
    persons = [_person(rng, name, restricted) for name in names]
    org_name, org_kind = rng.choice(ORGANISATIONS)
    kind = rng.choice(KINDS) if restricted else org_kind
    relations: list[dict[str, str]] = []
    identifiers: list[dict[str, str]] = []
    documents: list[dict[str, Any]] = []
    techniques: list[dict[str, str]] = []
    for name in names:
        if rng.random() < 0.6:
            relations.append({"subject": name, "predicate": rng.choice(["member_of", "leads"]), "object": org_name})
        if rng.random() < 0.5:
            phone = rng.choice(PHONES)
            identifiers.append({"kind": "phone", "value": phone})
            relations.append({"subject": name, "predicate": "uses_identifier", "object": phone})
    if rng.random() < 0.6:
        doc_type, number = rng.choice(DOCUMENTS)
        technique = rng.choice(list(STATUSES))
        documents.append({"type": doc_type, "number": number, "status": STATUSES[technique],
                          "issuing_country": rng.choice(COUNTRIES)})  # fmt: skip
        techniques.append({"code": technique})
        relations.append({"subject": names[0], "predicate": rng.choice(["used_document", "supplied_document"]),
                          "object": number})  # fmt: skip
    routes = [_route(rng)] if rng.random() < 0.6 else []
    if routes and rng.random() < 0.5:
        relations.append({"subject": org_name, "predicate": "operates_route", "object": "route:0"})
    day = f"2026-{rng.randint(1, 11):02d}-{index % 9 + 10}"
    extraction = {
        "document": {"id": f"g{index}", "title": f"Generated report {index}", "date": day},
        "persons": persons,
        "organisations": [{"name": org_name, "kind": kind}],
        "identifiers": list({i["value"]: i for i in identifiers}.values()),
        "documents": documents,
        "fraud_techniques": techniques,
        "modus_operandi": [{"code": rng.choice(METHODS)}] if rng.random() < 0.5 else [],
        "routes": routes,
        "nationalities": {"suspects": rng.sample(NATIONALITIES, rng.randint(0, 2)),
                          "migrants": rng.sample(NATIONALITIES, rng.randint(0, 2))},
        "numbers": {"migrants": rng.randint(1, 60)} if rng.random() < 0.7 else {},
        "relations": relations,
    }  # fmt: skip
    if restricted:
        meta = (
            {"originator_agency": HIDDEN_AGENCY, "releasability": "originator"}
            if rng.random() < 0.7
            else {"originator_agency": HIDDEN_AGENCY, "releasability": "agencies", "release_to": ("IT-PS",)}
        )
    else:
        meta = {"originator_agency": RELEASED_AGENCY, "releasability": "network"}
    return Report(f"generated/{index}.txt", meta, extraction, restricted)


def generate(seed: int, released: int = 8, restricted: int = 4) -> list[Report]:
    """Released and restricted reports, interleaved in a random order."""
    rng = random.Random(seed)
    flags = [False] * released + [True] * restricted
    rng.shuffle(flags)
    return [_report(rng, index, flag) for index, flag in enumerate(flags)]
