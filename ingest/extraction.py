"""The extraction result for one report, in exactly the shape of graph/contract/extraction.schema.json.

These models are what extraction produces, what evaluation compares against gold, and what
loading writes to the graph. `Extraction.model_dump(mode="json")` is what `smugglegraph extract`
prints. Codes come from the taxonomy; countries are ISO 3166-1 alpha-2 (XK for Kosovo).
Spans are [start, end) offsets into the normalised report text.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

Span = tuple[int, int]
CountryRole = Literal["origin", "transit", "destination", "location", "nationality", "issuer", "other"]
IdentifierKind = Literal["phone", "email", "vehicle_plate", "vessel", "document_number", "account", "other"]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


class DocumentInfo(_Model):
    id: str
    title: str | None = None
    date: str | None = Field(default=None, description="report or event date, YYYY-MM-DD")
    language: str | None = None


class PersonMention(_Model):
    name: str
    aliases: list[str] = Field(default_factory=list)
    nationality: str | None = None
    birth_date: str | None = None
    roles: list[str] = Field(default_factory=list)
    spans: list[Span] = Field(default_factory=list)


class OrganisationMention(_Model):
    name: str
    kind: str
    country: str | None = None
    spans: list[Span] = Field(default_factory=list)


class PlaceMention(_Model):
    name: str
    kind: str
    country: str | None = None
    spans: list[Span] = Field(default_factory=list)


class CountryMention(_Model):
    code: str
    roles: list[CountryRole] = Field(default_factory=list)


class RouteStop(_Model):
    place: str | None = None
    country: str | None = None


class RouteMention(_Model):
    stops: list[RouteStop]
    modes: list[str] = Field(default_factory=list)
    named_route: str | None = None


class CodeMention(_Model):
    code: str
    spans: list[Span] = Field(default_factory=list)


class DocumentMention(_Model):
    type: str
    issuing_country: str | None = None
    status: str = "unknown"
    number: str | None = None


class Identifier(_Model):
    kind: IdentifierKind
    value: str
    spans: list[Span] = Field(default_factory=list)


class Nationalities(_Model):
    suspects: list[str] = Field(default_factory=list)
    migrants: list[str] = Field(default_factory=list)


class Numbers(_Model):
    arrests: int | None = None
    migrants: int | None = None
    fee_eur_min: float | None = None
    fee_eur_max: float | None = None


class Relation(_Model):
    subject: str
    predicate: str
    object: str
    spans: list[Span] = Field(default_factory=list)


class Extraction(_Model):
    document: DocumentInfo
    persons: list[PersonMention] = Field(default_factory=list)
    organisations: list[OrganisationMention] = Field(default_factory=list)
    places: list[PlaceMention] = Field(default_factory=list)
    countries: list[CountryMention] = Field(default_factory=list)
    routes: list[RouteMention] = Field(default_factory=list)
    fraud_techniques: list[CodeMention] = Field(default_factory=list)
    documents: list[DocumentMention] = Field(default_factory=list)
    modus_operandi: list[CodeMention] = Field(default_factory=list)
    identifiers: list[Identifier] = Field(default_factory=list)
    nationalities: Nationalities = Field(default_factory=Nationalities)
    numbers: Numbers = Field(default_factory=Numbers)
    relations: list[Relation] = Field(default_factory=list)
