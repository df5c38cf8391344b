"""`search` (entities by name or alias) and `profile` (one entity and every visible fact about it)."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, Field
from rapidfuzz import fuzz

from graph.db import Graph
from graph.errors import NotFound
from graph.fulltext import lucene_query
from graph.investigations import examples
from graph.investigations.base import EdgeOut, NodeOut, Provenance
from graph.investigations.identifier_search import identifier_uids
from graph.investigations.params import Paged, Window
from graph.names import name_key
from graph.visibility import Scope

SearchLabel = Literal["Person", "Organisation", "Place", "Vessel", "Phone", "Email", "Vehicle", "Account", "Document"]
CANDIDATES = 200
MIN_SCORE = 0.5  # below this, no visible name or alias resembles the query


class SearchParams(Paged):
    q: str = Field(..., min_length=1, max_length=200, examples=[examples.PERSON_NAME],
                   description="a name or alias in any spelling, or an identifier: a phone in any format "
                               "(national numbers are tried in every country), an e-mail, a plate, a document "
                               "or account number")  # fmt: skip
    types: list[SearchLabel] = Field(default_factory=list, description="only these kinds of entity")


class SearchHit(NodeOut):
    score: float
    matched: str = Field(description="why it matched: the visible name or alias that fits, or the identifier read")


class SearchResult(BaseModel):
    hits: list[SearchHit]


class ProfileParams(Window):
    uid: str = Field(
        ...,
        min_length=1,
        max_length=100,
        examples=[examples.PERSON],
        description="an entity's uid, as search and every answer give it",
    )
    limit: int = Field(200, ge=1, le=1000, description="most facts returned")


class Fact(BaseModel):
    relationship: EdgeOut
    other: NodeOut
    direction: Literal["out", "in"]


class Profile(BaseModel):
    entity: NodeOut
    facts: list[Fact] = Field(description="every visible relationship of the entity, with its reports")
    total_facts: int


def name_score(query: str, node: NodeOut) -> tuple[float, str]:
    """How well the query fits the entity's best visible name or alias, 0-1, and which one that is."""
    wanted = name_key(query)
    variants = [("name", node.name)] + [("alias", str(v)) for v in node.properties.get("aliases") or []]
    score, (kind, variant) = max(
        ((fuzz.token_set_ratio(wanted, name_key(v)) / 100, (kind, v)) for kind, v in variants), key=lambda p: p[0]
    )
    return score, f"{kind} {variant!r}"


def search(graph: Graph, scope: Scope, params: SearchParams) -> SearchResult:
    """The full-text index finds candidates; they are ranked by how well the names and aliases that
    visible reports give fit the query, so that neither the index's statistics (which count entities
    the caller cannot see) nor an alias only a hidden report gives shape the answer."""
    rows = graph.read("investigations/search", {
        **scope.params(), "query": lucene_query(params.q), "labels": list(params.types),
        "skip": 0, "limit": CANDIDATES + params.skip + params.limit,
    })  # fmt: skip
    reasons = identifier_uids(params.q)
    found = graph.read("investigations/search_identifiers", {
        **scope.params(), "uids": list(reasons), "labels": list(params.types),
    }) if reasons else []  # fmt: skip
    prov = Provenance(graph, scope, (row["node"].get("report_ids") for row in [*found, *rows]))
    exact = {row["uid"]: SearchHit(**prov.node(row["node"]).model_dump(), score=1.0, matched=reasons[row["uid"]])
             for row in found}  # fmt: skip
    scored = [(*name_score(params.q, node), node) for node in (prov.node(row["node"]) for row in rows)]
    kept = (s for s in scored if s[0] >= MIN_SCORE and s[2].uid not in exact)
    by_name = sorted(kept, key=lambda s: (-s[0], s[2].uid))
    hits = [*exact.values()] + [
        SearchHit(**node.model_dump(), score=round(score, 4), matched=why) for score, why, node in by_name
    ]
    return SearchResult(hits=hits[params.skip : params.skip + params.limit])


def profile(graph: Graph, scope: Scope, params: ProfileParams) -> Profile:
    rows = graph.read("investigations/profile", {**scope.params(), "uid": params.uid, "limit": params.limit})
    if not rows:
        raise NotFound(f"no entity with id {params.uid!r}")
    row = rows[0]
    ids = [row["node"].get("report_ids")]
    ids += [f["rel"]["report_ids"] for f in row["facts"]] + [f["other"].get("report_ids") for f in row["facts"]]
    prov = Provenance(graph, scope, ids)
    facts = [
        Fact(relationship=prov.edge(f["rel"]), other=prov.node(f["other"]),
             direction="out" if f["rel"]["source"] == params.uid else "in")
        for f in row["facts"]
    ]  # fmt: skip
    return Profile(entity=prov.node(row["node"]), facts=facts, total_facts=row["total"])
