"""GET /vocabularies: the codes the investigations take, with the names to show for them (the page's
country and technique pickers). Reference data only: nothing from any report."""

from __future__ import annotations

import pycountry
from fastapi import APIRouter
from pydantic import BaseModel, Field

from api.auth import ViewerDep
from graph.taxonomy import country_rows, vocabulary_rows

router = APIRouter(tags=["vocabularies"])


class Term(BaseModel):
    code: str
    name: str


class Country(Term):
    numeric: str | None = Field(None, description="ISO 3166-1 numeric code (the id of the page's world map)")


class Vocabularies(BaseModel):
    countries: list[Country]
    fraud_techniques: list[Term]
    document_types: list[Term]
    transport_modes: list[Term]


def _terms(vocabulary: str) -> list[Term]:
    return [Term(code=row["code"], name=row["label"]) for row in vocabulary_rows(vocabulary)]


@router.get("/vocabularies", summary="Countries, fraud techniques, document types and modes, by code and name")
def vocabularies(viewer: ViewerDep) -> Vocabularies:
    """What country, technique, document-type and mode parameters accept, with the name to show."""
    countries = sorted((Country(**row, numeric=getattr(pycountry.countries.get(alpha_2=row["code"]), "numeric", None))
                        for row in country_rows()), key=lambda t: t.name)  # fmt: skip
    return Vocabularies(countries=countries, fraud_techniques=_terms("fraud_techniques"),
                        document_types=_terms("document_types"), transport_modes=_terms("transport_modes"))  # fmt: skip
