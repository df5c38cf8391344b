"""An agency reviewer's judgement that two entities are one, scoped to the agency like its reports.

A merge makes one node for everyone, so only the network view may make one: automatic resolution, or
a reviewer who releases the judgement to the network. An agency reviewer's "same" is instead a
judgement report of that agency (scope `org:<agency>`) whose one statement is a `SAME_AS` tie between
the two entities. Every investigation filters it by scope like any tie, so it joins the two for that
agency only (profile, network, paths, clusters, linking); changing the report's release releases it;
undoing it (`resolve split`) takes the report out again. Other agencies see no trace of it.
"""

from __future__ import annotations

import uuid
from datetime import UTC, datetime
from typing import Any

from neo4j import ManagedTransaction

from graph import clusters, summaries
from graph.db import Graph
from graph.errors import Conflict, InvalidInput, NotFound
from graph.merge import kind_of, require_mergeable
from graph.visibility import Scope, scope_key
from ingest.load import Prepared, write_reports
from ingest.load_rows import LoadPlan

JUDGEMENT_MEDIA_TYPE = "application/vnd.smugglegraph.judgement+json"


def judge_same(graph: Graph, scope: Scope, a: str, b: str, by: str, reasons: list[str]) -> str:
    """Record that `a` and `b` are one entity for the reviewer's agency; returns the decision id."""
    agency = scope.viewer.agency
    if not agency:
        raise InvalidInput("a judgement scoped to an agency needs a reviewer of an agency")
    if a == b:
        raise InvalidInput("an entity cannot be judged the same as itself")
    today = datetime.now(UTC).date()
    report_id = f"jdg-{uuid.uuid4().hex[:16]}"
    key = scope_key("originator", agency)

    def work(tx: ManagedTransaction) -> str:
        found = [_visible(tx, graph, scope, uid) for uid in (a, b)]
        kinds = [kind_of(require_mergeable(tx, graph, uid)["labels"]) for uid in found]
        if kinds[0] != kinds[1]:
            raise InvalidInput(f"cannot judge a {kinds[0]} the same as a {kinds[1]}")
        judged = graph.run_in(tx, "resolution/get_same_as", {"a": found[0], "b": found[1], **scope.params()})
        if judged.single(strict=True)["judged"]:
            raise Conflict(f"{found[0]} and {found[1]} are already judged the same")
        plan = LoadPlan()
        for uid, kind in zip(found, kinds, strict=True):
            plan.node(uid, kind, {}, confidence=1.0)
        plan.link(
            found[0], "SAME_AS", found[1], report_id, props={"by": by}, lists={"reasons": reasons}, confidence=1.0
        )
        report = {
            "uid": report_id, "source": f"judgement:{report_id}", "title": f"Judgement by {agency}: one {kinds[0]}",
            "report_date": today, "media_type": JUDGEMENT_MEDIA_TYPE, "originator_agency": agency,
            "releasability": "originator", "release_to": [], "scope": key, "resolved": True,
        }  # fmt: skip
        write_reports(tx, graph, [Prepared(report, plan, today)])
        summaries.add_reports(tx, graph, [report_id])
        clusters.grow(tx, graph, found)
        decision: dict[str, Any] = {
            "uid": f"dec-{uuid.uuid4().hex[:16]}", "kind": "same", "winner": found[0], "loser": found[1],
            "report": report_id, "score": None, "reasons": reasons, "by": by, "requires": [key],
        }  # fmt: skip
        graph.run_in(tx, "resolution/create_decision", {"decision": decision}).consume()
        params = {"a": found[0], "b": found[1], "scope": key, "judged": True}
        graph.run_in(tx, "resolution/set_judged_scope", params).consume()
        return str(decision["uid"])

    return graph.write_transaction(work)


def _visible(tx: ManagedTransaction, graph: Graph, scope: Scope, uid: str) -> str:
    """The entity a uid stands for now, if the caller may see it; else the same 404 as an unknown one."""
    canonical = graph.run_in(tx, "resolution/get_canonical", {"uid": uid}).single()
    current = canonical["uid"] if canonical else uid
    if graph.run_in(tx, "investigations/get_entity", {"uid": current, **scope.params()}).single() is None:
        raise NotFound(f"no entity with id {uid!r}")
    return str(current)
