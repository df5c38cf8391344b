"""`timeline`: the dated incidents and reports of an entity or a network, oldest first."""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import BaseModel, Field

from graph.db import Graph
from graph.investigations import examples
from graph.investigations.base import Provenance, ReportRef, plain
from graph.investigations.neighbourhood import require_visible
from graph.investigations.params import Window
from graph.visibility import Scope


class TimelineParams(Window):
    uid: str = Field(
        ...,
        min_length=1,
        max_length=100,
        description="an entity, or an organisation for its network",
        examples=[examples.PERSON],
    )
    limit: int = Field(500, ge=1, le=5000)


class Event(BaseModel):
    kind: Literal["incident", "report"]
    uid: str
    date: dt.date | None
    title: str | None
    migrants: int | None = None
    arrests: int | None = None
    reports: list[ReportRef]


class TimelineResult(BaseModel):
    events: list[Event]


def timeline(graph: Graph, scope: Scope, params: TimelineParams) -> TimelineResult:
    require_visible(graph, scope, params.uid)
    rows = graph.read("investigations/timeline", {**scope.params(), "uid": params.uid, "limit": params.limit})
    prov = Provenance(graph, scope, [row["report_ids"] for row in rows])
    return TimelineResult(events=[
        Event(kind=row["kind"], uid=row["uid"], date=plain(row["date"]), title=row["title"], migrants=row["migrants"],
              arrests=row["arrests"], reports=prov.support(row["report_ids"])["reports"])
        for row in rows
    ])  # fmt: skip
