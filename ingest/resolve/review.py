"""Reviewing resolution: the proposed pairs, and a reviewer's answers (same, reject, split), each
recorded with who and when. An agency reviewer's "same" is scoped to the agency (judgement.py)."""

from __future__ import annotations

from typing import Any

from graph.db import Graph
from graph.errors import NotFound
from graph.investigations.base import Provenance
from graph.merge import merge_entities, split_entities
from graph.visibility import Scope
from ingest.resolve.judgement import judge_same


def candidates(graph: Graph, scope: Scope, status: str = "proposed", limit: int = 100) -> list[dict[str, Any]]:
    """Pairs proposed as possibly the same person whose evidence the caller may see, best first; each
    end named as the caller's visible reports name it."""
    rows = graph.read("resolution/get_candidates", {**scope.params(), "status": status, "limit": limit})
    prov = Provenance(graph, scope, [])
    for row in rows:
        for end in ("a", "b"):
            node = prov.node(row[end])
            row[end] = {"uid": node.uid, "name": node.name}
    return rows


def proposals_of(graph: Graph, scope: Scope, uid: str, limit: int = 50) -> list[dict[str, Any]]:
    """The unreviewed proposals touching one entity whose evidence the caller may see, best first; the
    other end as the caller's visible reports give it (for dashed "possibly same" ties on a chart)."""
    rows = graph.read("resolution/get_proposals_of", {**scope.params(), "uid": uid, "limit": limit})
    prov = Provenance(graph, scope, [row["other"].get("report_ids") for row in rows])
    return [{**row, "other": prov.node(row["other"])} for row in rows]


def reject(graph: Graph, a: str, b: str, by: str) -> None:
    """The two are different people: the proposal stays, marked rejected, so it is not proposed again."""
    if not graph.write("resolution/set_candidate_status", {"a": a, "b": b, "status": "rejected", "by": by}):
        raise NotFound(f"no proposed pair {a!r} / {b!r}")


def confirm(graph: Graph, winner: str, loser: str, by: str, judged_for: Scope | None = None) -> str:
    """The two are one entity; returns the id of the decision that can undo it. With `judged_for` (a
    reviewer of an agency), a judgement only that agency sees; without, a merge for the whole network,
    marking the proposal confirmed for everyone."""
    if judged_for is not None:
        return judge_same(graph, judged_for, winner, loser, by, ["judged the same by a reviewer"])
    rows = graph.write("resolution/set_candidate_status", {"a": winner, "b": loser, "status": "confirmed", "by": by})
    reasons = ["confirmed by a reviewer"] if rows else ["merged by a reviewer"]
    return merge_entities(graph, winner, loser, by=by, reasons=reasons)


def split(graph: Graph, decision: str, by: str, scope: Scope | None = None) -> tuple[str, str]:
    """Undo a merge or a judgement; with a caller's scope, only one whose evidence the caller may see."""
    return split_entities(graph, decision, by, scope)
