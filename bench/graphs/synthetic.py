"""Synthetic reports, as extraction would give them, whose entities make a skewed graph of a chosen size.

Each report is one incident with one to five persons, and maybe their phones, an organisation they
belong to, a document, a place, a route, codes and countries. Persons, phones, organisations,
documents, places and routes are drawn from pools by preferential attachment (a new one with
probability `new`, else one picked in proportion to how often it was mentioned before), so degrees
follow a power law: a few phones, organisations and documents are shared by many persons. One report
in twenty is restricted to its originator (`org:BENCH-RESTRICTED`); the rest are released to the network.
Everything is a pure function of the seed.
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, timedelta

from bench.er.namedata import ORIGINS
from graph.names import name_key
from ingest.document import SourceDocument
from ingest.extraction import (
    CodeMention,
    CountryMention,
    DocumentInfo,
    DocumentMention,
    Extraction,
    Identifier,
    Nationalities,
    Numbers,
    OrganisationMention,
    PersonMention,
    PlaceMention,
    Relation,
    RouteMention,
    RouteStop,
)
from ingest.load import ReportMeta

RESTRICTED_SHARE = 0.05
RESTRICTED_AGENCY = "BENCH-RESTRICTED"
RELEASING_AGENCY = "BENCH-NET"
NODES_PER_REPORT = 4.7  # measured on the generator: the report, its incident and the new pool entities
COUNTRIES = ("AF", "SY", "IQ", "IR", "PK", "TR", "GR", "BG", "MK", "RS", "HU", "AT", "DE", "IT", "LY", "TN",
             "ER", "ET", "AL", "XK", "VN", "FR", "GB", "ES", "MA", "DZ", "EG", "NG", "BD", "HR")  # fmt: skip
TECHNIQUE_FOR_STATUS = {"forged": "photo_substitution", "counterfeit": "counterfeit", "stolen": "stolen_blank"}
METHODS = ("concealment_in_vehicle", "small_boat_crossing", "green_border_on_foot", "air_travel", "hawala_payment")
MODES = ("road", "sea", "air", "rail", "foot")
START = date(2022, 1, 1)


class Pool:
    """Indexes of entities of one kind, drawn by preferential attachment."""

    def __init__(self, rng: random.Random, new: float) -> None:
        self.rng, self.new, self.size = rng, new, 0
        self._mentions: list[int] = []

    def pick(self) -> int:
        if not self._mentions or self.rng.random() < self.new:
            index, self.size = self.size, self.size + 1
        else:
            index = self.rng.choice(self._mentions)
        self._mentions.append(index)
        return index


@dataclass
class Pools:
    rng: random.Random
    persons: Pool = field(init=False)
    phones: Pool = field(init=False)
    organisations: Pool = field(init=False)
    documents: Pool = field(init=False)
    places: Pool = field(init=False)
    routes: Pool = field(init=False)

    def __post_init__(self) -> None:
        r = self.rng
        self.persons, self.phones, self.organisations = Pool(r, 0.55), Pool(r, 0.6), Pool(r, 0.15)
        self.documents, self.places, self.routes = Pool(r, 0.6), Pool(r, 0.25), Pool(r, 0.3)

    def new_nodes(self) -> int:
        return sum(p.size for p in (self.persons, self.phones, self.organisations, self.documents, self.places,
                                    self.routes))  # fmt: skip


@dataclass(frozen=True)
class SyntheticReport:
    """One invented report: what the reader gives, what extraction gives, and who may see it."""

    doc: SourceDocument
    extraction: Extraction
    meta: ReportMeta

    @property
    def restricted(self) -> bool:
        return self.meta.releasability != "network"


def _skewed(rng: random.Random, items: tuple[str, ...]) -> str:
    return items[min(int(rng.paretovariate(1.1)) - 1, len(items) - 1)]


def person(seed: int, index: int) -> PersonMention:
    """Identity `index`: a name from the benchmark's name lists (common names are common), a birth date
    that keeps namesakes apart, a nationality and maybe a kunya."""
    rng = random.Random(f"{seed}:person:{index}")
    origin = rng.choices(ORIGINS, weights=[o.share for o in ORIGINS])[0]
    given = _skewed(rng, origin.given)
    family = _skewed(rng, origin.family) if origin.family else _skewed(rng, origin.given)
    born = date(1960, 1, 1) + timedelta(days=rng.randrange(16_000))
    aliases = [f"Abu {_skewed(rng, origin.given)}"] if rng.random() < 0.15 else []
    role = rng.choice(("transporter", "recruiter", "facilitator"))
    return PersonMention(name=f"{given} {family}", aliases=aliases, nationality=rng.choice(origin.nationalities),
                         birth_date=born.isoformat(), roles=[role])  # fmt: skip


def organisation(seed: int, index: int) -> OrganisationMention:
    rng = random.Random(f"{seed}:organisation:{index}")
    family = _skewed(rng, rng.choice([o for o in ORIGINS if o.family]).family)
    if index % 10 == 0:
        return OrganisationMention(
            name=f"{family} Travel {index}", kind="front_business", country=rng.choice(COUNTRIES)
        )
    return OrganisationMention(name=f"{family} Network {index}", kind="criminal_network", country=rng.choice(COUNTRIES))


def document(seed: int, index: int) -> DocumentMention:
    rng = random.Random(f"{seed}:document:{index}")
    return DocumentMention(type=rng.choice(("passport", "id_card", "visa")), issuing_country=rng.choice(COUNTRIES),
                           status=rng.choice(tuple(TECHNIQUE_FOR_STATUS)), number=f"P{index:08d}")  # fmt: skip


def place(seed: int, index: int) -> PlaceMention:
    rng = random.Random(f"{seed}:place:{index}")
    return PlaceMention(name=f"Crossing {index}", kind="border_crossing_point", country=rng.choice(COUNTRIES))


def route(seed: int, index: int) -> RouteMention:
    rng = random.Random(f"{seed}:route:{index}")
    stops = rng.sample(COUNTRIES, rng.randint(2, 4))
    return RouteMention(stops=[RouteStop(country=c) for c in stops], modes=[rng.choice(MODES)])


def phone(index: int) -> str:
    return f"+905{index:09d}"


def _persons(pools: Pools, seed: int, rng: random.Random) -> list[PersonMention]:
    chosen: dict[str, PersonMention] = {}
    for _ in range(rng.choice((1, 1, 2, 2, 2, 3, 3, 4, 5))):
        mention = person(seed, pools.persons.pick())
        keys = {name_key(n) for n in (mention.name, *mention.aliases)}
        if any(k in {name_key(n) for p in chosen.values() for n in (p.name, *p.aliases)} for k in keys):
            continue  # two namesakes in one report would be one subject to the relation mapping
        if rng.random() > 0.5:
            mention = mention.model_copy(update={"aliases": []})
        chosen[mention.name] = mention
    return list(chosen.values())


def report(pools: Pools, seed: int, index: int) -> SyntheticReport:
    """Report `index` of the run, drawing its entities from the shared pools."""
    rng = pools.rng
    persons = _persons(pools, seed, rng)
    relations: list[Relation] = []
    identifiers = []
    for p in persons:
        if rng.random() < 0.5:
            value = phone(pools.phones.pick())
            identifiers.append(Identifier(kind="phone", value=value))
            relations.append(Relation(subject=p.name, predicate="uses_identifier", object=value))
    organisations = [organisation(seed, pools.organisations.pick())] if rng.random() < 0.5 else []
    for org in organisations:
        for position, p in enumerate(persons):
            leads = position == 0 and rng.random() < 0.15
            relations.append(Relation(subject=p.name, predicate="leads" if leads else "member_of", object=org.name))
    documents = [document(seed, pools.documents.pick())] if rng.random() < 0.3 else []
    techniques = [CodeMention(code=TECHNIQUE_FOR_STATUS[d.status]) for d in documents]
    for d in documents:
        relations.append(Relation(subject=persons[0].name, predicate="used_document", object=d.number or d.type))
        if organisations and rng.random() < 0.3:
            relations.append(
                Relation(subject=organisations[0].name, predicate="supplied_document", object=d.number or "")
            )
    places = [place(seed, pools.places.pick())] if rng.random() < 0.6 else []
    routes = [route(seed, pools.routes.pick())] if rng.random() < 0.4 else []
    if routes and organisations and rng.random() < 0.5:
        relations.append(Relation(subject=organisations[0].name, predicate="operates_route", object="route:0"))
    location = places[0].country if places else rng.choice(COUNTRIES)
    day = START + timedelta(days=rng.randrange(1460))
    extraction = Extraction(
        document=DocumentInfo(id=f"bench-{seed}-{index}", title=f"Synthetic report {index}", date=day.isoformat()),
        persons=persons, organisations=organisations, places=places, routes=routes, documents=documents,
        fraud_techniques=techniques, identifiers=identifiers, relations=relations,
        countries=[CountryMention(code=location or "GR", roles=["location"])],
        modus_operandi=[CodeMention(code=rng.choice(METHODS))] if rng.random() < 0.5 else [],
        nationalities=Nationalities(suspects=sorted({p.nationality for p in persons if p.nationality}),
                                    migrants=rng.sample(COUNTRIES[:6], rng.randint(1, 2))),
        numbers=Numbers(migrants=rng.randint(0, 40), arrests=rng.randint(0, len(persons))),
    )  # fmt: skip
    restricted = rng.random() < RESTRICTED_SHARE
    meta = (ReportMeta(originator_agency=RESTRICTED_AGENCY, releasability="originator") if restricted
            else ReportMeta(originator_agency=RELEASING_AGENCY, releasability="network"))  # fmt: skip
    doc = SourceDocument(source=f"bench:{seed}:{index}", text=f"smugglegraph synthetic report {seed}:{index}",
                         media_type="text/plain", title=f"Synthetic report {index}")  # fmt: skip
    return SyntheticReport(doc=doc, extraction=extraction, meta=meta)


def reports(nodes: int, seed: int = 1) -> Iterator[SyntheticReport]:
    """Reports until the graph they make has about `nodes` nodes (reports, incidents and entities)."""
    pools = Pools(random.Random(seed))
    index = 0
    while 2 * index + pools.new_nodes() < nodes:
        yield report(pools, seed, index)
        index += 1
