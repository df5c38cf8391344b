"""`document-fraud`: techniques and document types by issuing country, route or suspect nationality,
and who supplies the documents."""

from __future__ import annotations

from collections import Counter

from pydantic import BaseModel, Field

from graph.db import Graph
from graph.investigations.base import EdgeOut, NodeOut, Provenance
from graph.investigations.codes import CountryCode, TechniqueCode
from graph.investigations.params import Window
from graph.visibility import Scope


class DocumentFraudParams(Window):
    issuing_country: CountryCode | None = Field(
        None, max_length=60, description="the issuing country: ISO code or English name"
    )
    technique: TechniqueCode | None = Field(
        None,
        max_length=60,
        examples=["counterfeit"],
        description="a fraud technique: its code, label or a common name (look-alike is impostor)",
    )
    route: str | None = Field(None, max_length=100, description="uid of a route")
    nationality: CountryCode | None = Field(None, max_length=60, description="a suspect nationality: ISO code or name")
    limit: int = Field(200, ge=1, le=2000)


class Supplier(BaseModel):
    supplier: NodeOut
    relationship: EdgeOut


class FraudDocument(BaseModel):
    document: NodeOut
    techniques: list[str]
    suppliers: list[Supplier]
    routes: list[str]
    suspect_nationalities: list[str]


class Tally(BaseModel):
    technique: str | None
    document_type: str | None
    issuing_country: str | None
    documents: int


class DocumentFraudResult(BaseModel):
    tallies: list[Tally] = Field(description="documents per technique, type and issuing country")
    documents: list[FraudDocument]


def document_fraud(graph: Graph, scope: Scope, params: DocumentFraudParams) -> DocumentFraudResult:
    rows = graph.read("investigations/document_fraud", {
        **scope.params(), "issuing_country": params.issuing_country, "technique": params.technique,
        "route": params.route, "nationality": params.nationality, "limit": params.limit,
    })  # fmt: skip
    ids = [row["document"].get("report_ids") for row in rows]
    ids += [s["supplier"].get("report_ids") for row in rows for s in row["suppliers"]]
    ids += [s["rel"]["report_ids"] for row in rows for s in row["suppliers"]]
    prov = Provenance(graph, scope, ids)
    tally: Counter[tuple[str | None, str | None, str | None]] = Counter()
    for row in rows:
        doc = prov.node(row["document"]).properties
        for technique in row["techniques"] or [None]:
            tally[(technique, doc.get("type"), doc.get("issuing_country"))] += 1
    documents = [
        FraudDocument(
            document=prov.node(row["document"]), techniques=sorted(row["techniques"]),
            suppliers=[Supplier(supplier=prov.node(s["supplier"]), relationship=prov.edge(s["rel"]))
                       for s in row["suppliers"]],
            routes=row["routes"], suspect_nationalities=sorted(row["nationalities"]),
        )
        for row in rows
    ]  # fmt: skip
    tallies = [
        Tally(technique=t, document_type=d, issuing_country=c, documents=n)
        for (t, d, c), n in sorted(tally.items(), key=lambda item: (-item[1], str(item[0])))
    ]
    return DocumentFraudResult(tallies=tallies, documents=documents)
