"""What every investigation shares: result models with provenance, and turning query rows into them.

An answer is assembled from statements only: what each visible report says of a node (its
MENTIONS edge) or of a relationship (its `said` entries). Queries return nodes as NODE(x) maps
and relationships as EDGE(r) maps (cypher/__init__.py), which hold nothing but the caller's
visible statements, so an alias, role, mode or nationality that only a hidden report gives cannot
show, and no merged value stored on a node ever reaches an answer. `Provenance` turns the visible
report ids into references with titles and dates and derives first/last seen from them alone.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable
from typing import Any

from neo4j.time import Date, DateTime
from pydantic import BaseModel, Field

from graph.db import Graph
from graph.investigations import examples
from graph.summaries import RECENT
from graph.visibility import Scope

HIDDEN_PROPERTIES = {
    "report_ids",
    "seen",
    "labels",
    "uid",
    "name_key",
    "first_seen",
    "last_seen",
    "confidence",
    "contributions",
    "evidence",
}
NAME_PROPERTIES = ("name", "value", "plate", "label", "number", "code", "uid")


class ReportRef(BaseModel):
    id: str = Field(examples=[examples.REPORT])
    title: str | None = Field(None, examples=["WhatsApp number +90 532 123 45 67 seen again"])
    date: dt.date | None = Field(None, examples=["2026-04-14"])


class Supported(BaseModel):
    reports: list[ReportRef] = Field(
        default_factory=list, description=f"the newest visible reports that support this (at most {RECENT})"
    )
    report_count: int = Field(0, description="how many visible reports support this")
    first_seen: dt.date | None = None
    last_seen: dt.date | None = None


class NodeOut(Supported):
    uid: str = Field(examples=[examples.PERSON])
    label: str = Field(examples=["Person"])
    name: str = Field(examples=[examples.PERSON_NAME])
    properties: dict[str, Any] = Field(default_factory=dict, examples=[{"nationality": "TR"}])


class EdgeOut(Supported):
    source: str = Field(examples=[examples.PERSON])
    target: str = Field(examples=[examples.PHONE])
    type: str = Field(examples=["HAS_PHONE"])
    confidence: float | None = Field(None, examples=[0.9])
    properties: dict[str, Any] = Field(default_factory=dict, examples=[{}])


class GraphOut(BaseModel):
    nodes: list[NodeOut]
    edges: list[EdgeOut]
    truncated: bool = Field(False, description="true when the limit cut the result")
    omitted: dict[str, int] = Field(default_factory=dict, description="per node uid, visible ties not drawn")


def plain(value: Any) -> Any:
    """Neo4j temporal values as Python ones, recursively."""
    if isinstance(value, Date | DateTime):
        return value.to_native()
    if isinstance(value, list):
        return [plain(v) for v in value]
    if isinstance(value, dict):
        return {k: plain(v) for k, v in value.items()}
    return value


def main_label(labels: list[str]) -> str:
    return next((label for label in labels if label not in ("Entity", "Reference")), "Entity")


def display_name(props: dict[str, Any]) -> str:
    if "Document" in props.get("labels", []):
        return " ".join(str(props[k]) for k in ("status", "type", "number") if props.get(k)) or props["uid"]
    if "Incident" in props.get("labels", []):
        return f"{props.get('kind') or 'incident'} {props.get('date') or ''}".strip()
    return str(next((props[k] for k in NAME_PROPERTIES if props.get(k)), "?"))


def merge_contributions(contributions: list[str]) -> dict[str, Any]:
    """What the given reports say of a node or relationship, oldest report first: each property from
    the first report that gives it, each list as the union of what they give."""
    merged: dict[str, Any] = {}
    for text in contributions:
        said = json.loads(text) if text else {}
        for key, value in said.get("props", {}).items():
            merged.setdefault(key, value)
        for key, values in said.get("lists", {}).items():
            merged[key] = list(dict.fromkeys([*merged.get(key, []), *values]))
    return merged


def oldest_first(statements: list[list[str]] | None) -> list[str]:
    """The texts of [date, statement, report id] triples, oldest report first (undated ones last, ties
    by report id, then by text for two mentions in one report), so that the first report to give a
    property gives it for everyone alike, whether read from statements or from a summary."""
    ordered = sorted(statements or [], key=lambda said: (not said[0], said[0] or "", said[2], said[1] or ""))
    return [said[1] for said in ordered]


class Provenance:
    """Report references for the visible report ids of a result, fetched in one query."""

    def __init__(self, graph: Graph, scope: Scope, id_lists: Iterable[list[str] | None]) -> None:
        self.scope = scope
        wanted = sorted({rid for ids in id_lists for rid in ids or []})
        rows = graph.read("access/get_reports", {"ids": wanted}) if wanted else []
        self.refs = {
            row["uid"]: ReportRef(id=row["uid"], title=row["title"], date=plain(row["report_date"])) for row in rows
        }

    def support(self, report_ids: list[str] | None, seen: list[list[Any]] | None = None) -> dict[str, Any]:
        """The newest RECENT of the visible reports, newest first, with their count and first and last date:
        from `seen` (per scope [count, first, last], from a node's summary) when given, else from the reports."""
        refs = [self.refs[rid] for rid in dict.fromkeys(report_ids or []) if rid in self.refs]
        newest = sorted(refs, key=lambda ref: (ref.date.isoformat() if ref.date else "", ref.id), reverse=True)
        if seen is None:
            dates = [ref.date for ref in refs if ref.date]
            first, last, count = min(dates, default=None), max(dates, default=None), len(refs)
        else:
            firsts, lasts = [s[1] for s in seen if s[1]], [s[2] for s in seen if s[2]]
            first = dt.date.fromisoformat(min(firsts)) if firsts else None
            last = dt.date.fromisoformat(max(lasts)) if lasts else None
            count = sum(s[0] for s in seen)
        return {"reports": newest[:RECENT], "report_count": count, "first_seen": first, "last_seen": last}

    def node(self, row: dict[str, Any]) -> NodeOut:
        """A NODE(x) map as an answer's node: reference data, or what visible reports say of it."""
        said = plain(row.get("reference") or {}) | merge_contributions(oldest_first(row.get("contributions")))
        props = {**said, "uid": row["uid"], "labels": row.get("labels", [])}
        shown = {k: v for k, v in props.items() if k not in HIDDEN_PROPERTIES}
        return NodeOut(uid=row["uid"], label=main_label(props["labels"]), name=display_name(props),
                       properties=shown, **self.support(row.get("report_ids"), row.get("seen")))  # fmt: skip

    def edge(self, row: dict[str, Any]) -> EdgeOut:
        """An EDGE(r) map as an answer's edge: what visible reports say of the tie."""
        texts = oldest_first(row.get("said"))
        confidences = [json.loads(t).get("confidence") for t in texts if t]
        merged = merge_contributions(texts)
        props = {k: v for k, v in merged.items() if k not in HIDDEN_PROPERTIES}
        confidence = max((c for c in confidences if c is not None), default=None)
        return EdgeOut(source=row["source"], target=row["target"], type=row["type"], confidence=confidence,
                       properties=props, **self.support(row.get("report_ids")))  # fmt: skip


def node_ids(rows: Iterable[dict[str, Any]], *keys: str) -> list[list[str] | None]:
    """The report_ids lists of the node maps under `keys` in each row (for Provenance)."""
    return [(row.get(key) or {}).get("report_ids") for row in rows for key in keys]
