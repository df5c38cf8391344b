"""Originator control, decided once: which release scopes a caller may see, and so which statements.

Every statement (what one report says of a node or relationship) carries its report's release
scope: `net` (the whole network), `org:<A>` (the originator A only) or `rel:<A>:<B>,<C>` (A and the
agencies B, C). Scopes are few whatever the number of reports, so a caller's visibility is a short
list (`$scopes`) that every query checks on each statement, with the optional time window
(`$since`, `$until`, ISO dates) checked on the statement's report date. Investigations never decide
this themselves: they get a `Scope` and pass `scope.params()` to every query.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from neo4j import ManagedTransaction

from graph import summaries
from graph.db import Graph
from graph.errors import NotFound

NETWORK = "net"


@dataclass(frozen=True)
class Viewer:
    """Who is asking: a user of an agency with a role; `sees_all` for a local operator at the console."""

    user: str
    agency: str | None
    role: str = "analyst"
    sees_all: bool = False


LOCAL_OPERATOR = Viewer(user="local-operator", agency=None, role="admin", sees_all=True)


def scope_key(releasability: str, originator: str | None, release_to: list[str] | tuple[str, ...] = ()) -> str:
    """The release scope of a report: who may see what it says."""
    if releasability == "network":
        return NETWORK
    if releasability == "originator":
        return f"org:{originator or ''}"
    return f"rel:{originator or ''}:{','.join(sorted(set(release_to)))}"


def scope_agencies(key: str) -> list[str]:
    """The agencies a scope key releases to (empty for the whole network)."""
    if key == NETWORK:
        return []
    kind, _, rest = key.partition(":")
    if kind == "org":
        return [rest] if rest else []
    originator, _, listed = rest.partition(":")
    return sorted({a for a in [originator, *listed.split(",")] if a})


@dataclass(frozen=True)
class Scope:
    """The release scopes and time window one request may draw on."""

    viewer: Viewer
    scopes: frozenset[str]
    since: date | None = None
    until: date | None = None

    def params(self) -> dict[str, Any]:
        return {
            "scopes": sorted(self.scopes),
            "since": self.since.isoformat() if self.since else None,
            "until": self.until.isoformat() if self.until else None,
        }

    def narrowed(self, since: date | None, until: date | None) -> Scope:
        """The same caller over another time window."""
        return Scope(self.viewer, self.scopes, since, until)


def scope_for(graph: Graph, viewer: Viewer, since: date | None = None, until: date | None = None) -> Scope:
    """The scopes a viewer may see, and an optional time window."""
    row = graph.read("access/get_viewer_scopes", {"all": viewer.sees_all, "agency": viewer.agency})[0]
    return Scope(viewer=viewer, scopes=frozenset([NETWORK, *row["scopes"]]), since=since, until=until)


def change_report_release(graph: Graph, uid: str, release: dict[str, Any]) -> dict[str, Any]:
    """Give a report (and each of its statements) a new release scope, and recompute the summaries and
    kept clusters of the entities it mentions, in one transaction. `release`: releasability, release_to,
    scope, agencies."""

    from graph import clusters  # clusters reads this module's NETWORK scope

    def work(tx: ManagedTransaction) -> dict[str, Any]:
        row = graph.run_in(tx, "access/update_report_release", {"uid": uid, **release}).single()
        if row is None:
            raise NotFound(f"no report with id {uid!r}")
        found = graph.run_in(tx, "ingest/get_report_entity_uids", {"report_ids": [uid]}).single()
        summaries.refresh(tx, graph, found["uids"] if found else [])
        clusters.rebuild(tx, graph, found["uids"] if found else [])
        return dict(row)

    return graph.write_transaction(work)
