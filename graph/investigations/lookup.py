"""`search` (entities by name or alias) and `profile` (one entity and every visible fact about it)."""

from __future__ import annotations

import re
from typing import Literal

from pydantic import BaseModel, Field

from graph.db import Graph
from graph.errors import NotFound
from graph.investigations.base import EdgeOut, NodeOut, Provenance
from graph.investigations.params import Paged, Params
from graph.visibility import Scope

SearchLabel = Literal["Person", "Organisation", "Place", "Vessel"]
_LUCENE_SPECIAL = re.compile(r'([+\-&|!(){}\[\]^"~*?:\\/])')


class SearchParams(Paged):
    q: str = Field(..., min_length=1, max_length=200, description="name or alias, any spelling",
                   examples=["Mohammed Al-Hassan"])  # fmt: skip
    types: list[SearchLabel] = Field(default_factory=list, description="only these kinds of entity")


class SearchHit(NodeOut):
    score: float


class SearchResult(BaseModel):
    hits: list[SearchHit]


class ProfileParams(Params):
    uid: str = Field(..., min_length=1, max_length=100, examples=["per-0123456789abcdef"])
    limit: int = Field(200, ge=1, le=1000, description="most facts returned")


class Fact(BaseModel):
    relationship: EdgeOut
    other: NodeOut
    direction: Literal["out", "in"]


class Profile(BaseModel):
    entity: NodeOut
    facts: list[Fact] = Field(description="every visible relationship of the entity, with its reports")
    total_facts: int


def fulltext_query(text: str) -> str:
    """The user's words as a Lucene query: special characters escaped, longer words fuzzy."""
    words = [_LUCENE_SPECIAL.sub(r"\\\1", w) for w in re.split(r"[\s\-]+", text) if w.strip(" -")]
    return " ".join(f"{w}~" if len(w) >= 4 else w for w in words) or '""'


def search(graph: Graph, scope: Scope, params: SearchParams) -> SearchResult:
    rows = graph.read("investigations/search", {
        **scope.params(), "query": fulltext_query(params.q), "labels": list(params.types),
        "skip": params.skip, "limit": params.limit,
    })  # fmt: skip
    prov = Provenance(graph, scope, (row["node"].get("report_ids") for row in rows))
    return SearchResult(hits=[SearchHit(**prov.node(row["node"]).model_dump(), score=row["score"]) for row in rows])


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
