"""The graph schema, in neomodel: node labels, their keys, and relationships that carry provenance.

Every fact that came from a report is a set of statements, one per supporting report, kept as aligned
lists: `report_ids`, `scopes` (each report's release scope) and `dates` on nodes and ties, and `said`
(what each report says) on ties; what a report says of a node is on its MENTIONS edge. Ties also keep
`evidence` ("<report id>:<start>-<end>" spans). Visibility is decided per statement from its scope
(docs/data-model.md). Reference data (countries, taxonomy codes) has no provenance.

neomodel defines the schema and installs its constraints and indexes; bulk writes go through
the batched Cypher in cypher/ingest/, not through neomodel's per-object round trips.
"""

from __future__ import annotations

from neomodel import (
    ArrayProperty,
    DateProperty,
    DateTimeProperty,
    FloatProperty,
    IntegerProperty,
    RelationshipTo,
    StringProperty,
    StructuredNode,
    StructuredRel,
)


class Supported(StructuredRel):
    """A relationship asserted by one or more reports: one statement per report in the aligned lists."""

    report_ids = ArrayProperty(StringProperty(), default=list)
    scopes = ArrayProperty(StringProperty(), default=list)
    dates = ArrayProperty(StringProperty(), default=list)
    said = ArrayProperty(StringProperty(), default=list)
    src_keys = ArrayProperty(StringProperty(), default=list)  # the mention keys each statement ties
    dst_keys = ArrayProperty(StringProperty(), default=list)
    evidence = ArrayProperty(StringProperty(), default=list)
    first_seen = DateProperty()
    last_seen = DateProperty()
    confidence = FloatProperty(default=0.5)


class RouteStop(StructuredRel):
    """The position of a stop in a route (0 = origin); part of the route's identity, so no statements."""

    position = IntegerProperty(required=True)


class Entity(StructuredNode):
    """A node that came from reports: a stable key plus its provenance.

    Every such node carries the label Entity besides its own, so that one uniqueness
    constraint on Entity.uid serves the batched relationship writes. The character spans
    that support a node live on the (:Report)-[:MENTIONS {evidence}]->(:Entity) edges.
    """

    uid = StringProperty(unique_index=True, required=True)
    report_ids = ArrayProperty(StringProperty(), default=list)
    scopes = ArrayProperty(StringProperty(), default=list)
    dates = ArrayProperty(StringProperty(), default=list)
    first_seen = DateProperty()
    last_seen = DateProperty()
    confidence = FloatProperty(default=0.5)
    cluster = StringProperty(index=True)  # graph/clusters.py: the network-wide cluster it is in
    degree = IntegerProperty()  # ties between actors the whole network sees it in


class Mentions(StructuredRel):
    """A report mentions an entity: what it says of it (`contribution`), the names it gives, the report's
    scope and date, the spans ("<start>-<end>") where it does, and how surely; `key` is the mention's own key
    (the entity's uid unless the mention was merged into another entity)."""

    key = StringProperty()
    evidence = ArrayProperty(StringProperty(), default=list)
    confidence = FloatProperty(default=0.5)
    contribution = StringProperty()
    names = ArrayProperty(StringProperty(), default=list)
    kind = StringProperty()
    scope = StringProperty()
    date = StringProperty()


class Report(StructuredNode):
    """The source document. `uid` is the content id; `source` says where it came from."""

    uid = StringProperty(unique_index=True, required=True)
    source = StringProperty(index=True, required=True)
    title = StringProperty()
    report_date = DateProperty(index=True)
    media_type = StringProperty()
    originator_agency = StringProperty(index=True)
    reporting_country = StringProperty()
    host_country = StringProperty()
    handling = StringProperty()
    releasability = StringProperty(default="network", choices={k: k for k in ("network", "agencies", "originator")})
    scope = StringProperty(index=True)
    release_to = ArrayProperty(StringProperty(), default=list)
    text = StringProperty()  # the normalised text every span points into (graph/provenance.py)
    ingested_at = DateTimeProperty(default_now=True)
    mentions = RelationshipTo("Entity", "MENTIONS", model=Mentions)


class Reference(StructuredNode):
    """Reference data shared by all reports: uid is "<kind>:<code>" (e.g. "country:BG")."""

    uid = StringProperty(unique_index=True, required=True)
    code = StringProperty(required=True)


class Country(Reference):
    code = StringProperty(unique_index=True, required=True)
    name = StringProperty(index=True)


class FraudTechnique(Reference):
    code = StringProperty(unique_index=True, required=True)
    label = StringProperty()


class ModusOperandi(Reference):
    code = StringProperty(unique_index=True, required=True)
    label = StringProperty()


class Place(Entity):
    name = StringProperty(index=True, required=True)
    kind = StringProperty()
    country = StringProperty()
    aliases = ArrayProperty(StringProperty(), default=list)
    in_country = RelationshipTo(Country, "IN_COUNTRY", model=Supported)


class Phone(Entity):
    value = StringProperty(index=True, required=True)


class Email(Entity):
    value = StringProperty(index=True, required=True)


class Vehicle(Entity):
    plate = StringProperty(index=True, required=True)


class Vessel(Entity):
    name = StringProperty(index=True, required=True)
    aliases = ArrayProperty(StringProperty(), default=list)
    same_as = RelationshipTo("Vessel", "SAME_AS", model=Supported)  # an agency reviewer's judgement


class Account(Entity):
    value = StringProperty(index=True, required=True)


class Document(Entity):
    type = StringProperty(index=True)
    issuing_country = StringProperty()
    status = StringProperty()
    number = StringProperty(index=True)
    shows_technique = RelationshipTo(FraudTechnique, "SHOWS_TECHNIQUE", model=Supported)
    issued_by = RelationshipTo(Country, "ISSUED_BY", model=Supported)


class Route(Entity):
    """An ordered list of stops; `stop_keys` is the order as data, STOP relationships as graph."""

    name = StringProperty()
    stop_keys = ArrayProperty(StringProperty(), default=list)
    modes = ArrayProperty(StringProperty(), default=list)
    named_route = StringProperty(index=True)
    stops_at = RelationshipTo(Place, "STOP", model=RouteStop)
    stops_in = RelationshipTo(Country, "STOP", model=RouteStop)


class Organisation(Entity):
    name = StringProperty(index=True, required=True)
    kind = StringProperty()
    country = StringProperty()
    aliases = ArrayProperty(StringProperty(), default=list)
    based_in = RelationshipTo(Country, "BASED_IN", model=Supported)
    operates = RelationshipTo(Route, "OPERATES", model=Supported)
    uses_method = RelationshipTo(ModusOperandi, "USES_METHOD", model=Supported)
    involved_in = RelationshipTo("Incident", "INVOLVED_IN", model=Supported)
    supplied_document = RelationshipTo(Document, "SUPPLIED_DOCUMENT", model=Supported)
    has_phone = RelationshipTo(Phone, "HAS_PHONE", model=Supported)
    has_email = RelationshipTo(Email, "HAS_EMAIL", model=Supported)
    same_as = RelationshipTo("Organisation", "SAME_AS", model=Supported)  # an agency reviewer's judgement


class Incident(Entity):
    """A dated event one report describes: interception, detection, arrest, rescue, death."""

    date = DateProperty(index=True)
    kind = StringProperty()
    migrants = IntegerProperty()
    arrests = IntegerProperty()
    fee_eur_min = FloatProperty()
    fee_eur_max = FloatProperty()
    occurred_at = RelationshipTo(Place, "OCCURRED_AT", model=Supported)
    occurred_in = RelationshipTo(Country, "OCCURRED_IN", model=Supported)
    along = RelationshipTo(Route, "ALONG", model=Supported)
    involved_document = RelationshipTo(Document, "INVOLVED_DOCUMENT", model=Supported)
    used_method = RelationshipTo(ModusOperandi, "USED_METHOD", model=Supported)
    shows_technique = RelationshipTo(FraudTechnique, "SHOWS_TECHNIQUE", model=Supported)
    migrant_nationality = RelationshipTo(Country, "MIGRANT_NATIONALITY", model=Supported)
    suspect_nationality = RelationshipTo(Country, "SUSPECT_NATIONALITY", model=Supported)


class Person(Entity):
    name = StringProperty(index=True, required=True)
    name_key = StringProperty(index=True)
    aliases = ArrayProperty(StringProperty(), default=list)
    nationality = StringProperty()
    birth_date = DateProperty()
    roles = ArrayProperty(StringProperty(), default=list)
    member_of = RelationshipTo(Organisation, "MEMBER_OF", model=Supported)
    has_nationality = RelationshipTo(Country, "HAS_NATIONALITY", model=Supported)
    involved_in = RelationshipTo(Incident, "INVOLVED_IN", model=Supported)
    has_phone = RelationshipTo(Phone, "HAS_PHONE", model=Supported)
    has_email = RelationshipTo(Email, "HAS_EMAIL", model=Supported)
    uses_vehicle = RelationshipTo(Vehicle, "USES_VEHICLE", model=Supported)
    uses_vessel = RelationshipTo(Vessel, "USES_VESSEL", model=Supported)
    has_account = RelationshipTo(Account, "HAS_ACCOUNT", model=Supported)
    used_document = RelationshipTo(Document, "USED_DOCUMENT", model=Supported)
    supplied_document = RelationshipTo(Document, "SUPPLIED_DOCUMENT", model=Supported)
    same_as = RelationshipTo("Person", "SAME_AS", model=Supported)  # an agency reviewer's judgement


class Alias(StructuredNode):
    """An exact mention key merged into another entity: the loader writes its statements to `target`,
    and splitting the merge moves them back (graph/merge.py)."""

    key = StringProperty(unique_index=True, required=True)
    target = StringProperty(index=True, required=True)


class Cluster(StructuredNode):
    """A connected network the whole network sees, kept as data is written (graph/clusters.py)."""

    uid = StringProperty(unique_index=True, required=True)
    size = IntegerProperty(index=True, required=True)
    persons = IntegerProperty(required=True)
    organisations = IntegerProperty(required=True)
    first = StringProperty(required=True)  # the smallest member uid: the order among equal sizes


class PrivateTie(StructuredNode):
    """A tie between actors that only one release scope's agencies see (the whole network does not)."""

    scope = StringProperty(index=True, required=True)
    source = StringProperty(index=True, required=True)
    target = StringProperty(index=True, required=True)
    type = StringProperty(required=True)


class Scope(StructuredNode):
    """A release scope ("net", "org:<A>", "rel:<A>:<B>,<C>") and the agencies it releases to."""

    key = StringProperty(unique_index=True, required=True)
    agencies = ArrayProperty(StringProperty(), default=list)


class Agency(StructuredNode):
    """An agency of the deployment (a Member State's border police, an immigration service, ...)."""

    code = StringProperty(unique_index=True, required=True)
    name = StringProperty()


class User(StructuredNode):
    """A person who uses the API; belongs to one agency and has one role."""

    name = StringProperty(unique_index=True, required=True)
    agency = StringProperty(required=True, index=True)
    role = StringProperty(required=True, choices={r: r for r in ("analyst", "ilo", "admin")})
    created_at = DateTimeProperty(default_now=True)


class ApiKey(StructuredNode):
    """An API key: only its id and the SHA-256 of its secret are stored; revoked keys stay, marked."""

    key_id = StringProperty(unique_index=True, required=True)
    secret_hash = StringProperty(required=True)
    user = StringProperty(required=True, index=True)
    created_at = DateTimeProperty(default_now=True)
    revoked_at = DateTimeProperty()


class Decision(StructuredNode):
    """A resolution decision (merge, split) with who, when, score, reasons and the merge's snapshot."""

    uid = StringProperty(unique_index=True, required=True)
    kind = StringProperty(required=True)
    winner = StringProperty(index=True)
    loser = StringProperty(index=True)
    by = StringProperty()


class NameStat(StructuredNode):
    """How many person records carry a name key (a name part's phonetic key, or a kunya): resolution's
    measure of how common a name is. The key "" counts the records themselves."""

    key = StringProperty(unique_index=True, required=True)
    count = IntegerProperty(default=0)


class ResolutionLock(StructuredNode):
    """The one node every resolution writes first, so resolutions in any number of processes take turns:
    each weighs against what the ones before it committed."""

    name = StringProperty(unique_index=True, required=True)


from graph.vocabulary import ENTITY_LABELS, REFERENCE_LABELS  # noqa: E402  re-exported for the schema

__all__ = ["ENTITY_LABELS", "REFERENCE_LABELS"]
