"""What every investigation shares: result models with provenance, and turning query rows into them.

Properties are shown as the visible reports state them: each report's contribution to a node
(on its MENTIONS edge) or a relationship (its `contributions` list) is kept apart at loading, and
here only the visible ones are merged, so an alias, role or nationality that only a hidden report
gives never shows.

Queries return nodes as maps (`n {.*, labels: labels(n)}`) and relationships as maps with their
`report_ids`; `Provenance` turns those ids (only the visible ones) into report references with
titles and dates, and derives first/last seen from the visible reports alone, so a hidden
report leaves no trace in a date either.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable
from typing import Any

from neo4j.time import Date, DateTime
from pydantic import BaseModel, Field

from graph.db import Graph
from graph.visibility import Scope

HIDDEN_PROPERTIES = {
    "report_ids",
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
    id: str
    title: str | None = None
    date: dt.date | None = None


class Supported(BaseModel):
    reports: list[ReportRef] = Field(default_factory=list, description="the visible reports that support this")
    first_seen: dt.date | None = None
    last_seen: dt.date | None = None


class NodeOut(Supported):
    uid: str
    label: str
    name: str
    properties: dict[str, Any] = Field(default_factory=dict)


class EdgeOut(Supported):
    source: str
    target: str
    type: str
    confidence: float | None = None
    properties: dict[str, Any] = Field(default_factory=dict)


class GraphOut(BaseModel):
    nodes: list[NodeOut]
    edges: list[EdgeOut]
    truncated: bool = Field(False, description="true when the limit cut the result")


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
        said = json.loads(text)
        for key, value in said.get("props", {}).items():
            merged.setdefault(key, value)
        for key, values in said.get("lists", {}).items():
            merged[key] = list(dict.fromkeys([*merged.get(key, []), *values]))
    return merged


class Provenance:
    """Report references for the visible report ids of a result, fetched in one query."""

    def __init__(self, graph: Graph, scope: Scope, id_lists: Iterable[list[str] | None]) -> None:
        self.scope = scope
        wanted = sorted({rid for ids in id_lists for rid in scope.filter(ids)})
        rows = graph.read("access/get_reports", {"ids": wanted}) if wanted else []
        self.refs = {
            row["uid"]: ReportRef(id=row["uid"], title=row["title"], date=plain(row["report_date"])) for row in rows
        }

    def support(self, report_ids: list[str] | None) -> dict[str, Any]:
        refs = [self.refs[rid] for rid in self.scope.filter(report_ids) if rid in self.refs]
        dates = [ref.date for ref in refs if ref.date]
        return {"reports": refs, "first_seen": min(dates, default=None), "last_seen": max(dates, default=None)}

    def node(self, props: dict[str, Any]) -> NodeOut:
        props = plain(props)
        if props.get("contributions"):
            ordered = sorted(props["contributions"], key=lambda pair: (pair[0] is None, pair[0] or ""))
            props = {**props, **merge_contributions([c for _, c in ordered])}
        shown = {k: v for k, v in props.items() if k not in HIDDEN_PROPERTIES}
        return NodeOut(uid=props["uid"], label=main_label(props.get("labels", [])), name=display_name(props),
                       properties=shown, **self.support(props.get("report_ids")))  # fmt: skip

    def edge(self, row: dict[str, Any]) -> EdgeOut:
        stored = plain(row.get("props") or {})
        visible = [
            c.split("|", 1)[1] for c in stored.get("contributions") or [] if c.split("|", 1)[0] in self.scope.visible
        ]
        merged = {**stored, **merge_contributions(visible)}
        props = {k: v for k, v in merged.items() if k not in HIDDEN_PROPERTIES}
        return EdgeOut(source=row["source"], target=row["target"], type=row["type"], confidence=row.get("confidence"),
                       properties=props, **self.support(row.get("report_ids")))  # fmt: skip


def node_ids(rows: Iterable[dict[str, Any]], *keys: str) -> list[list[str] | None]:
    """The report_ids lists of the node maps under `keys` in each row (for Provenance)."""
    return [(row.get(key) or {}).get("report_ids") for row in rows for key in keys]
