"""Clusters kept as data is written: the connected networks the whole network sees, ready to page.

A tie between actors (a person or organisation and what it is tied to: membership, identifier,
document, incident; `TIE_TYPES`) that the whole network sees joins its two ends into one cluster.
Each entity in such a tie has a `cluster` id and a `degree` (how many such ties it is in); each
cluster is a `(:Cluster {uid, size, persons, organisations, first})` node, `first` being its smallest
member uid. A tie that only some agencies see is kept as `(:PrivateTie {scope, source, target, type})`
instead: a caller's clusters are the network's joined along the private ties the caller may see
(graph/investigations/networks.py), so what one agency restricts never moves another's clusters.

Adding a report only adds ties, so clusters are joined (`grow`, the smaller moving into the larger).
Taking something away (a replaced report, a split, a narrower release) recomputes the clusters it
touched from their ties (`rebuild`). A merge first takes the loser out (`detach`) and then grows.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from neo4j import ManagedTransaction

from graph.db import Graph
from graph.visibility import NETWORK

TIE_TYPES = ("MEMBER_OF", "HAS_PHONE", "HAS_EMAIL", "USES_VEHICLE", "USES_VESSEL", "HAS_ACCOUNT",
             "SUPPLIED_DOCUMENT", "USED_DOCUMENT", "INVOLVED_IN", "SAME_AS")  # fmt: skip
"""Relationship types that tie actors into networks (an actor at the start); places and countries never do.
A reviewer's `SAME_AS` judgement joins the two entities' networks for those who may see it."""

ACTOR_KINDS = ("Person", "Organisation")


class UnionFind:
    """Disjoint sets over hashable keys."""

    def __init__(self) -> None:
        self.parent: dict[str, str] = {}

    def find(self, key: str) -> str:
        self.parent.setdefault(key, key)
        root = key
        while self.parent[root] != root:
            root = self.parent[root]
        while self.parent[key] != root:
            self.parent[key], key = root, self.parent[key]
        return root

    def union(self, a: str, b: str) -> None:
        self.parent[self.find(a)] = self.find(b)

    def groups(self) -> dict[str, list[str]]:
        found: dict[str, list[str]] = {}
        for key in list(self.parent):
            found.setdefault(self.find(key), []).append(key)
        return found


def _private_rows(tie: dict[str, Any]) -> list[dict[str, str]]:
    """One PrivateTie row per release scope of a tie that the whole network does not see."""
    scopes = sorted(set(tie["scopes"]) - {NETWORK})
    return [{"scope": s, "source": tie["source"], "target": tie["target"], "type": tie["type"]} for s in scopes]


@dataclass
class _Regroup:
    """Entities whose cluster is being decided (`open`, uid -> kind), the sets they and the stored clusters
    are joined into, the private ties seen, and the other ends of the ties read."""

    open: dict[str, str] = field(default_factory=dict)
    sets: UnionFind = field(default_factory=UnionFind)
    private: list[dict[str, str]] = field(default_factory=list)
    neighbours: set[str] = field(default_factory=set)

    def key(self, uid: str, cluster: str | None) -> str:
        return f"n:{uid}" if uid in self.open or cluster is None else f"c:{cluster}"

    def join(self, row: dict[str, Any], tie: dict[str, Any]) -> bool:
        """Join a tie the network sees (True when its other end was newly opened); note a private one."""
        self.neighbours.add(tie["other"])
        if not tie["net"]:
            self.private.extend(_private_rows(tie))
            return False
        opened = tie["other_cluster"] is None and tie["other"] not in self.open
        if opened:
            self.open[tie["other"]] = tie["other_label"]
        self.sets.union(self.key(row["uid"], row["cluster"]), self.key(tie["other"], tie["other_cluster"]))
        return opened


def _unique(rows: list[dict[str, str]]) -> list[dict[str, str]]:
    return list({(r["scope"], r["source"], r["target"], r["type"]): r for r in rows}.values())


def _write(tx: ManagedTransaction, graph: Graph, work: _Regroup, dissolved: Iterable[str] = ()) -> None:
    """Turn the joined sets into stored clusters: each set keeps its largest stored cluster (or gets a new
    one when it has none and two entities or more), the others move into it."""
    groups = list(work.sets.groups().values())
    stored_ids = sorted({k[2:] for keys in groups for k in keys if k.startswith("c:")})
    stored = {r["id"]: r for r in graph.run_in(tx, "clusters/get_clusters", {"ids": stored_ids})}
    rows: list[dict[str, Any]] = []
    moves: list[dict[str, str]] = []
    placed: list[dict[str, str | None]] = []
    deleted = list(dissolved)
    for keys in groups:
        clusters = sorted((stored[k[2:]] for k in keys if k.startswith("c:") and k[2:] in stored),
                          key=lambda c: (-c["size"], c["id"]))  # fmt: skip
        members = [k[2:] for k in keys if k.startswith("n:")]
        if not clusters and len(members) < 2:
            placed.extend({"uid": uid, "cluster": None} for uid in members)
            continue
        target = clusters[0]["id"] if clusters else uuid.uuid4().hex
        labels = [work.open[uid] for uid in members]
        rows.append({
            "id": target, "size": sum(c["size"] for c in clusters) + len(members),
            "persons": sum(c["persons"] for c in clusters) + labels.count("Person"),
            "organisations": sum(c["organisations"] for c in clusters) + labels.count("Organisation"),
            "first": min([c["first"] for c in clusters] + members),
        })  # fmt: skip
        moves.extend({"from": c["id"], "to": target} for c in clusters[1:])
        deleted.extend(c["id"] for c in clusters[1:])
        placed.extend({"uid": uid, "cluster": target} for uid in members)
    graph.run_in(tx, "clusters/move_cluster_members", {"moves": moves}).consume()
    graph.run_in(tx, "clusters/set_node_clusters", {"rows": placed}).consume()
    graph.run_in(tx, "clusters/set_clusters", {"rows": rows, "deleted": deleted}).consume()


def _finish(tx: ManagedTransaction, graph: Graph, work: _Regroup, touched: list[str], *, neighbours: bool) -> None:
    """Degrees of the touched entities (and of their neighbours), and their private ties rewritten."""
    degrees = set(touched) | set(work.open) | (work.neighbours if neighbours else set())
    graph.run_in(tx, "clusters/set_degrees", {"uids": sorted(degrees)}).consume()
    graph.run_in(tx, "clusters/replace_private_ties", {
        "uids": touched, "among": not neighbours, "rows": _unique(work.private),
    }).consume()  # fmt: skip


def grow(tx: ManagedTransaction, graph: Graph, uids: Iterable[str], *, all_ties: bool = False) -> None:
    """Join clusters along the ties among `uids` (a new report's entities), or along all their ties
    (`all_ties`: a merge's winner, which took over the loser's; their neighbours' degrees are redone)."""
    touched = sorted(set(uids))
    work = _Regroup()
    for record in graph.run_in(tx, "clusters/get_ties_of", {"uids": touched, "among": not all_ties}):
        row = dict(record)
        if row["net"] and row["cluster"] is None:
            work.open[row["uid"]] = row["label"]
        if row["net"]:
            work.sets.find(work.key(row["uid"], row["cluster"]))
        for tie in row["ties"]:
            work.join(row, tie)
    _write(tx, graph, work)
    _finish(tx, graph, work, touched, neighbours=all_ties)


def clusters_of(tx: ManagedTransaction, graph: Graph, uids: Iterable[str]) -> list[str]:
    """The clusters some entities are in now (read before a change that may delete entities)."""
    rows = graph.run_in(tx, "clusters/get_ties_of", {"uids": sorted(set(uids)), "among": True})
    return sorted({row["cluster"] for row in rows if row["cluster"] is not None})


def rebuild(tx: ManagedTransaction, graph: Graph, uids: Iterable[str], before: Iterable[str] = ()) -> None:
    """Recompute the clusters of `uids` (and the clusters `before`, read before entities went) from their
    ties: every member is placed again by walking the ties the network sees; a cluster reached that was
    not touched is joined whole rather than walked."""
    touched = sorted(set(uids))
    is_touched = set(touched)
    old = sorted(set(before) | set(clusters_of(tx, graph, touched)))
    members = graph.run_in(tx, "clusters/get_cluster_members", {"ids": old}).single()
    start = sorted(set(touched) | set(members["uids"] if members else []))
    work = _Regroup(open={uid: "" for uid in start})
    private: list[dict[str, str]] = []
    neighbours: set[str] = set()
    frontier = start
    while frontier:
        rows = [dict(record) for record in graph.run_in(tx, "clusters/get_ties_of", {"uids": frontier, "among": False})]
        frontier = []
        for row in rows:
            work.open[row["uid"]] = row["label"]
            work.sets.find(f"n:{row['uid']}")
            for tie in row["ties"]:
                if row["uid"] in is_touched:
                    neighbours.add(tie["other"])
                    if not tie["net"]:
                        private.extend(_private_rows(tie))
                if tie["net"] and work.join(row, tie):
                    frontier.append(tie["other"])
    for uid in [uid for uid, kind in work.open.items() if not kind]:  # entities deleted since
        del work.open[uid]
    work.private, work.neighbours = private, neighbours
    _write(tx, graph, work, dissolved=old)
    _finish(tx, graph, work, touched, neighbours=True)


def detach(tx: ManagedTransaction, graph: Graph, uid: str) -> None:
    """Take an entity that is about to be merged away out of its cluster's counts."""
    rows = list(graph.run_in(tx, "clusters/get_ties_of", {"uids": [uid], "among": True}))
    if not rows or rows[0]["cluster"] is None:
        return
    row = rows[0]
    found = graph.run_in(tx, "clusters/get_clusters", {"ids": [row["cluster"]]}).single()
    if found is None:
        return
    cluster: dict[str, Any] = dict(found)
    cluster["size"] -= 1
    cluster["persons"] -= row["label"] == "Person"
    cluster["organisations"] -= row["label"] == "Organisation"
    graph.run_in(tx, "clusters/set_node_clusters", {"rows": [{"uid": uid, "cluster": None}]}).consume()
    if cluster["first"] == uid:
        members = graph.run_in(tx, "clusters/get_cluster_members", {"ids": [cluster["id"]]}).single()
        cluster["first"] = min(members["uids"]) if members and members["uids"] else uid
    graph.run_in(tx, "clusters/set_clusters", {"rows": [cluster], "deleted": []}).consume()


@dataclass
class Computed:
    """Every cluster, degree and private tie, computed from scratch from all ties."""

    clusters: list[dict[str, Any]]
    members: dict[str, str]  # uid -> cluster id
    degrees: dict[str, int]
    private: list[dict[str, str]]


def compute_all(graph: Graph) -> Computed:
    """All clusters from all ties, with ids new and deterministic (`first` is the id too)."""
    sets, degrees, kinds, private = UnionFind(), dict[str, int](), dict[str, str](), []
    for tie in graph.read("clusters/get_all_ties"):
        if not tie["net"]:
            private.extend(_private_rows(tie))
            continue
        for end in ("source", "target"):
            degrees[tie[end]] = degrees.get(tie[end], 0) + 1
            kinds[tie[end]] = tie[f"{end}_label"]
        sets.union(tie["source"], tie["target"])
    clusters: list[dict[str, Any]] = []
    members: dict[str, str] = {}
    for uids in sets.groups().values():
        labels = [kinds[uid] for uid in uids]
        first = min(uids)
        clusters.append({"id": first, "size": len(uids), "persons": labels.count("Person"),
                         "organisations": labels.count("Organisation"), "first": first})  # fmt: skip
        members |= {uid: first for uid in uids}
    return Computed(clusters, members, degrees, _unique(private))


def recompute_all(graph: Graph, batch: int = 10_000) -> Computed:
    """Forget and write again every cluster, degree and private tie (a graph built in bulk, without the
    loader, gets its clusters this way)."""
    while graph.write("clusters/delete_all_clusters", {"batch": batch})[0]["done"]:
        pass
    computed = compute_all(graph)
    rows = [{"uid": uid, "cluster": cid, "degree": computed.degrees[uid]} for uid, cid in computed.members.items()]
    for start in range(0, max(len(rows), len(computed.clusters), len(computed.private)), batch):
        graph.write("clusters/set_entity_clusters", {"rows": rows[start : start + batch]})
        graph.write("clusters/set_clusters", {"rows": computed.clusters[start : start + batch], "deleted": []})
        graph.write("clusters/create_private_ties", {"rows": computed.private[start : start + batch]})
    return computed
