"""`organisation`, `key-players` and `clusters`: networks as wholes."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

import networkx as nx
from pydantic import BaseModel, Field

from graph.clusters import ACTOR_KINDS, UnionFind
from graph.db import Graph
from graph.errors import NotFound
from graph.investigations import examples
from graph.investigations.base import EdgeOut, NodeOut, Provenance
from graph.investigations.neighbourhood import NetworkParams, expand, require_visible
from graph.investigations.params import Window
from graph.visibility import Scope

EXACT_BETWEENNESS = 500  # nodes up to which betweenness is exact (Brandes, O(nodes x ties))
MAIN_ACTORS = 5  # persons and organisations listed per cluster
SAMPLED_SOURCES = 200  # beyond that, estimated from this many source nodes (Brandes and Pich), seeded


class OrganisationParams(Window):
    uid: str = Field(
        ...,
        min_length=1,
        max_length=100,
        examples=[examples.ORGANISATION],
        description="an organisation's uid, as search and every answer give it",
    )
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
    betweenness_sources: int | None = Field(
        None,
        description=f"when the subgraph has more than {EXACT_BETWEENNESS} nodes, the number of "
        "source nodes betweenness was estimated from (a fixed sample); null when it is exact",
    )


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


ACTOR_LABELS = ("Person", "Organisation", "Phone", "Email", "Vehicle", "Vessel", "Document", "Incident", "Account")


@dataclass(frozen=True)
class Ranking:
    """Persons of a bare subgraph ranked by betweenness, then degree, then uid."""

    persons: list[str]
    betweenness: dict[str, float]
    degree: dict[str, int]
    size: int
    sources: int | None


def rank_persons(nodes: dict[str, str | None], ties: Iterable[tuple[str, str]]) -> Ranking:
    """Rank the persons among `nodes` (uid -> label) over the ties between actors. Nodes and ties are put in
    uid order first, so a sampled estimate does not depend on the order they were found in."""
    actors = sorted(uid for uid, label in nodes.items() if label in ACTOR_LABELS)
    g = nx.Graph()
    g.add_nodes_from(actors)
    g.add_edges_from(sorted((a, b) for a, b in ties if a in g and b in g))
    sources = SAMPLED_SOURCES if g.number_of_nodes() > EXACT_BETWEENNESS else None
    estimate = nx.betweenness_centrality(g, k=sources, normalized=True, seed=0)
    betweenness = {uid: round(value, 6) for uid, value in estimate.items()}
    degree = {uid: int(g.degree(uid)) for uid in actors}
    persons = sorted((uid for uid in actors if nodes[uid] == "Person"),
                     key=lambda uid: (-betweenness[uid], -degree[uid], uid))  # fmt: skip
    return Ranking(persons, betweenness, degree, g.number_of_nodes(), sources)


def key_players(graph: Graph, scope: Scope, params: KeyPlayersParams) -> KeyPlayersResult:
    """Persons ranked by betweenness, then degree, in the visible neighbourhood of a network. The ranking
    runs on bare ties; only the persons listed become answer maps."""
    require_visible(graph, scope, params.uid)
    found = expand(graph, scope, NetworkParams(uid=params.uid, depth=params.depth, limit=2000), bare=True)
    ranking = rank_persons(found.nodes, ((a, b) for a, _, b in found.edges))
    page = ranking.persons[: params.limit]
    rows = {
        r["node"]["uid"]: r["node"] for r in graph.read("investigations/get_nodes", {**scope.params(), "uids": page})
    }
    prov = Provenance(graph, scope, [row["report_ids"] for row in rows.values()])
    players = [KeyPlayer(person=prov.node(rows[uid]), degree=ranking.degree[uid], betweenness=ranking.betweenness[uid])
               for uid in page if uid in rows]  # fmt: skip
    return KeyPlayersResult(players=players, network_size=ranking.size, betweenness_sources=ranking.sources)


def clusters(graph: Graph, scope: Scope, params: ClustersParams) -> ClustersResult:
    """The connected networks the caller sees, largest first. Without a time window they are read from the
    clusters kept as data is written (graph/clusters.py), joined along the private ties the caller may
    see; with one, they are computed from the ties in the window."""
    if scope.since is not None or scope.until is not None:
        return clusters_from_ties(graph, scope, params)
    private = graph.read("clusters/get_private_ties", scope.params())
    sets, extra, kinds, base, key = UnionFind(), Counter[str](), {}, {}, {}
    for tie in private:
        for end in ("source", "target"):
            uid = tie[end]
            extra[uid] += 1
            kinds[uid], base[uid] = tie[f"{end}_label"], tie[f"{end}_degree"]
            key[uid] = f"c:{tie[f'{end}_cluster']}" if tie[f"{end}_cluster"] else f"n:{uid}"
        sets.union(key[tie["source"]], key[tie["target"]])
    involved = sorted({key[2:] for key in sets.parent if key.startswith("c:")})
    stored = {r["id"]: r for r in graph.read("clusters/get_clusters", {"ids": involved})}
    page = graph.read("clusters/get_cluster_page", {"min_size": params.min_size, "limit": params.limit + len(involved)})
    found = [_Found([c["id"]], c["size"], c["persons"], c["organisations"], c["first"]) for c in page
             if c["id"] not in stored]  # fmt: skip
    adjusted: dict[str, list[str]] = {}
    for uid in sorted(extra):
        adjusted.setdefault(sets.find(key[uid]), []).append(uid)
    for root, keys in sets.groups().items():
        ids = [k[2:] for k in keys if k.startswith("c:") and k[2:] in stored]
        loose = [k[2:] for k in keys if k.startswith("n:")]
        kinds_loose = [kinds[uid] for uid in loose]
        found.append(_Found(
            ids, sum(stored[i]["size"] for i in ids) + len(loose),
            sum(stored[i]["persons"] for i in ids) + kinds_loose.count("Person"),
            sum(stored[i]["organisations"] for i in ids) + kinds_loose.count("Organisation"),
            min([stored[i]["first"] for i in ids] + loose), adjusted.get(root, []),
        ))  # fmt: skip
    found = sorted((f for f in found if f.size >= params.min_size), key=lambda f: (-f.size, f.first))[: params.limit]
    most_adjusted = max((len(f.adjusted) for f in found), default=0)
    wanted = {"ids": [i for f in found for i in f.ids], "k": MAIN_ACTORS + most_adjusted}
    actors = {r["id"]: r["actors"] for r in graph.read("clusters/get_main_actors", wanted)}
    main: list[list[str]] = []
    for f in found:
        degree = {a["uid"]: a["degree"] for i in f.ids for a in actors.get(i, [])}
        degree |= {u: base[u] + extra[u] for u in f.adjusted if kinds[u] in ACTOR_KINDS}
        main.append(sorted(degree, key=lambda u: (-degree[u], u))[:MAIN_ACTORS])
    shown = [(f.size, f.persons, f.organisations, m) for f, m in zip(found, main, strict=True)]
    return _clusters_result(graph, scope, shown, truncated=False)


@dataclass
class _Found:
    """A cluster as the caller sees it: the stored clusters it joins, its counts, smallest member uid, and
    the entities whose degree the caller's private ties change."""

    ids: list[str]
    size: int
    persons: int
    organisations: int
    first: str
    adjusted: list[str] = field(default_factory=list)


def clusters_from_ties(graph: Graph, scope: Scope, params: ClustersParams) -> ClustersResult:
    """Connected networks computed from the bare ties the caller sees (in a time window), at most
    `max_edges` of them; the same order and degrees as the kept clusters."""
    rows: list[dict[str, Any]] = graph.read(
        "investigations/clusters", {**scope.params(), "max_edges": params.max_edges}
    )
    g, degree = nx.Graph(), Counter[str]()
    for row in rows:
        g.add_node(row["source"], label=row["source_label"])
        g.add_node(row["target"], label=row["target_label"])
        g.add_edge(row["source"], row["target"])
        degree[row["source"]] += 1
        degree[row["target"]] += 1
    found: list[tuple[int, int, int, list[str], str]] = []
    for component in nx.connected_components(g):
        if len(component) < params.min_size:
            continue
        actors = sorted((uid for uid in component if g.nodes[uid]["label"] in ACTOR_KINDS),
                        key=lambda uid: (-degree[uid], uid))  # fmt: skip
        persons = sum(g.nodes[uid]["label"] == "Person" for uid in actors)
        found.append((len(component), persons, len(actors) - persons, actors[:MAIN_ACTORS], min(component)))
    found.sort(key=lambda c: (-c[0], c[4]))
    return _clusters_result(graph, scope, [c[:4] for c in found[: params.limit]],
                            truncated=len(rows) >= params.max_edges)  # fmt: skip


def _clusters_result(graph: Graph, scope: Scope, found: list[tuple[int, int, int, list[str]]],
                     truncated: bool) -> ClustersResult:  # fmt: skip
    shown = graph.read("investigations/get_nodes", {**scope.params(), "uids": [u for c in found for u in c[3]]})
    prov = Provenance(graph, scope, [row["node"]["report_ids"] for row in shown])
    nodes = {row["node"]["uid"]: prov.node(row["node"]) for row in shown}
    return ClustersResult(
        clusters=[Cluster(size=size, persons=persons, organisations=orgs, main_actors=[nodes[u] for u in main])
                  for size, persons, orgs, main in found],
        truncated=truncated,
    )  # fmt: skip
