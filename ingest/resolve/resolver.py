"""Resolution after a report is loaded: each person it mentions is weighed against the persons the
graph already knows (candidates from the full-text index and from shared identifiers, never all
against all); above the merge threshold the two become one node (reversibly), in the review band a
POSSIBLY_SAME_AS proposal carries the score and reasons, below they stay apart."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from graph.db import Graph
from graph.investigations.lookup import fulltext_query
from graph.merge import merge_entities
from ingest.resolve.evidence import names_of, weigh

CANDIDATES = 20
RESOLVER = "resolver"


@dataclass
class ResolutionSummary:
    merged: int = 0
    proposed: int = 0


def _older(a: dict[str, Any], b: dict[str, Any]) -> bool:
    latest = date.max
    return (a.get("first_seen") or latest, a["uid"]) <= (b.get("first_seen") or latest, b["uid"])


def resolve_report(graph: Graph, report_id: str, merge_at: float = 0.85, review_at: float = 0.6) -> ResolutionSummary:
    """Resolve the persons one report mentions against everyone known."""
    summary = ResolutionSummary()
    gone: set[str] = set()
    for row in graph.read("resolution/get_report_persons", {"report_id": report_id}):
        person = row["person"]
        if person["uid"] in gone:
            continue
        found = graph.read("resolution/find_person_matches", {
            "uid": person["uid"], "query": fulltext_query(" ".join(names_of(person))),
            "identifiers": person["identifiers"], "limit": CANDIDATES,
        })  # fmt: skip
        weighed = [(weigh(person, r["person"], merge_at, review_at), r["person"]) for r in found
                   if r["person"]["uid"] not in set(person["rejected"]) | gone]  # fmt: skip
        for evidence, candidate in sorted(weighed, key=lambda pair: -pair[0].score):
            if evidence.decision == "merge":
                winner, loser = (candidate, person) if _older(candidate, person) else (person, candidate)
                merge_entities(graph, winner["uid"], loser["uid"], RESOLVER, evidence.score, evidence.reasons)
                summary.merged += 1
                gone.add(loser["uid"])
                if loser is person:
                    break
            elif evidence.decision == "review":
                proposal = {"src": person["uid"], "dst": candidate["uid"], "score": evidence.score,
                            "reasons": evidence.reasons}  # fmt: skip
                graph.write(
                    "linking/merge_possibly_same_as", {"report_id": report_id, "by": RESOLVER, "rows": [proposal]}
                )
                summary.proposed += 1
    return summary
