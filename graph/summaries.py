"""Per-scope summaries of an entity's statements, so that reading a hub costs what its scopes cost.

An entity mentioned by ten thousand reports has ten thousand statements. An answer about it needs
only what the caller's visible statements add up to: each property from the oldest statement that
gives it, lists united in that order, how many reports, the first and last date, and the newest
reports to cite. Release scopes are few, so the entity keeps that per scope, written with the
statements in the same transaction and stored as aligned lists:

- `sum_scope`, `sum_text`, `sum_key`: each distinct statement text of a scope, with the order key of
  its oldest occurrence. Replaying the distinct texts of the visible scopes in that order gives
  exactly what replaying every visible statement would (`merge_contributions`), since a text said
  again later adds nothing.
- `seen_scope`, `seen_count`, `seen_first`, `seen_last`: per scope, the number of reports and the
  first and last report date ('' when none is dated).
- `recent_scope`, `recent_key`: per scope, the RECENT newest reports as "date|report id".

Adding a report's statements updates a summary in place; taking statements away (a replaced
report, a split, a change of release) recomputes it from the statements that remain. Queries use a
summary only when the caller asks for no time window (cypher/__init__.py); a window is checked on
each statement.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from neo4j import ManagedTransaction

from graph.db import Graph

RECENT = 20
UNDATED_LAST = "~"  # sorts after every ISO date, as undated reports come last in load order


def order_key(date: str, report_id: str) -> str:
    """Where a statement comes in load order: oldest report first, undated ones last, ties by report id."""
    return f"{date or UNDATED_LAST}|{report_id}"


def recency_key(date: str, report_id: str) -> str:
    """Where a report comes among a node's citations, oldest first (undated ones oldest)."""
    return f"{date}|{report_id}"


@dataclass(frozen=True)
class Statement:
    """What one report says of one entity through one mention."""

    scope: str
    date: str  # ISO report date, '' when undated
    report_id: str
    text: str | None  # the contribution JSON


@dataclass
class ScopeSeen:
    count: int = 0
    first: str = ""
    last: str = ""
    recent: list[str] = field(default_factory=list)  # recency keys, newest last, at most RECENT

    def add(self, date: str, report_id: str) -> None:
        self.count += 1
        if date:
            self.first = min(self.first, date) if self.first else date
            self.last = max(self.last, date)
        self.recent = sorted({*self.recent, recency_key(date, report_id)})[-RECENT:]


@dataclass
class Summary:
    """The per-scope summary of one entity's statements."""

    texts: dict[tuple[str, str], str] = field(default_factory=dict)  # (scope, text) -> oldest order key
    seen: dict[str, ScopeSeen] = field(default_factory=dict)

    @classmethod
    def of(cls, statements: Iterable[Statement]) -> Summary:
        """The summary of all the given statements."""
        summary = cls()
        by_report: dict[str, list[Statement]] = {}
        for statement in statements:
            by_report.setdefault(statement.report_id, []).append(statement)
        for said in by_report.values():
            summary.add_report(said)
        return summary

    @classmethod
    def from_props(cls, props: dict[str, Any]) -> Summary:
        """The summary stored on a node (empty for a node written before summaries existed)."""
        summary = cls()
        for scope, text, key in zip(props.get("sum_scope") or [], props.get("sum_text") or [],
                                    props.get("sum_key") or [], strict=True):  # fmt: skip
            summary.texts[(scope, text)] = key
        for scope, count, first, last in zip(props.get("seen_scope") or [], props.get("seen_count") or [],
                                             props.get("seen_first") or [], props.get("seen_last") or [],
                                             strict=True):  # fmt: skip
            summary.seen[scope] = ScopeSeen(count, first, last)
        for scope, key in zip(props.get("recent_scope") or [], props.get("recent_key") or [], strict=True):
            summary.seen.setdefault(scope, ScopeSeen()).recent.append(key)
        for seen in summary.seen.values():
            seen.recent.sort()
        return summary

    def add_report(self, statements: list[Statement]) -> None:
        """Add what one report (not yet counted here) says of the entity, through any of its mentions."""
        first = statements[0]
        self.seen.setdefault(first.scope, ScopeSeen()).add(first.date, first.report_id)
        for statement in statements:
            if statement.text:
                key = order_key(statement.date, statement.report_id)
                slot = (statement.scope, statement.text)
                self.texts[slot] = min(self.texts.get(slot, key), key)

    def props(self) -> dict[str, list[Any]]:
        """The summary as the node's aligned list properties (in a stable order)."""
        texts = sorted(self.texts.items(), key=lambda item: (item[1], item[0]))
        scopes = sorted(self.seen)
        recent = [(scope, key) for scope in scopes for key in self.seen[scope].recent]
        return {
            "sum_scope": [scope for (scope, _), _ in texts],
            "sum_text": [text for (_, text), _ in texts],
            "sum_key": [key for _, key in texts],
            "seen_scope": scopes,
            "seen_count": [self.seen[s].count for s in scopes],
            "seen_first": [self.seen[s].first for s in scopes],
            "seen_last": [self.seen[s].last for s in scopes],
            "recent_scope": [scope for scope, _ in recent],
            "recent_key": [key for _, key in recent],
        }


SUMMARY_PROPERTIES = tuple(Summary().props())


def add_reports(tx: ManagedTransaction, graph: Graph, report_ids: list[str], skip: frozenset[str] = frozenset()
                ) -> None:  # fmt: skip
    """Add newly loaded reports' statements, in load order, to the summaries of the entities they mention."""
    params = {"report_ids": report_ids, "properties": list(SUMMARY_PROPERTIES)}
    found: dict[str, Summary] = {}
    for row in graph.run_in(tx, "ingest/get_report_summaries", params):
        if row["uid"] in skip:
            continue
        if (summary := found.get(row["uid"])) is None:
            summary = found[row["uid"]] = Summary.from_props(dict(zip(SUMMARY_PROPERTIES, row["stored"], strict=True)))
        summary.add_report([Statement(row["scope"], row["date"], row["report_id"], text) for text in row["texts"]])
    _write(tx, graph, [{"uid": uid, "props": found[uid].props()} for uid in sorted(found)])


def refresh(tx: ManagedTransaction, graph: Graph, uids: Iterable[str]) -> None:
    """Recompute the summaries of these entities from the statements they have now."""
    wanted = sorted(set(uids))
    if not wanted:
        return
    rows = graph.run_in(tx, "ingest/get_statements", {"uids": wanted})
    statements: dict[str, list[Statement]] = {uid: [] for uid in wanted}
    for row in rows:
        statements[row["uid"]].append(Statement(row["scope"], row["date"], row["report"], row["contribution"]))
    _write(tx, graph, [{"uid": uid, "props": Summary.of(said).props()} for uid, said in statements.items()])


def _write(tx: ManagedTransaction, graph: Graph, updates: list[dict[str, Any]]) -> None:
    for start in range(0, len(updates), 500):
        graph.run_in(tx, "ingest/set_summaries", {"rows": updates[start : start + 500]}).consume()
