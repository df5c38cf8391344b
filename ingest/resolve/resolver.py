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
from dataclasses import dataclass, field
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
    key: str  # the list of this kind in begin_report's row, less its final "s"
    weigh: Weigh
    label: str


def _weigh_persons(a: dict[str, Any], b: dict[str, Any], thresholds: tuple[float, float],
                   counts: NameCounts | None) -> Evidence:  # fmt: skip
    return weigh(a, b, *thresholds, counts)


def _weigh_organisations(a: dict[str, Any], b: dict[str, Any], _: tuple[float, float],
                         __: NameCounts | None) -> Evidence:  # fmt: skip
    return weigh_organisations(a, b)  # organisations keep their own thresholds, on a name score


PERSONS = _Kind("person", _weigh_persons, "Person")
KINDS = (PERSONS, _Kind("organisation", _weigh_organisations, "Organisation"))
Mentioned = tuple[_Kind, dict[str, Any]]  # an entity the report mentions (uid, name, rejected), and its kind


@dataclass
class _Prefetched:
    """A report's persons and organisations, their candidates (full-text over every report's mentions, and
    persons sharing an identifier) and the candidates' descriptions (and the name statistics of all the
    persons among them), read in four round trips before any is weighed. Proposals do not change what is
    read; a merge does, so after one the entities still to weigh are read again."""

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
    def read(cls, graph: Graph, view: Scope, mentioned: list[Mentioned]) -> _Prefetched:
        kinds = {entity["uid"]: kind for kind, entity in mentioned}
        entities = {e["uid"]: e for e in describe(graph, view, list(kinds))}
        queries = [{"uid": uid, "query": lucene_query(" ".join(names_of(e))), "label": kinds[uid].label,
                    "identifiers": e["identifiers"] if kinds[uid] is PERSONS else []}
                   for uid, e in entities.items()]  # fmt: skip
        params = {**view.params(), "queries": queries, "limit": CANDIDATES}
        rows = graph.read("resolution/find_candidates", params) if queries else []
        candidates = {row["uid"]: [*row["candidates"], *row["sharers"]] for row in rows}
        wanted = list(dict.fromkeys(uid for found in candidates.values() for uid in found))
        read = cls(entities, candidates, {e["uid"]: e for e in describe(graph, view, wanted)})
        persons = [uid for uid in entities if kinds[uid] is PERSONS]
        alike = {c for uid in persons for c in candidates.get(uid, [])}
        everyone = [entities[uid] for uid in persons] + [e for uid, e in read.described.items() if uid in alike]
        if len(everyone) > len(persons):
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
    return graph.in_one_transaction(lambda bound: _Turn.take(bound, report_id, (merge_at, review_at)).summary)


@dataclass
class _Turn:
    """One report's resolution, in its transaction: what it has merged and the proposals not yet written."""

    graph: Graph
    report_id: str
    view: Scope
    thresholds: tuple[float, float]
    summary: ResolutionSummary = field(default_factory=ResolutionSummary)
    gone: set[str] = field(default_factory=set)  # entities merged away
    proposals: list[dict[str, Any]] = field(default_factory=list)

    @classmethod
    def take(cls, graph: Graph, report_id: str, thresholds: tuple[float, float]) -> _Turn:
        begun = graph.write("resolution/begin_report", {"report_id": report_id})[0]
        view = Scope(RESOLVER_VIEWER, frozenset({NETWORK, begun["scope"] or NETWORK}))
        turn = cls(graph, report_id, view, thresholds)
        mentioned = [(kind, entity) for kind in KINDS for entity in begun[f"{kind.key}s"]]  # persons first
        read = _Prefetched.read(graph, view, mentioned)
        for index, (kind, entity) in enumerate(mentioned):
            if entity["uid"] not in turn.gone and turn.weigh(kind, entity, read):
                later = [(k, e) for k, e in mentioned[index + 1 :] if e["uid"] not in turn.gone]
                read = _Prefetched.read(graph, view, later)  # the merge changed what they are weighed against
        turn.propose()
        return turn

    def weigh(self, kind: _Kind, mentioned: dict[str, Any], read: _Prefetched) -> bool:
        """Weigh one entity against its candidates; whether it merged anything."""
        entity = read.entities.get(mentioned["uid"])
        if entity is None:
            return False
        skip = set(mentioned.get("rejected") or []) | self.gone | {entity["uid"]}
        uids = [uid for uid in dict.fromkeys(read.candidates.get(entity["uid"], [])) if uid not in skip]
        candidates = read.describe(self.graph, self.view, uids)
        persons = kind is PERSONS and candidates
        counts = read.name_counts(self.graph, [entity, *candidates], self.view.scopes) if persons else None
        public = self.view.scopes == {NETWORK}
        weighed = [(kind.weigh(entity, c, self.thresholds, counts), c) for c in candidates]
        merged = False
        for evidence, candidate in sorted(weighed, key=lambda pair: (-pair[0].score, pair[1]["uid"])):
            if evidence.decision == "merge" and public:
                winner, loser = (candidate, entity) if _older(candidate, entity) else (entity, candidate)
                self.propose()  # before the merge, which moves the loser's proposals to the winner
                merge_entities(self.graph, winner["uid"], loser["uid"], RESOLVER, evidence.score, evidence.reasons)
                merged = True
                self.summary.merged += 1
                self.gone.add(loser["uid"])
                if loser is entity:
                    return True
            elif evidence.decision in ("merge", "review"):
                self.proposals.append({"src": entity["uid"], "dst": candidate["uid"], "score": evidence.score,
                                       "reasons": evidence.reasons, "suggested": evidence.decision})  # fmt: skip
                self.summary.proposed += 1
        return merged

    def propose(self) -> None:
        """Write the proposals weighed so far (in the view's scopes), in one round trip."""
        if self.proposals:
            self.graph.write("linking/merge_possibly_same_as", {"report_id": self.report_id, "by": RESOLVER,
                             "rows": self.proposals, "requires": sorted(self.view.scopes)})  # fmt: skip
            self.proposals = []


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
