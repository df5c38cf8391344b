"""The JSON incident record: one structured incident per file, codes checked against the taxonomy.

The format is documented, with a complete example, in docs/incident-json.md.
"""

from __future__ import annotations

from datetime import date
from typing import Annotated, Literal

import pycountry
from pydantic import AfterValidator, BaseModel, ConfigDict, Field, model_validator

from graph.taxonomy import codes

IncidentKind = Literal["interception", "false_document_detection", "arrest", "rescue", "death", "other"]


def _country(value: str) -> str:
    code = value.strip().upper()
    # XK (Kosovo) is user-assigned, so not in ISO's list, but the taxonomy uses it.
    if code != "XK" and (len(code) != 2 or pycountry.countries.get(alpha_2=code) is None):
        raise ValueError(f"{value!r} is not an ISO 3166-1 alpha-2 country code (e.g. 'BG')")
    return code


def _in(vocabulary: str) -> AfterValidator:
    def check(value: str) -> str:
        allowed = codes(vocabulary)
        if value not in allowed:
            raise ValueError(f"{value!r} is not a {vocabulary} code (one of: {', '.join(allowed)})")
        return value

    return AfterValidator(check)


Country = Annotated[str, AfterValidator(_country)]
Text = Annotated[str, Field(min_length=1)]
PersonRole = Annotated[str, _in("person_roles")]
OrganisationKind = Annotated[str, _in("organisation_kinds")]
PlaceKind = Annotated[str, _in("place_kinds")]
DocumentType = Annotated[str, _in("document_types")]
DocumentStatus = Annotated[str, _in("document_status")]
FraudTechnique = Annotated[str, _in("fraud_techniques")]
ModusOperandi = Annotated[str, _in("modus_operandi")]
TransportMode = Annotated[str, _in("transport_modes")]
NamedRoute = Annotated[str, _in("named_routes")]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)


class Place(_Model):
    """Where the incident happened."""

    name: Text
    kind: PlaceKind | None = None
    country: Country | None = None


class Migrants(_Model):
    """How many migrants were involved, and their nationalities."""

    count: int | None = Field(default=None, ge=0)
    nationalities: list[Country] = Field(default_factory=list)


class Person(_Model):
    """A person named in the incident: suspect, facilitator or migrant."""

    name: Text
    aliases: list[Text] = Field(default_factory=list)
    nationality: Country | None = None
    birth_date: date | None = None
    roles: list[PersonRole] = Field(default_factory=list)
    phones: list[Text] = Field(default_factory=list)
    emails: list[Text] = Field(default_factory=list)


class Organisation(_Model):
    """A network, front business or authority named in the incident."""

    name: Text
    kind: OrganisationKind | None = None


class TravelDocument(_Model):
    """An identity or travel document seen in the incident."""

    type: DocumentType
    issuing_country: Country | None = None
    status: DocumentStatus | None = None
    number: Text | None = None
    fraud_technique: FraudTechnique | None = None


class RouteStop(_Model):
    """One stop of the route, in travel order."""

    place: Text | None = None
    country: Country | None = None

    @model_validator(mode="after")
    def _named(self) -> RouteStop:
        if self.place is None and self.country is None:
            raise ValueError("a route stop needs a place, a country, or both")
        return self


class IncidentRecord(_Model):
    """One incident (interception, false document detection, arrest, rescue, death) at one place."""

    source_id: Text | None = None
    title: Text
    date: date
    reporting_agency: Text | None = None
    releasability: Literal["network", "agencies", "originator"] | None = Field(
        None, description="who may see it: the whole network, the agencies in release_to, or the originator only"
    )
    release_to: list[Text] = Field(default_factory=list)
    place: Place
    incident_kind: IncidentKind
    migrants: Migrants | None = None
    persons: list[Person] = Field(default_factory=list)
    organisations: list[Organisation] = Field(default_factory=list)
    documents: list[TravelDocument] = Field(default_factory=list)
    vehicles: list[Text] = Field(default_factory=list)
    vessels: list[Text] = Field(default_factory=list)
    route: list[RouteStop] = Field(default_factory=list)
    named_route: NamedRoute | None = None
    transport_modes: list[TransportMode] = Field(default_factory=list)
    modus_operandi: list[ModusOperandi] = Field(default_factory=list)
    narrative: str | None = None
