"""Resolution after a report is loaded: each person and organisation it mentions is weighed against
those the graph already knows (candidates from the full-text index over report mentions and, for
persons, from shared identifiers; never all against all). Above the merge threshold the two become
one node (reversibly), in the review band a POSSIBLY_SAME_AS proposal carries the score and reasons,
below they stay apart.

Originator control holds here too. Resolution weighs in a view of the graph, like a caller: the
statements of some release scopes only. A report released to the network is resolved in the network
view: its entities and candidates are described by released statements only, and only there can two
entities become one node, since a merged node is seen by everyone. So no merge and no network-wide
proposal ever rests on a restricted statement, and what an agency sees of resolution is what it would
see had restricted reports never been loaded. A restricted report is resolved in the view of its own
scope plus the network: what it makes likely becomes a proposal shown only to those who may see that
scope (`suggested` says whether the resolver would have merged), for their reviewers to decide.

Persons' name keys are counted (NameStat) per release scope as each report is loaded (ingest/load.py),
so how common a name is comes from the view's statements; a report is counted once, however often it is
resolved (a report replaced by a new version leaves its old names counted: the statistics are
approximate)."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any

from graph.db import Graph
from graph.fulltext import lucene_query
from graph.investigations.base import Provenance, oldest_first
from graph.merge import merge_entities
from graph.visibility import NETWORK, Scope, Viewer
from ingest.resolve.evidence import MERGE_AT, REVIEW_AT, Evidence, names_of, weigh, weigh_organisations
from ingest.resolve.rarity import NameCounts, name_keys

CANDIDATES = 20
RESOLVER = "resolver"
RESOLVER_VIEWER = Viewer(user=RESOLVER, agency=None, role="system")
Weigh = Callable[[dict[str, Any], dict[str, Any], tuple[float, float], NameCounts | None], Evidence]


@dataclass(frozen=True)
class _Kind:
    mentioned: str  # query: the report's entities of this kind
    key: str  # the map's name in the `mentioned` rows
    weigh: Weigh
    label: str


def _weigh_persons(a: dict[str, Any], b: dict[str, Any], thresholds: tuple[float, float],
                   counts: NameCounts | None) -> Evidence:  # fmt: skip
    return weigh(a, b, *thresholds, counts)


def _weigh_organisations(a: dict[str, Any], b: dict[str, Any], _: tuple[float, float],
                         __: NameCounts | None) -> Evidence:  # fmt: skip
    return weigh_organisations(a, b)  # organisations keep their own thresholds, on a name score


KINDS = (
    _Kind("resolution/get_report_persons", "person", _weigh_persons, "Person"),
    _Kind("resolution/get_report_organisations", "organisation", _weigh_organisations, "Organisation"),
)


@dataclass
class _Prefetched:
    """A report's entities of one kind, their candidates (full-text over every report's mentions) and the
    candidates' descriptions (and, for persons, the name statistics of all of them), read in three or
    four round trips before any is weighed. Proposals do not change what is read; a merge does, so after
    one the entities still to weigh are read again."""

    entities: dict[str, dict[str, Any]]
    candidates: dict[str, list[str]]
    described: dict[str, dict[str, Any]]
    counts: NameCounts | None = None
    counted: frozenset[str] = frozenset()  # the name keys `counts` was read for

    def name_counts(self, graph: Graph, persons: list[dict[str, Any]], scopes: frozenset[str]) -> NameCounts:
        """`name_counts`, from what was read ahead when it covers these persons' names."""
        if self.counts is not None and _keys_of(persons) <= self.counted:
            return self.counts
        return name_counts(graph, persons, scopes)

    def describe(self, graph: Graph, view: Scope, uids: list[str]) -> list[dict[str, Any]]:
        """`describe`, from what was read ahead (reading only what it lacks)."""
        missing = [uid for uid in uids if uid not in self.described]
        self.described |= {e["uid"]: e for e in describe(graph, view, missing)}
        return [self.described[uid] for uid in uids if uid in self.described]

    @classmethod
    def read(cls, graph: Graph, view: Scope, kind: _Kind, uids: list[str]) -> _Prefetched:
        entities = {e["uid"]: e for e in describe(graph, view, uids)}
        queries = [{"uid": uid, "query": lucene_query(" ".join(names_of(e)))} for uid, e in entities.items()]
        params = {**view.params(), "queries": queries, "label": kind.label, "limit": CANDIDATES}
        rows = graph.read("resolution/find_candidates", params) if queries else []
        candidates = {row["uid"]: list(row["candidates"]) for row in rows}
        wanted = list(dict.fromkeys(uid for found in candidates.values() for uid in found))
        read = cls(entities, candidates, {e["uid"]: e for e in describe(graph, view, wanted)})
        if kind.key == "person" and wanted:
            everyone = [*entities.values(), *read.described.values()]
            read.counts, read.counted = name_counts(graph, everyone, view.scopes), _keys_of(everyone)
        return read


@dataclass
class ResolutionSummary:
    merged: int = 0
    proposed: int = 0


def resolve_report(graph: Graph, report_id: str, merge_at: float = MERGE_AT, review_at: float = REVIEW_AT
                   ) -> ResolutionSummary:  # fmt: skip
    """Resolve the persons and organisations one report mentions against everyone known, in the view of
    the report's release scope; `merge_at` and `review_at` are the persons' thresholds (probabilities).

    One write transaction does it all and records the report resolved, so a report is resolved wholly or
    not at all. It first takes the resolution lock: resolutions in several processes take turns, each
    weighing against what the earlier ones merged, as one after the other would."""
    return graph.in_one_transaction(lambda bound: _resolve_locked(bound, report_id, merge_at, review_at))


def _resolve_locked(graph: Graph, report_id: str, merge_at: float, review_at: float) -> ResolutionSummary:
    graph.write("resolution/lock_resolution")
    summary = ResolutionSummary()
    scope = _report_scope(graph, report_id)
    view = Scope(RESOLVER_VIEWER, frozenset({NETWORK, scope}))
    for kind in KINDS:
        gone: set[str] = set()
        mentioned = [row[kind.key] for row in graph.read(kind.mentioned, {"report_id": report_id})]
        read = _Prefetched.read(graph, view, kind, [entity["uid"] for entity in mentioned])
        for index, entity in enumerate(mentioned):
            if entity["uid"] in gone:
                continue
            if _resolve_one(graph, report_id, view, kind, entity, gone, summary, (merge_at, review_at), read):
                later = [e["uid"] for e in mentioned[index + 1 :] if e["uid"] not in gone]
                read = _Prefetched.read(graph, view, kind, later)  # the merge changed what they are weighed against
    graph.write("ingest/set_report_resolved", {"uid": report_id})
    return summary


def _resolve_one(graph: Graph, report_id: str, view: Scope, kind: _Kind, mentioned: dict[str, Any], gone: set[str],
                 summary: ResolutionSummary, thresholds: tuple[float, float], read: _Prefetched) -> bool:  # fmt: skip
    """Weigh one entity against its candidates; whether it merged anything."""
    entity = read.entities.get(mentioned["uid"])
    if entity is None:
        return False
    uids = list(read.candidates.get(entity["uid"], []))
    if kind.key == "person" and entity.get("identifiers"):
        sharing = {**view.params(), "identifiers": entity["identifiers"], "uid": entity["uid"], "limit": CANDIDATES}
        uids += [row["uid"] for row in graph.read("resolution/find_identifier_sharers", sharing)]
    skip = set(mentioned.get("rejected") or []) | gone | {entity["uid"]}
    candidates = read.describe(graph, view, [u for u in dict.fromkeys(uids) if u not in skip])
    persons = kind.key == "person" and candidates
    counts = read.name_counts(graph, [entity, *candidates], view.scopes) if persons else None
    public = view.scopes == {NETWORK}
    weighed = [(kind.weigh(entity, c, thresholds, counts), c) for c in candidates]
    merged = False
    for evidence, candidate in sorted(weighed, key=lambda pair: (-pair[0].score, pair[1]["uid"])):
        if evidence.decision == "merge" and public:
            winner, loser = (candidate, entity) if _older(candidate, entity) else (entity, candidate)
            merge_entities(graph, winner["uid"], loser["uid"], RESOLVER, evidence.score, evidence.reasons)
            merged = True
            summary.merged += 1
            gone.add(loser["uid"])
            if loser is entity:
                return True
        elif evidence.decision in ("merge", "review"):
            proposal = {"src": entity["uid"], "dst": candidate["uid"], "score": evidence.score,
                        "reasons": evidence.reasons, "suggested": evidence.decision}  # fmt: skip
            graph.write("linking/merge_possibly_same_as", {"report_id": report_id, "by": RESOLVER, "rows": [proposal],
                                                           "requires": sorted(view.scopes)})  # fmt: skip
            summary.proposed += 1
    return merged


def describe(graph: Graph, view: Scope, uids: list[str]) -> list[dict[str, Any]]:
    """Entities as resolution weighs them, from the view's statements only (in the order of `uids`): every
    name a visible report gives an entity counts as one of its names."""
    if not uids:
        return []
    rows = graph.read("resolution/get_view_nodes", {**view.params(), "uids": uids})
    unsummarised = [row["node"].get("report_ids") for row in rows if row["node"].get("seen") is None]
    prov = Provenance(graph, view, unsummarised)  # a summary gives first_seen; nothing else here needs reports
    found = {}
    for row in rows:
        node = prov.node(row["node"])
        names = [json.loads(text).get("props", {}).get("name") for text in oldest_first(row["node"]["contributions"])]
        aliases = [n for n in dict.fromkeys([*names, *(node.properties.get("aliases") or [])]) if n and n != node.name]
        found[node.uid] = {**node.properties, "uid": node.uid, "name": node.name, "aliases": aliases,
                           "first_seen": node.first_seen,
                           "identifiers": row["identifiers"], "organisations": row["organisations"],
                           "members": row["members"]}  # fmt: skip
    return [found[uid] for uid in uids if uid in found]


def _older(a: dict[str, Any], b: dict[str, Any]) -> bool:
    latest = date.max
    return (a.get("first_seen") or latest, a["uid"]) <= (b.get("first_seen") or latest, b["uid"])


def _report_scope(graph: Graph, report_id: str) -> str:
    rows = graph.read("access/get_report_release", {"uid": report_id})
    return str(rows[0]["scope"]) if rows and rows[0]["scope"] else NETWORK


def _keys_of(persons: list[dict[str, Any]]) -> frozenset[str]:
    return frozenset(key for person in persons for name in names_of(person) for key in name_keys(name))


def name_counts(graph: Graph, persons: list[dict[str, Any]], scopes: frozenset[str]) -> NameCounts:
    """The statistics, summed over the given release scopes, for every name key of these persons."""
    keys = sorted(_keys_of(persons))
    scoped = [f"{scope}|{key}" for scope in sorted(scopes) for key in ["", *keys]]
    row = graph.read("resolution/get_name_counts", {"keys": scoped})[0]
    totals: dict[str, int] = {}
    for found in row["counts"]:
        if found["key"] is not None:
            key = found["key"].split("|", 1)[1]
            totals[key] = totals.get(key, 0) + found["count"]
    return NameCounts(totals.pop("", 0), totals)
