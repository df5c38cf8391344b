"""GET /vocabularies: the codes the investigations take, with the names to show for them (the page's
country and technique pickers). Reference data only: nothing from any report."""

from __future__ import annotations

import pycountry
from fastapi import APIRouter
from pydantic import BaseModel, Field

from api.auth import ViewerDep
from graph.taxonomy import taxonomy

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
    entries = taxonomy()[vocabulary]
    if isinstance(entries, dict):
        return [Term(code=code, name=str(entry["label"] if isinstance(entry, dict) else entry))
                for code, entry in entries.items()]  # fmt: skip
    return [Term(code=str(code), name=str(code).replace("_", " ")) for code in entries]


@router.get("/vocabularies", summary="Countries, fraud techniques, document types and modes, by code and name")
def vocabularies(viewer: ViewerDep) -> Vocabularies:
    """What country, technique, document-type and mode parameters accept, with the name to show."""
    countries = sorted((Country(code=c.alpha_2, name=getattr(c, "common_name", None) or c.name, numeric=c.numeric)
                        for c in pycountry.countries), key=lambda t: t.name)  # fmt: skip
    return Vocabularies(countries=countries, fraud_techniques=_terms("fraud_techniques"),
                        document_types=_terms("document_types"), transport_modes=_terms("transport_modes"))  # fmt: skip
