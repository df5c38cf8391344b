"""Merging two entities into one, and splitting them again exactly as they were.

A merge moves every relationship of the loser to the winner (provenance lists united), gives the
winner the loser's names as aliases, deletes the loser, and keeps a snapshot of both in a Decision
with who, when, score and reasons. A split recreates the loser and restores both from the
snapshot, relationship by relationship, provided the winner has not changed since (new reports
on it would otherwise be lost; the split then refuses and says so).
"""

from __future__ import annotations

import json
import uuid
from typing import Any

from neo4j import ManagedTransaction

from graph.db import Graph
from graph.errors import Conflict, InvalidInput, NotFound
from graph.state import EntityState, Rel, read_state
from graph.visibility import Scope

MERGEABLE = {"Person", "Organisation", "Vessel"}
UNION_LISTS = {"evidence", "aliases", "roles", "modes", "names"}
ALIGNED = ("report_ids", "scopes", "dates", "said")
"""Lists with one entry per supporting report: merged report by report, never as sets."""


def _union(a: list[Any] | None, b: list[Any] | None) -> list[Any]:
    return list(dict.fromkeys([*(a or []), *(b or [])]))


def _merge_aligned(winner: dict[str, Any], loser: dict[str, Any]) -> dict[str, list[Any]]:
    """The per-report lists of both, one entry per report (the winner's entry where both have one)."""
    keys = [k for k in ALIGNED if k in winner or k in loser]
    entries: dict[str, tuple[Any, ...]] = {}
    for side in (winner, loser):
        for i, rid in enumerate(side.get("report_ids") or []):
            entries.setdefault(rid, tuple(side.get(k, [None] * (i + 1))[i] for k in keys))
    return {k: [entry[n] for entry in entries.values()] for n, k in enumerate(keys)}


def merged_props(winner: dict[str, Any], loser: dict[str, Any]) -> dict[str, Any]:
    """The winner's properties with the loser's folded in: per-report lists merged report by report,
    other lists united, dates widened, gaps filled."""
    merged = dict(winner) | _merge_aligned(winner, loser)
    for key, value in loser.items():
        if key in ALIGNED:
            continue
        if key in UNION_LISTS or isinstance(value, list):
            merged[key] = _union(merged.get(key), value)
        elif key == "first_seen" and value is not None:
            merged[key] = min(v for v in (merged.get(key), value) if v is not None)
        elif key == "last_seen" and value is not None:
            merged[key] = max(v for v in (merged.get(key), value) if v is not None)
        elif key == "confidence":
            merged[key] = max(merged.get(key) or 0.0, value or 0.0)
        elif key == "contribution" and merged.get(key) and value:
            mine, theirs = json.loads(merged[key]), json.loads(value)
            lists = {k: _union(mine["lists"].get(k), v) for k, v in theirs["lists"].items()}
            said = {"props": {**theirs["props"], **mine["props"]}, "lists": {**mine["lists"], **lists}}
            merged[key] = json.dumps(said, sort_keys=True)
        else:
            merged.setdefault(key, value)
    return merged


def merge_entities(graph: Graph, winner: str, loser: str, by: str, score: float | None = None,
                   reasons: list[str] | None = None) -> str:  # fmt: skip
    """Merge `loser` into `winner`; returns the id of the decision that can undo it."""
    if winner == loser:
        raise InvalidInput("an entity cannot be merged with itself")

    def work(tx: ManagedTransaction) -> str:
        a, b = _require(tx, graph, winner), _require(tx, graph, loser)
        kind = _kind(a)
        if kind != _kind(b):
            other = _kind(b)
            raise InvalidInput(f"cannot merge a {kind} with {'an' if other[0] in 'AEIOU' else 'a'} {other}")
        new_props = merged_props(a.props, b.props)
        new_props["aliases"] = _union(new_props.get("aliases"), [b.props.get("name"), *(b.props.get("aliases") or [])])
        new_props["aliases"] = [x for x in new_props["aliases"] if x and x != new_props.get("name")]
        graph.run_in(tx, "resolution/set_node_props", {"uid": winner, "props": new_props}).consume()
        existing = {rel.key: rel for rel in a.rels}
        for rel in b.rels:
            if rel.other == winner:
                continue  # a tie between the two (e.g. POSSIBLY_SAME_AS) ends with the merge
            before = existing.get(rel.key)
            props = merged_props(before.props, rel.props) if before else rel.props
            _write_rel(tx, graph, winner, rel, props)
        graph.run_in(tx, "resolution/delete_entity", {"uid": loser}).consume()
        after = read_state(tx, graph, winner)
        assert after is not None
        decision = {
            "uid": f"dec-{uuid.uuid4().hex[:16]}", "kind": "merge", "winner": winner, "loser": loser,
            "score": score, "reasons": reasons or [], "by": by, "after": after.fingerprint(),
            "requires": sorted(set(a.props.get("scopes") or []) | set(b.props.get("scopes") or [])),
            "snapshot": json.dumps({"winner": a.to_json(), "loser": b.to_json()}),
        }  # fmt: skip
        graph.run_in(tx, "resolution/create_decision", {"decision": decision}).consume()
        return str(decision["uid"])

    return graph.write_transaction(work)


def split_entities(graph: Graph, decision_uid: str, by: str, scope: Scope | None = None) -> tuple[str, str]:
    """Undo a merge: both entities exactly as they were before it. Returns (winner, loser). With a
    caller's scope, a decision resting on statements the caller may not see is as unknown."""
    params = {"uid": decision_uid, "scopes": sorted(scope.scopes) if scope else [], "all": scope is None}

    def work(tx: ManagedTransaction) -> tuple[str, str]:
        found = graph.run_in(tx, "resolution/get_decision", params).single()
        if found is None or found["decision"].get("kind") != "merge":
            raise NotFound(f"no merge decision with id {decision_uid!r}")
        decision = found["decision"]
        if decision.get("undone_by"):
            raise Conflict(f"merge {decision_uid} was already split by {decision['undone_by']}")
        snapshot = json.loads(decision["snapshot"])
        a, b = EntityState.from_json(snapshot["winner"]), EntityState.from_json(snapshot["loser"])
        current = read_state(tx, graph, a.uid)
        if current is None or current.fingerprint() != decision["after"]:
            raise Conflict(f"{a.uid} changed since merge {decision_uid} (new reports or edits); split it by hand")
        kept = {rel.key for rel in a.rels}
        for rel in current.rels:
            if rel.key not in kept:
                _delete_rel(tx, graph, a.uid, rel)
        graph.run_in(tx, "resolution/set_node_props", {"uid": a.uid, "props": a.props}).consume()
        graph.run_in(tx, "resolution/create_entity", {"uid": b.uid, "labels": b.labels, "props": b.props}).consume()
        for rel in a.rels:  # after B exists again: some of A's ties were ties to B
            _write_rel(tx, graph, a.uid, rel, rel.props)
        for rel in b.rels:
            _write_rel(tx, graph, b.uid, rel, rel.props)
        graph.run_in(tx, "resolution/update_decision", {"uid": decision_uid, "by": by}).consume()
        return a.uid, b.uid

    return graph.write_transaction(work)


def _require(tx: ManagedTransaction, graph: Graph, uid: str) -> EntityState:
    state = read_state(tx, graph, uid)
    if state is None:
        raise NotFound(f"no entity with id {uid!r}")
    if not MERGEABLE & set(state.labels):
        raise InvalidInput(f"{uid} is not a person, organisation or vessel; only those are merged")
    return state


def _kind(state: EntityState) -> str:
    return next(label for label in state.labels if label in MERGEABLE)


def _ends(uid: str, rel: Rel) -> tuple[str, str]:
    return (uid, rel.other) if rel.out else (rel.other, uid)


def _write_rel(tx: ManagedTransaction, graph: Graph, uid: str, rel: Rel, props: dict[str, Any]) -> None:
    src, dst = _ends(uid, rel)
    graph.run_in(
        tx, "resolution/set_relationship", {"src": src, "dst": dst, "type": rel.type, "props": props}
    ).consume()


def _delete_rel(tx: ManagedTransaction, graph: Graph, uid: str, rel: Rel) -> None:
    src, dst = _ends(uid, rel)
    graph.run_in(tx, "resolution/delete_relationship", {"src": src, "dst": dst, "type": rel.type}).consume()
