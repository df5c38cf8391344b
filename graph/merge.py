"""Merging two entities into one, and splitting them again at any time.

Every statement remembers the exact key of the mention it was made about (MENTIONS `key`, and
`src_keys` / `dst_keys` in each tie's aligned lists). A merge moves the loser's statements to the
winner and leaves an Alias from each of the loser's keys, so later reports that name the loser write
to the winner. A split moves every statement about the loser's keys back to a recreated loser,
including those of reports loaded after the merge, and records the two as different so resolution
does not merge them again. Each entity's own lists and working values are then recomputed from its
statements. A Decision keeps who, when, score, reasons and what the merge rests on. An agency
reviewer's judgement (ingest/resolve/judgement.py) is a Decision too; undoing it takes its report out.
"""

from __future__ import annotations

import json
import uuid
from datetime import date
from typing import Any

from neo4j import ManagedTransaction

from graph import clusters, summaries
from graph.db import Graph
from graph.errors import Conflict, InvalidInput, NotFound
from graph.investigations.base import merge_contributions
from graph.summaries import Statement, Summary
from graph.visibility import Scope

MERGEABLE = {"Person", "Organisation", "Vessel"}
DATE_PROPERTIES = {"birth_date"}


def merge_entities(graph: Graph, winner: str, loser: str, by: str, score: float | None = None,
                   reasons: list[str] | None = None) -> str:  # fmt: skip
    """Merge `loser` into `winner`; returns the id of the decision that can undo it."""
    if winner == loser:
        raise InvalidInput("an entity cannot be merged with itself")

    def work(tx: ManagedTransaction) -> str:
        a, b = require_mergeable(tx, graph, winner), require_mergeable(tx, graph, loser)
        if kind_of(a["labels"]) != kind_of(b["labels"]):
            kind, other = kind_of(a["labels"]), kind_of(b["labels"])
            raise InvalidInput(f"cannot merge a {kind} with {'an' if other[0] in 'AEIOU' else 'a'} {other}")
        requires = sorted(set(a["scopes"] or []) | set(b["scopes"] or []))
        clusters.detach(tx, graph, loser)
        moved = graph.run_in(tx, "resolution/merge_into", {"winner": winner, "loser": loser}).single()
        assert moved is not None
        refresh_entity(tx, graph, winner)
        clusters.grow(tx, graph, [winner, loser], all_ties=True)
        decision = {
            "uid": f"dec-{uuid.uuid4().hex[:16]}", "kind": "merge", "winner": winner, "loser": loser,
            "loser_keys": moved["keys"], "loser_labels": b["labels"], "score": score, "reasons": reasons or [],
            "by": by, "requires": requires,
        }  # fmt: skip
        graph.run_in(tx, "resolution/create_decision", {"decision": decision}).consume()
        return str(decision["uid"])

    return graph.write_transaction(work)


def split_entities(graph: Graph, decision_uid: str, by: str, scope: Scope | None = None) -> tuple[str, str]:
    """Undo a merge, also after later reports: returns (winner, loser) as they stand now. With a caller's
    scope, a decision resting on statements the caller may not see is as unknown."""
    params = {"uid": decision_uid, "scopes": sorted(scope.scopes) if scope else [], "all": scope is None}

    def work(tx: ManagedTransaction) -> tuple[str, str]:
        found = graph.run_in(tx, "resolution/get_decision", params).single()
        if found is None or found["decision"].get("kind") not in ("merge", "same"):
            raise NotFound(f"no merge decision with id {decision_uid!r}")
        decision = found["decision"]
        if decision.get("undone_by"):
            raise Conflict(f"merge {decision_uid} was already split by {decision['undone_by']}")
        if decision["kind"] == "same":
            return _undo_judgement(tx, graph, decision, by)
        holder = graph.run_in(tx, "resolution/get_canonical", {"uid": decision["winner"]}).single()
        if holder is None:
            raise Conflict(f"{decision['winner']} no longer exists (its reports were removed); nothing to split")
        winner, loser = holder["uid"], decision["loser"]
        graph.run_in(tx, "resolution/split_out", {
            "winner": winner, "loser": loser, "labels": decision["loser_labels"], "keys": decision["loser_keys"],
        }).consume()  # fmt: skip
        for uid in (winner, loser):
            refresh_entity(tx, graph, uid)
        clusters.rebuild(tx, graph, [winner, loser])
        graph.run_in(tx, "resolution/create_rejection", {
            "a": winner, "b": loser, "by": by, "reasons": [f"split of merge {decision_uid}"],
        }).consume()  # fmt: skip
        graph.run_in(tx, "resolution/update_decision", {"uid": decision_uid, "by": by}).consume()
        return winner, loser

    return graph.write_transaction(work)


def _undo_judgement(tx: ManagedTransaction, graph: Graph, decision: dict[str, Any], by: str) -> tuple[str, str]:
    """Take an agency reviewer's judgement report out again (ingest/resolve/judgement.py): its SAME_AS
    tie goes, and the summaries and kept clusters of the two entities are recomputed."""
    found = graph.run_in(tx, "ingest/get_report_entity_uids", {"report_ids": [decision["report"]]}).single()
    touched = list(found["uids"]) if found else []
    before = clusters.clusters_of(tx, graph, touched)
    graph.run_in(tx, "ingest/delete_report_contribution", {"report_id": decision["report"]}).consume()
    summaries.refresh(tx, graph, touched)
    clusters.rebuild(tx, graph, touched, before)
    for scope in decision["requires"]:
        params = {"a": decision["winner"], "b": decision["loser"], "scope": scope, "judged": False}
        graph.run_in(tx, "resolution/set_judged_scope", params).consume()
    graph.run_in(tx, "resolution/update_decision", {"uid": decision["uid"], "by": by}).consume()
    return decision["winner"], decision["loser"]


def refresh_entity(tx: ManagedTransaction, graph: Graph, uid: str) -> None:
    """Recompute an entity's per-report lists and working values from its statements, in load order."""
    rows = [record.data() for record in graph.run_in(tx, "resolution/get_entity_statements", {"uid": uid})]
    first: dict[str, dict[str, Any]] = {}
    for row in rows:
        first.setdefault(row["report"], row)
    said = merge_contributions([row["contribution"] for row in rows])
    names = [json.loads(row["contribution"]).get("props", {}).get("name") for row in rows if row["contribution"]]
    aliases = [n for n in dict.fromkeys([*said.get("aliases", []), *names]) if n and n != said.get("name")]
    if aliases:
        said["aliases"] = aliases  # every other name its reports give it, as merges always kept them
    props: dict[str, Any] = {k: date.fromisoformat(v) if k in DATE_PROPERTIES and v else v for k, v in said.items()}
    days = sorted(row["date"] for row in first.values() if row["date"])
    props |= {
        "uid": uid, "report_ids": list(first), "scopes": [r["scope"] for r in first.values()],
        "dates": [r["date"] for r in first.values()], "confidence": max((r["confidence"] or 0.5 for r in rows),
                                                                        default=0.5),
        "first_seen": date.fromisoformat(days[0]) if days else None,
        "last_seen": date.fromisoformat(days[-1]) if days else None,
    }  # fmt: skip
    props |= Summary.of(Statement(r["scope"], r["date"], r["report"], r["contribution"]) for r in rows).props()
    clean = {k: v for k, v in props.items() if v is not None}
    graph.run_in(tx, "resolution/set_entity_props", {"uid": uid, "props": clean}).consume()


def require_mergeable(tx: ManagedTransaction, graph: Graph, uid: str) -> dict[str, Any]:
    row = graph.run_in(tx, "resolution/get_merge_entity", {"uid": uid}).single()
    if row is None:
        raise NotFound(f"no entity with id {uid!r}")
    if not MERGEABLE & set(row["labels"]):
        raise InvalidInput(f"{uid} is not a person, organisation or vessel; only those are merged")
    return dict(row)


def kind_of(labels: list[str]) -> str:
    return next(label for label in labels if label in MERGEABLE)
