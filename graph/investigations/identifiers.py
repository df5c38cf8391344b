"""`shared-identifiers` (one phone, plate or document among several actors) and `co-offenders`."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, Field

from graph.db import Graph
from graph.investigations import examples
from graph.investigations.base import EdgeOut, NodeOut, Provenance, node_ids
from graph.investigations.neighbourhood import require_visible
from graph.investigations.params import Paged
from graph.visibility import Scope

IdentifierKind = Literal["Phone", "Email", "Vehicle", "Vessel", "Account", "Document"]


class SharedIdentifiersParams(Paged):
    kinds: list[IdentifierKind] = Field(default_factory=list, description="only these kinds of identifier")
    uid: str | None = Field(None, min_length=1, max_length=100,
                            description="only the identifiers this person or organisation uses")  # fmt: skip
    min_holders: int = Field(2, ge=2, le=100, description="used by at least this many persons or organisations")
    max_holders: int = Field(50, ge=1, le=1000, description="holders listed per identifier (by uid); all are counted")


class Holder(BaseModel):
    holder: NodeOut
    relationship: EdgeOut


class SharedIdentifier(BaseModel):
    identifier: NodeOut
    holders: list[Holder] = Field(description="the first `max_holders` visible holders, by uid")
    holder_count: int = Field(description="how many visible persons and organisations hold it")


class SharedIdentifiersResult(BaseModel):
    identifiers: list[SharedIdentifier]


class CoOffendersParams(Paged):
    uid: str = Field(..., min_length=1, max_length=100, description="uid of a person", examples=[examples.PERSON])


class CoOffender(BaseModel):
    person: NodeOut
    together: int = Field(description="incidents and organisations shared with the person")
    shared: list[NodeOut]
    relationships: list[EdgeOut]


class CoOffendersResult(BaseModel):
    co_offenders: list[CoOffender]


def shared_identifiers(graph: Graph, scope: Scope, params: SharedIdentifiersParams) -> SharedIdentifiersResult:
    """Identifiers several actors use (those of one entity when `uid` is given), most shared first."""
    if params.uid is not None:
        require_visible(graph, scope, params.uid)
    query = "investigations/shared_identifiers" if params.uid is None else "investigations/shared_identifiers_of"
    rows = graph.read(query, {
        **scope.params(), "kinds": list(params.kinds), "min_holders": params.min_holders,
        "skip": params.skip, "limit": params.limit, "uid": params.uid, "max_holders": params.max_holders,
    })  # fmt: skip
    ids = node_ids(rows, "identifier")
    ids += [h["holder"].get("report_ids") for row in rows for h in row["holders"]]
    ids += [h["rel"]["report_ids"] for row in rows for h in row["holders"]]
    prov = Provenance(graph, scope, ids)
    return SharedIdentifiersResult(identifiers=[
        SharedIdentifier(identifier=prov.node(row["identifier"]),
                         holders=[Holder(holder=prov.node(h["holder"]), relationship=prov.edge(h["rel"]))
                                  for h in row["holders"]],
                         holder_count=row["holder_count"])
        for row in rows
    ])  # fmt: skip


def co_offenders(graph: Graph, scope: Scope, params: CoOffendersParams) -> CoOffendersResult:
    require_visible(graph, scope, params.uid)
    rows = graph.read("investigations/co_offenders", {
        **scope.params(), "uid": params.uid, "skip": params.skip, "limit": params.limit,
    })  # fmt: skip
    ids = node_ids(rows, "person") + [x.get("report_ids") for row in rows for x in row["shared"]]
    ids += [r["report_ids"] for row in rows for r in row["rels"]]
    prov = Provenance(graph, scope, ids)
    return CoOffendersResult(co_offenders=[
        CoOffender(person=prov.node(row["person"]), together=len(row["shared"]),
                   shared=[prov.node(x) for x in row["shared"]], relationships=[prov.edge(r) for r in row["rels"]])
        for row in rows
    ])  # fmt: skip
