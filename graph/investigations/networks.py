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
    members = []
    for m in row["members"]:
        person, tie = prov.node(m["person"]), prov.edge(m["rel"])
        roles = set(tie.properties.get("roles") or []) | set(person.properties.get("roles") or [])
        members.append(Member(person=person, relationship=tie, roles=sorted(roles)))
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
    """Connected networks from bare visible ties; only the main actors' details are fetched."""
    rows: list[dict[str, Any]] = graph.read(
        "investigations/clusters", {**scope.params(), "max_edges": params.max_edges}
    )
    g = nx.Graph()
    for row in rows:
        g.add_node(row["source"], label=row["source_label"])
        g.add_node(row["target"], label=row["target_label"])
        g.add_edge(row["source"], row["target"])
    found: list[tuple[int, int, int, list[str]]] = []
    for component in nx.connected_components(g):
        if len(component) < params.min_size:
            continue
        actors = sorted((uid for uid in component if g.nodes[uid]["label"] in ("Person", "Organisation")),
                        key=lambda uid: (-g.degree(uid), uid))  # fmt: skip
        persons = sum(g.nodes[uid]["label"] == "Person" for uid in actors)
        found.append((len(component), persons, len(actors) - persons, actors[:5]))
    found.sort(key=lambda c: (-c[0], c[3][0] if c[3] else ""))
    found = found[: params.limit]
    shown = graph.read("investigations/get_nodes", {**scope.params(), "uids": [u for c in found for u in c[3]]})
    prov = Provenance(graph, scope, [row["node"]["report_ids"] for row in shown])
    nodes = {row["node"]["uid"]: prov.node(row["node"]) for row in shown}
    return ClustersResult(
        clusters=[Cluster(size=size, persons=persons, organisations=orgs, main_actors=[nodes[u] for u in main])
                  for size, persons, orgs, main in found],
        truncated=len(rows) >= params.max_edges,
    )  # fmt: skip
