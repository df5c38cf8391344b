"""`network` (the neighbourhood of an entity) and `paths` (how two entities are connected)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal, Self

from pydantic import BaseModel, Field, model_validator

from graph.db import Graph
from graph.errors import NotFound
from graph.investigations import examples
from graph.investigations.base import GraphOut, Provenance
from graph.investigations.params import Window
from graph.visibility import Scope
from graph.vocabulary import FactType

AvoidLabel = Literal["Country", "Place", "Incident", "Route", "Document", "Phone", "Organisation", "FraudTechnique",
                     "ModusOperandi"]  # fmt: skip


class NetworkParams(Window):
    uid: str = Field(
        ...,
        min_length=1,
        max_length=100,
        examples=[examples.PERSON],
        description="an entity's uid, as search and every answer give it",
    )
    depth: int = Field(1, ge=1, le=3, description="hops from the entity")
    types: list[FactType] = Field(default_factory=list, description="only these relationship types")
    limit: int = Field(200, ge=1, le=5000, description="most ties drawn; the rest are counted per node in `omitted`")


class PathsParams(Window):
    source: str = Field(
        ...,
        min_length=1,
        max_length=100,
        description="uid of one entity (search gives uids)",
        examples=[examples.PERSON],
    )
    target: str = Field(
        ..., min_length=1, max_length=100, description="uid of the other entity", examples=[examples.OTHER_PERSON]
    )
    avoid: list[AvoidLabel] = Field(default_factory=list, description="never pass through these kinds of node")
    all: bool = Field(True, description="all shortest paths (true) or just one (false)")
    limit: int = Field(10, ge=1, le=100, description="most paths returned")

    @model_validator(mode="after")
    def _two_entities(self) -> Self:
        if self.source == self.target:
            raise ValueError("source and target must be two different entities")
        return self


class PathsResult(BaseModel):
    paths: list[GraphOut] = Field(description="each path as its nodes (in order) and relationships")
    length: int | None = Field(description="hops of the shortest path, null when none is visible")


def require_visible(graph: Graph, scope: Scope, uid: str) -> None:
    """404 for an entity that does not exist and for one the caller may not see, with the same words."""
    if not graph.read("investigations/get_entity", {**scope.params(), "uid": uid}):
        raise NotFound(f"no entity with id {uid!r}")


def _graph_from_paths(graph: Graph, scope: Scope, rows: list[dict[str, Any]], truncated: bool) -> GraphOut:
    nodes = {n["uid"]: n for row in rows for n in row["nodes"]}
    rels = {(r["source"], r["type"], r["target"]): r for row in rows for r in row["rels"]}
    ids = [n.get("report_ids") for n in nodes.values()] + [r["report_ids"] for r in rels.values()]
    prov = Provenance(graph, scope, ids)
    return GraphOut(nodes=[prov.node(n) for n in nodes.values()], edges=[prov.edge(r) for r in rels.values()],
                    truncated=truncated)  # fmt: skip


@dataclass
class Neighbourhood:
    """What a bounded expansion reached: node uids (with their labels when bare), ties, and per node
    how many visible ties the limit left out."""

    nodes: dict[str, str | None] = field(default_factory=dict)
    edges: dict[tuple[str, str, str], dict[str, Any]] = field(default_factory=dict)
    omitted: dict[str, int] = field(default_factory=dict)


def expand(graph: Graph, scope: Scope, params: NetworkParams, *, bare: bool = False) -> Neighbourhood:
    """The neighbourhood, hop by hop in a stable order, drawing at most `limit` ties; a node whose other
    ties the limit leaves out says how many (`omitted`). Reference nodes end a path, never extend it.
    `bare` ties carry only their ends and type (and nodes their label), for ranking before any answer map."""
    found = Neighbourhood(nodes={params.uid: None})
    frontier, budget = [params.uid], params.limit
    for _ in range(params.depth):
        if not frontier or budget <= 0:
            break
        rows = graph.read("investigations/get_tie_ends" if bare else "investigations/get_ties", {
            **scope.params(), "uids": frontier, "types": list(params.types), "per_node": budget,
        })  # fmt: skip
        reached: list[str] = []
        for row in sorted(rows, key=lambda r: r["uid"]):
            drawn = 0
            found.nodes[row["uid"]] = found.nodes.get(row["uid"]) or row.get("label")
            for tie in row["ties"]:
                rel = tie["rel"]
                key = (rel["source"], rel["type"], rel["target"])
                if key not in found.edges:
                    if budget <= 0:
                        break
                    found.edges[key], budget = rel, budget - 1
                drawn += 1
                if tie["other"] not in found.nodes:
                    found.nodes[tie["other"]] = tie.get("label")
                    if not tie["reference"]:
                        reached.append(tie["other"])
            if row["total"] > drawn:
                found.omitted[row["uid"]] = row["total"] - drawn
        frontier = sorted(reached)
    return found


def network(graph: Graph, scope: Scope, params: NetworkParams) -> GraphOut:
    """The bounded neighbourhood of an entity (see `expand`), as answer maps."""
    require_visible(graph, scope, params.uid)
    found = expand(graph, scope, params)
    shown = graph.read("investigations/get_nodes", {**scope.params(), "uids": sorted(found.nodes)})
    edges = found.edges.values()
    prov = Provenance(graph, scope, [r["node"]["report_ids"] for r in shown] + [e["report_ids"] for e in edges])
    return GraphOut(nodes=[prov.node(r["node"]) for r in shown], edges=[prov.edge(e) for e in edges],
                    truncated=bool(found.omitted), omitted=found.omitted)  # fmt: skip


def paths(graph: Graph, scope: Scope, params: PathsParams) -> PathsResult:
    for uid in (params.source, params.target):
        require_visible(graph, scope, uid)
    limit = params.limit if params.all else 1
    rows = graph.read("investigations/paths", {
        **scope.params(), "source": params.source, "target": params.target, "avoid": list(params.avoid),
        "limit": limit,
    })  # fmt: skip
    found = [_graph_from_paths(graph, scope, [row], truncated=False) for row in rows]
    return PathsResult(paths=found, length=len(rows[0]["rels"]) if rows else None)
