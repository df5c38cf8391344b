"""`organisation`, `key-players` and `clusters`: networks as wholes."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import networkx as nx
from pydantic import BaseModel, Field

from graph.db import Graph
from graph.errors import NotFound
from graph.investigations import examples
from graph.investigations.base import EdgeOut, NodeOut, Provenance
from graph.investigations.neighbourhood import NetworkParams, network
from graph.investigations.params import Window
from graph.visibility import Scope


class OrganisationParams(Window):
    uid: str = Field(..., min_length=1, max_length=100, examples=[examples.ORGANISATION])
    limit: int = Field(200, ge=1, le=2000, description="most items per section")


class Member(BaseModel):
    person: NodeOut
    roles: list[str]
    relationship: EdgeOut


class OperatedRoute(BaseModel):
    route: NodeOut
    relationship: EdgeOut


class OrganisationResult(BaseModel):
    organisation: NodeOut
    members: list[Member]
    leaders: list[NodeOut]
    front_businesses: list[NodeOut]
    routes: list[OperatedRoute]
    incidents: list[NodeOut]


class KeyPlayersParams(Window):
    uid: str = Field(
        ...,
        min_length=1,
        max_length=100,
        description="an organisation or person at the network's centre",
        examples=[examples.PERSON],
    )
    depth: int = Field(2, ge=1, le=3)
    limit: int = Field(20, ge=1, le=500)


class KeyPlayer(BaseModel):
    person: NodeOut
    degree: int
    betweenness: float


class KeyPlayersResult(BaseModel):
    players: list[KeyPlayer]
    network_size: int = Field(description="nodes of the extracted subgraph the ranking was computed on")


class ClustersParams(Window):
    min_size: int = Field(2, ge=2, le=10_000, description="smallest network listed (actors and what ties them)")
    limit: int = Field(50, ge=1, le=1000)
    max_edges: int = Field(50_000, ge=1, le=500_000, description="ties read from the graph at most")


class Cluster(BaseModel):
    size: int
    persons: int
    organisations: int
    main_actors: list[NodeOut] = Field(description="the best-connected persons and organisations")


class ClustersResult(BaseModel):
    clusters: list[Cluster]
    truncated: bool


def organisation(graph: Graph, scope: Scope, params: OrganisationParams) -> OrganisationResult:
    rows = graph.read("investigations/organisation", {**scope.params(), "uid": params.uid, "limit": params.limit})
    if not rows:
        raise NotFound(f"no organisation with id {params.uid!r}")
    row = rows[0]
    ids = [row["organisation"].get("report_ids")] + [m["person"].get("report_ids") for m in row["members"]]
    ids += [m["rel"]["report_ids"] for m in row["members"]] + [f.get("report_ids") for f in row["fronts"]]
    ids += [r["rel"]["report_ids"] for r in row["routes"]] + [i.get("report_ids") for i in row["incidents"]]
    prov = Provenance(graph, scope, ids)
    members = [
        Member(person=prov.node(m["person"]), relationship=prov.edge(m["rel"]),
               roles=sorted(set(m["rel"]["props"].get("roles") or []) | set(m["person"].get("roles") or [])))
        for m in row["members"]
    ]  # fmt: skip
    return OrganisationResult(
        organisation=prov.node(row["organisation"]), members=members,
        leaders=[m.person for m in members if "leader" in (m.relationship.properties.get("roles") or [])],
        front_businesses=[prov.node(f) for f in row["fronts"]],
        routes=[OperatedRoute(route=prov.node(r["route"]), relationship=prov.edge(r["rel"])) for r in row["routes"]],
        incidents=[prov.node(i) for i in row["incidents"]],
    )  # fmt: skip


def _nx_graph(nodes: Iterable[NodeOut], edges: Iterable[EdgeOut]) -> nx.Graph:
    g = nx.Graph()
    g.add_nodes_from((n.uid, {"node": n}) for n in nodes)
    g.add_edges_from((e.source, e.target) for e in edges)
    return g


def key_players(graph: Graph, scope: Scope, params: KeyPlayersParams) -> KeyPlayersResult:
    """Persons ranked by betweenness, then degree, in the visible neighbourhood of a network."""
    sub = network(graph, scope, NetworkParams(uid=params.uid, depth=params.depth, limit=2000))
    actors = [n for n in sub.nodes if n.label in ("Person", "Organisation", "Phone", "Email", "Vehicle", "Vessel",
                                                  "Document", "Incident", "Account")]  # fmt: skip
    g = _nx_graph(actors, [e for e in sub.edges if {e.source, e.target} <= {n.uid for n in actors}])
    betweenness = nx.betweenness_centrality(g, normalized=True)
    players = [
        KeyPlayer(person=data["node"], degree=int(g.degree(uid)), betweenness=round(betweenness[uid], 6))
        for uid, data in g.nodes(data=True) if data["node"].label == "Person"
    ]  # fmt: skip
    players.sort(key=lambda p: (-p.betweenness, -p.degree, p.person.uid))
    return KeyPlayersResult(players=players[: params.limit], network_size=g.number_of_nodes())


def clusters(graph: Graph, scope: Scope, params: ClustersParams) -> ClustersResult:
    rows: list[dict[str, Any]] = graph.read(
        "investigations/clusters", {**scope.params(), "max_edges": params.max_edges}
    )
    nodes = {row[key]["uid"]: row[key] for row in rows for key in ("source", "target")}
    prov = Provenance(graph, scope, [n.get("report_ids") for n in nodes.values()])
    g = nx.Graph()
    g.add_nodes_from((uid, {"node": prov.node(n)}) for uid, n in nodes.items())
    g.add_edges_from((row["rel"]["source"], row["rel"]["target"]) for row in rows)
    found = []
    for component in nx.connected_components(g):
        if len(component) < params.min_size:
            continue
        actors = [g.nodes[uid]["node"] for uid in component if g.nodes[uid]["node"].label in ("Person", "Organisation")]
        actors.sort(key=lambda n: (-g.degree(n.uid), n.uid))
        found.append(
            Cluster(
                size=len(component),
                persons=sum(a.label == "Person" for a in actors),
                organisations=sum(a.label == "Organisation" for a in actors),
                main_actors=actors[:5],
            )
        )
    found.sort(key=lambda c: (-c.size, c.main_actors[0].uid if c.main_actors else ""))
    return ClustersResult(clusters=found[: params.limit], truncated=len(rows) >= params.max_edges)
