"""Resolution after a report is loaded: each person and organisation it mentions is weighed against
those the graph already knows (candidates from the full-text index and, for persons, from shared
identifiers; never all against all). Above the merge threshold the two become one node (reversibly),
in the review band a POSSIBLY_SAME_AS proposal carries the score and reasons, below they stay apart."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any

from graph.db import Graph
from graph.investigations.lookup import fulltext_query
from graph.merge import merge_entities
from ingest.resolve.evidence import Evidence, names_of, weigh, weigh_organisations

CANDIDATES = 20
RESOLVER = "resolver"
Weigh = Callable[[dict[str, Any], dict[str, Any], float, float], Evidence]


@dataclass(frozen=True)
class _Kind:
    mentioned: str  # query: the report's entities of this kind
    candidates: str  # query: the known ones that may be the same
    key: str  # the map's name in both queries' rows
    weigh: Weigh


KINDS = (
    _Kind("resolution/get_report_persons", "resolution/find_person_matches", "person", weigh),
    _Kind("resolution/get_report_organisations", "resolution/find_organisation_matches", "organisation",
          weigh_organisations),
)  # fmt: skip


@dataclass
class ResolutionSummary:
    merged: int = 0
    proposed: int = 0


def _older(a: dict[str, Any], b: dict[str, Any]) -> bool:
    latest = date.max
    return (a.get("first_seen") or latest, a["uid"]) <= (b.get("first_seen") or latest, b["uid"])


def resolve_report(graph: Graph, report_id: str, merge_at: float = 0.85, review_at: float = 0.6) -> ResolutionSummary:
    """Resolve the persons and organisations one report mentions against everyone known."""
    summary = ResolutionSummary()
    for kind in KINDS:
        gone: set[str] = set()
        for row in graph.read(kind.mentioned, {"report_id": report_id}):
            entity = row[kind.key]
            if entity["uid"] not in gone:
                _resolve_one(graph, report_id, kind, entity, gone, summary, (merge_at, review_at))
    return summary


def _resolve_one(graph: Graph, report_id: str, kind: _Kind, entity: dict[str, Any], gone: set[str],
                 summary: ResolutionSummary, thresholds: tuple[float, float]) -> None:  # fmt: skip
    found = graph.read(kind.candidates, {
        "uid": entity["uid"], "query": fulltext_query(" ".join(names_of(entity))),
        "identifiers": entity.get("identifiers") or [], "limit": CANDIDATES,
    })  # fmt: skip
    skip = set(entity.get("rejected") or []) | gone
    weighed = [
        (kind.weigh(entity, r[kind.key], *thresholds), r[kind.key]) for r in found if r[kind.key]["uid"] not in skip
    ]
    for evidence, candidate in sorted(weighed, key=lambda pair: -pair[0].score):
        if evidence.decision == "merge":
            winner, loser = (candidate, entity) if _older(candidate, entity) else (entity, candidate)
            merge_entities(graph, winner["uid"], loser["uid"], RESOLVER, evidence.score, evidence.reasons)
            summary.merged += 1
            gone.add(loser["uid"])
            if loser is entity:
                return
        elif evidence.decision == "review":
            proposal = {"src": entity["uid"], "dst": candidate["uid"], "score": evidence.score,
                        "reasons": evidence.reasons}  # fmt: skip
            graph.write("linking/merge_possibly_same_as", {"report_id": report_id, "by": RESOLVER, "rows": [proposal]})
            summary.proposed += 1
