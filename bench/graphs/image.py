"""The graph the loader would write, computed in memory from the loader's own rows, for bulk import.

`Image.add` applies one report's rows (`bench.graphs.write.report_rows`: `ingest.load_rows.build_plan`
and the loader's Report properties) with the semantics of `cypher/ingest/merge_*`, in load order: entity
properties from the first report that gives them, lists united, one aligned `report_ids` / `scopes` /
`dates` entry per report, confidence the largest, first/last seen the earliest and latest report dates;
one MENTIONS edge per report and key; one fact relationship per (source, type, target), whose aligned
statement lists keep one entry per (report, source key, target key), the latest write winning; each
entity's per-scope summary (`graph.summaries`), added to report by report as the loader does; route
stops once per route and position. The synthetic reports make no aliases (no resolution runs), so keys
are uids. tests/bench/test_bulk_import.py checks the result equals the loader's graph.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from graph.summaries import Statement, Summary
from graph.taxonomy import country_rows, vocabulary_rows
from ingest.load_rows import name_stats

Props = dict[str, Any]


@dataclass
class Node:
    id: int
    labels: list[str]
    props: Props


@dataclass
class Tie:
    """A fact relationship: its statements by (report id, source key, target key), in write order."""

    confidence: float
    statements: dict[tuple[str, str, str], tuple[str, str, str]] = field(default_factory=dict)
    evidence: list[str] = field(default_factory=list)
    first_seen: date | None = None
    last_seen: date | None = None


def reference_nodes() -> list[tuple[list[str], Props]]:
    """The reference data `graph.schema.install_schema` merges, as (labels, properties)."""
    refs: list[tuple[list[str], Props]] = []
    for row in country_rows():
        refs.append((["Reference", "Country"], {"uid": f"country:{row['code']}", **row}))
    for vocabulary, label, prefix in (("fraud_techniques", "FraudTechnique", "technique"),
                                      ("modus_operandi", "ModusOperandi", "method")):  # fmt: skip
        for row in vocabulary_rows(vocabulary):
            refs.append((["Reference", label], {"uid": f"{prefix}:{row['code']}", **row}))
    return refs


def _earlier(a: date | None, b: date | None) -> date | None:
    return b if a is None or (b is not None and b < a) else a


def _later(a: date | None, b: date | None) -> date | None:
    return b if a is None or (b is not None and b > a) else a


class Image:
    """Nodes and relationships accumulated report by report; MENTIONS are handed to `mention_sink`."""

    def __init__(self) -> None:
        self.nodes: dict[str, Node] = {}
        self.ties: dict[tuple[int, str, int], Tie] = {}
        self.stops: dict[tuple[int, int, int], None] = {}
        self.mentions: list[tuple[int, int, Props]] = []
        self.references: set[str] = set()
        self.summaries: dict[str, Summary] = {}
        for labels, props in reference_nodes():
            self._new(props["uid"], labels, props)
            self.references.add(props["uid"])

    def _new(self, key: str, labels: list[str], props: Props) -> Node:
        node = Node(len(self.nodes), labels, props)
        self.nodes[key] = node
        return node

    def add(self, rows: dict[str, Any], ingested_at: Any) -> None:
        report = {**rows["report"], "ingested_at": ingested_at, "names_counted": True}
        scope = self.nodes.get(f"scope:{report['scope']}")
        if scope is None:
            self._new(f"scope:{report['scope']}", ["Scope"], {"key": report["scope"], "agencies": rows["agencies"]})
        previous = self.nodes.get(f"report:{report['uid']}")
        if previous is None:
            self._new(f"report:{report['uid']}", ["Report"], report)
        else:
            previous.props.update(report)
        rid, seen = rows["report_id"], rows["seen"]
        for row in rows["nodes"]:
            self._entity(row, rid, rows["scope"], rows["date"], seen)
        report_node = self.nodes[f"report:{rid}"].id
        for row in rows["mentions"]:
            props = {"key": row["uid"], "evidence": list(row["evidence"]), "confidence": row["confidence"],
                     "contribution": row["contribution"], "names": row["names"], "kind": row["kind"],
                     "scope": rows["scope"], "date": rows["date"]}  # fmt: skip
            self.mentions.append(
                (report_node, self.nodes[row["uid"]].id, {k: v for k, v in props.items() if v is not None})
            )
        said: dict[str, list[Statement]] = {}
        for row in rows["mentions"]:
            said.setdefault(row["uid"], []).append(Statement(rows["scope"], rows["date"], rid, row["contribution"]))
        for uid, statements in said.items():
            summary = self.summaries.setdefault(uid, Summary())
            summary.add_report(statements)
            self.nodes[uid].props.update(summary.props())
        for key, add in name_stats(rows["scope"], rows["nodes"], rows["mentions"]).items():
            stat = self.nodes.get(f"namestat:{key}") or self._new(
                f"namestat:{key}", ["NameStat"], {"key": key, "count": 0}
            )
            stat.props["count"] += add
        for row in rows["relationships"]:
            self._tie(row, rid, rows["scope"], rows["date"], seen)
        for row in rows["stops"]:
            route, stop = self.nodes.get(row["route"]), self.nodes.get(row["stop"])
            if route is not None and stop is not None:
                self.stops[(route.id, row["position"], stop.id)] = None

    def _entity(self, row: Props, rid: str, scope: str, day: str, seen: date | None) -> None:
        node = self.nodes.get(row["uid"])
        if node is None:
            props = {"uid": row["uid"], **row["props"], "report_ids": [], "scopes": [], "dates": [],
                     "confidence": row["confidence"]}  # fmt: skip
            node = self._new(row["uid"], ["Entity"], props)
        if row["label"] not in node.labels:
            node.labels.append(row["label"])
        p = node.props
        for key, value in row["props"].items():
            p.setdefault(key, value)
        for key, values in row["lists"].items():
            old = p.get(key) or []
            p[key] = old + [x for x in values if x not in old]
        if rid not in p["report_ids"]:
            p["report_ids"].append(rid)
            p["scopes"].append(scope)
            p["dates"].append(day)
        p["confidence"] = max(p["confidence"], row["confidence"])
        p["first_seen"], p["last_seen"] = _earlier(p.get("first_seen"), seen), _later(p.get("last_seen"), seen)
        p = {k: v for k, v in p.items() if v is not None}
        node.props = p

    def _tie(self, row: Props, rid: str, scope: str, day: str, seen: date | None) -> None:
        src, dst = self.nodes.get(row["src"]), self.nodes.get(row["dst"])
        if src is None or dst is None or "Entity" not in src.labels:
            return  # the loader's MATCH finds no such end either
        key = (src.id, row["type"], dst.id)
        tie = self.ties.get(key)
        if tie is None:
            tie = self.ties[key] = Tie(confidence=row["confidence"])
        statement = (rid, row["src"], row["dst"])
        tie.statements.pop(statement, None)  # the loader drops the earlier entry and appends again
        tie.statements[statement] = (scope, day, row["said"])
        tie.evidence += [x for x in row["evidence"] if x not in tie.evidence]
        tie.confidence = max(tie.confidence, row["confidence"])
        tie.first_seen, tie.last_seen = _earlier(tie.first_seen, seen), _later(tie.last_seen, seen)


def tie_properties(tie: Tie) -> Props:
    """A fact relationship's properties as merge_relationships leaves them."""
    entries = list(tie.statements.items())
    props: Props = {
        "report_ids": [k[0] for k, _ in entries], "src_keys": [k[1] for k, _ in entries],
        "dst_keys": [k[2] for k, _ in entries], "scopes": [v[0] for _, v in entries],
        "dates": [v[1] for _, v in entries], "said": [v[2] for _, v in entries],
        "evidence": tie.evidence, "confidence": tie.confidence,
        "first_seen": tie.first_seen, "last_seen": tie.last_seen,
    }  # fmt: skip
    return {k: v for k, v in props.items() if v is not None}
