"""Originator control, decided once: which reports a caller may see, and so which facts.

Every fact in the graph lists the reports that support it (`report_ids`). A caller sees a fact
only if at least one of those reports is releasable to the caller's agency (and, when a time
window is asked for, dated inside it). Investigations never decide this themselves: they get a
`Scope` whose `visible` list goes into every query as `$visible`, and every report id they hand
back is filtered through the same scope.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from graph.db import Graph


@dataclass(frozen=True)
class Viewer:
    """Who is asking: a user of an agency with a role; `sees_all` for a local operator at the console."""

    user: str
    agency: str | None
    role: str = "analyst"
    sees_all: bool = False


LOCAL_OPERATOR = Viewer(user="local-operator", agency=None, role="admin", sees_all=True)


@dataclass(frozen=True)
class Scope:
    """The reports one request may draw on."""

    viewer: Viewer
    visible: frozenset[str]
    since: date | None = None
    until: date | None = None

    def filter(self, report_ids: list[str] | None) -> list[str]:
        """The visible ones among some report ids, in their order."""
        return [rid for rid in report_ids or [] if rid in self.visible]

    def params(self) -> dict[str, object]:
        return {"visible": sorted(self.visible)}


def scope_for(graph: Graph, viewer: Viewer, since: date | None = None, until: date | None = None) -> Scope:
    """Compute the visible reports for a viewer and an optional time window."""
    row = graph.read("access/get_visible_reports", {
        "all": viewer.sees_all, "agency": viewer.agency, "since": since, "until": until,
    })[0]  # fmt: skip
    return Scope(viewer=viewer, visible=frozenset(row["visible"]), since=since, until=until)
