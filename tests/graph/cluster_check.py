"""The invariant every write keeps: the kept clusters, degrees and private ties are what all ties give."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from typing import Any

from graph.clusters import compute_all
from graph.db import Graph

_STORED = """
CALL { MATCH (n:Entity) WHERE n.cluster IS NOT NULL OR n.degree IS NOT NULL
       RETURN collect([n.uid, n.cluster, n.degree]) AS entities }
CALL { MATCH (c:Cluster) RETURN collect(properties(c)) AS clusters }
CALL { MATCH (p:PrivateTie) RETURN collect([p.scope, p.source, p.target, p.type]) AS private }
RETURN entities, clusters, private
"""


def _by_cluster(pairs: Iterable[tuple[str, str | None]]) -> dict[str, set[str]]:
    """Entity uids per cluster id, from (uid, cluster) pairs; entities in no cluster left out."""
    found: dict[str, set[str]] = {}
    for uid, cluster in pairs:
        if cluster is not None:
            found.setdefault(cluster, set()).add(uid)
    return found


def drifted_clusters(graph: Graph) -> list[str]:
    """What differs between the kept clusters and those computed from scratch, one line each."""
    row = graph.driver.execute_query(_STORED, database_=graph.database).records[0]
    expected = compute_all(graph)
    problems: list[str] = []
    degrees = {uid: degree for uid, _, degree in row["entities"] if degree is not None}
    if degrees != expected.degrees:
        problems.append(f"degrees: kept {sorted(degrees.items())}, expected {sorted(expected.degrees.items())}")
    kept = _by_cluster((uid, cluster) for uid, cluster, _ in row["entities"])
    wanted = _by_cluster(expected.members.items())
    have, want = sorted(map(sorted, kept.values())), sorted(map(sorted, wanted.values()))
    if have != want:
        problems.append(f"members: kept {have}, expected {want}")
    by_first = {c["first"]: c for c in expected.clusters}
    stored: dict[str, dict[str, Any]] = {c["uid"]: c for c in row["clusters"]}
    if set(stored) != set(kept):
        problems.append(f"cluster nodes {sorted(stored)} but entities in {sorted(kept)}")
    for cid, uids in kept.items():
        want = by_first.get(min(uids))
        have = stored.get(cid)
        fields = ("size", "persons", "organisations", "first")
        if want is None or have is None or any(have[f] != want[f] for f in fields):
            problems.append(f"cluster {cid}: kept {have}, expected {want}")
    private = Counter(tuple(p) for p in row["private"])
    if private != Counter((p["scope"], p["source"], p["target"], p["type"]) for p in expected.private):
        problems.append(f"private ties: kept {sorted(private)}, expected {expected.private}")
    return problems


def kept_clusters(graph: Graph) -> tuple[list[Any], list[Any]]:
    """The kept clusters without their ids (which depend on the order of writes): each as its sorted
    members with its counts, and the private ties, both sorted."""
    row = graph.driver.execute_query(_STORED, database_=graph.database).records[0]
    members = _by_cluster((uid, cluster) for uid, cluster, _ in row["entities"])
    stored = {c["uid"]: c for c in row["clusters"]}
    clusters = sorted(
        (sorted(uids), *(stored.get(cid, {}).get(f) for f in ("size", "persons", "organisations", "first")))
        for cid, uids in members.items()
    )
    return clusters, sorted(row["private"])
