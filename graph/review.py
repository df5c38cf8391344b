"""Reviewing resolution: the proposed pairs, and an analyst's answers (merge, reject, split), each
recorded with who and when."""

from __future__ import annotations

from typing import Any

from graph.db import Graph
from graph.errors import NotFound
from graph.investigations.base import Provenance
from graph.merge import merge_entities, split_entities
from graph.visibility import Scope


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


def reject(graph: Graph, a: str, b: str, by: str) -> None:
    """The two are different people: the proposal stays, marked rejected, so it is not proposed again."""
    if not graph.write("resolution/set_candidate_status", {"a": a, "b": b, "status": "rejected", "by": by}):
        raise NotFound(f"no proposed pair {a!r} / {b!r}")


def confirm(graph: Graph, winner: str, loser: str, by: str) -> str:
    """The two are one person: mark the proposal confirmed and merge; returns the merge decision id."""
    rows = graph.write("resolution/set_candidate_status", {"a": winner, "b": loser, "status": "confirmed", "by": by})
    reasons = ["confirmed by a reviewer"] if rows else ["merged by a reviewer"]
    return merge_entities(graph, winner, loser, by=by, reasons=reasons)


def split(graph: Graph, decision: str, by: str, scope: Scope | None = None) -> tuple[str, str]:
    """Undo a merge; with a caller's scope, only one whose evidence the caller may see."""
    return split_entities(graph, decision, by, scope)
