"""Resolution after a report is loaded: each person and organisation it mentions is weighed against
those the graph already knows (candidates from the full-text index and, for persons, from shared
identifiers; never all against all). Above the merge threshold the two become one node (reversibly),
in the review band a POSSIBLY_SAME_AS proposal carries the score and reasons, below they stay apart.

Originator control holds here too: a pair is weighed with the name statistics of the release scopes
its statements come from, and it is merged automatically only when all of them come from one scope
(a merge is visible to everyone who sees either entity, so it must not rest on a statement some of
them may not see); a pair across scopes goes to review, shown only to callers who see every scope.

Persons' name keys are counted (NameStat) as each report is resolved, so how common a name is comes
from everyone the graph has seen; a report is counted once, even if it is resolved again (a report
replaced by a new version leaves its old names counted: the statistics are approximate, by design)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any

from graph.db import Graph
from graph.fulltext import lucene_query
from graph.merge import merge_entities
from graph.visibility import NETWORK
from ingest.resolve.evidence import MERGE_AT, REVIEW_AT, Evidence, names_of, weigh, weigh_organisations
from ingest.resolve.rarity import NameCounts, name_keys

CANDIDATES = 20
RESOLVER = "resolver"
Weigh = Callable[[dict[str, Any], dict[str, Any], tuple[float, float], NameCounts | None], Evidence]


@dataclass(frozen=True)
class _Kind:
    mentioned: str  # query: the report's entities of this kind
    candidates: str  # query: the known ones that may be the same
    key: str  # the map's name in both queries' rows
    weigh: Weigh


def _weigh_persons(a: dict[str, Any], b: dict[str, Any], thresholds: tuple[float, float],
                   counts: NameCounts | None) -> Evidence:  # fmt: skip
    return weigh(a, b, *thresholds, counts)


def _weigh_organisations(a: dict[str, Any], b: dict[str, Any], _: tuple[float, float],
                         __: NameCounts | None) -> Evidence:  # fmt: skip
    return weigh_organisations(a, b)  # organisations keep their own thresholds, on a name score


KINDS = (
    _Kind("resolution/get_report_persons", "resolution/find_person_matches", "person", _weigh_persons),
    _Kind("resolution/get_report_organisations", "resolution/find_organisation_matches", "organisation",
          _weigh_organisations),
)  # fmt: skip


@dataclass
class ResolutionSummary:
    merged: int = 0
    proposed: int = 0


def _older(a: dict[str, Any], b: dict[str, Any]) -> bool:
    latest = date.max
    return (a.get("first_seen") or latest, a["uid"]) <= (b.get("first_seen") or latest, b["uid"])


def resolve_report(graph: Graph, report_id: str, merge_at: float = MERGE_AT, review_at: float = REVIEW_AT
                   ) -> ResolutionSummary:  # fmt: skip
    """Resolve the persons and organisations one report mentions against everyone known; `merge_at` and
    `review_at` are the persons' thresholds (probabilities)."""
    summary = ResolutionSummary()
    for kind in KINDS:
        gone: set[str] = set()
        entities = [row[kind.key] for row in graph.read(kind.mentioned, {"report_id": report_id})]
        if kind.key == "person":
            names = [p["name"] for p in entities if p.get("name")]
            count_names(graph, report_id, _report_scope(graph, report_id), names)
        for entity in entities:
            if entity["uid"] not in gone:
                _resolve_one(graph, report_id, kind, entity, gone, summary, (merge_at, review_at))
    return summary


def _resolve_one(graph: Graph, report_id: str, kind: _Kind, entity: dict[str, Any], gone: set[str],
                 summary: ResolutionSummary, thresholds: tuple[float, float]) -> None:  # fmt: skip
    found = graph.read(kind.candidates, {
        "uid": entity["uid"], "query": lucene_query(" ".join(names_of(entity))),
        "identifiers": entity.get("identifiers") or [], "limit": CANDIDATES,
    })  # fmt: skip
    skip = set(entity.get("rejected") or []) | gone
    candidates = [r[kind.key] for r in found if r[kind.key]["uid"] not in skip]
    counts: dict[frozenset[str], NameCounts] = {}

    def weigh_pair(candidate: dict[str, Any]) -> Evidence:
        scopes = _pair_scopes(entity, candidate)
        if kind.key == "person" and scopes not in counts:
            counts[scopes] = name_counts(graph, [entity, candidate], scopes)
        return kind.weigh(entity, candidate, thresholds, counts.get(scopes))

    weighed = [(weigh_pair(c), c) for c in candidates]
    for evidence, candidate in sorted(weighed, key=lambda pair: -pair[0].score):
        one_scope = len(_pair_scopes(entity, candidate)) == 1
        if evidence.decision == "merge" and one_scope:
            winner, loser = (candidate, entity) if _older(candidate, entity) else (entity, candidate)
            merge_entities(graph, winner["uid"], loser["uid"], RESOLVER, evidence.score, evidence.reasons)
            summary.merged += 1
            gone.add(loser["uid"])
            if loser is entity:
                return
        elif evidence.decision in ("merge", "review"):
            proposal = {"src": entity["uid"], "dst": candidate["uid"], "score": evidence.score,
                        "reasons": evidence.reasons}  # fmt: skip
            graph.write("linking/merge_possibly_same_as", {"report_id": report_id, "by": RESOLVER, "rows": [proposal]})
            summary.proposed += 1


def _pair_scopes(a: dict[str, Any], b: dict[str, Any]) -> frozenset[str]:
    return frozenset([*(a.get("scopes") or []), *(b.get("scopes") or [])])


def _report_scope(graph: Graph, report_id: str) -> str:
    rows = graph.read("access/get_report_release", {"uid": report_id})
    return str(rows[0]["scope"]) if rows and rows[0]["scope"] else NETWORK


def count_names(graph: Graph, report_id: str, scope: str, names: list[str]) -> None:
    """Add one report's person names to its scope's name statistics (once per report)."""
    keys = sorted(key for name in names for key in name_keys(name))
    graph.write("resolution/count_person_names", {"report_id": report_id, "scope": scope, "keys": keys,
                                                  "records": len(names)})  # fmt: skip


def name_counts(graph: Graph, persons: list[dict[str, Any]], scopes: frozenset[str]) -> NameCounts:
    """The statistics, summed over the given release scopes, for every name key of these persons."""
    keys = sorted({key for person in persons for name in names_of(person) for key in name_keys(name)})
    scoped = [f"{scope}|{key}" for scope in sorted(scopes) for key in ["", *keys]]
    row = graph.read("resolution/get_name_counts", {"keys": scoped})[0]
    totals: dict[str, int] = {}
    for found in row["counts"]:
        if found["key"] is not None:
            key = found["key"].split("|", 1)[1]
            totals[key] = totals.get(key, 0) + found["count"]
    return NameCounts(totals.pop("", 0), totals)
