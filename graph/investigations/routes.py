"""`routes` (routes and legs through a country or place, with activity) and `emerging-routes`."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from itertools import pairwise
from typing import Any, Literal

from pydantic import BaseModel, Field

from graph.db import Graph
from graph.investigations import examples
from graph.investigations.base import NodeOut, Provenance, ReportRef, plain
from graph.investigations.codes import PlaceOrCountry
from graph.investigations.params import Params, Window
from graph.visibility import Scope


class RoutesParams(Window):
    through: PlaceOrCountry | None = Field(None, min_length=2, max_length=100,
                                description="a country (ISO code or name) or a place uid the routes pass through",
                                examples=[examples.COUNTRY])  # fmt: skip
    limit: int = Field(100, ge=1, le=1000)


class Stop(BaseModel):
    position: int
    name: str
    country: str | None
    mode: str | None = Field(description="transport mode of the leg into this stop, when known")


class RouteOut(BaseModel):
    route: NodeOut
    stops: list[Stop]
    incidents: int
    migrants: int


class Leg(BaseModel):
    origin: str
    destination: str
    mode: str
    incidents: int
    migrants: int
    reports: list[ReportRef] = Field(default_factory=list)


class RoutesResult(BaseModel):
    routes: list[RouteOut]
    legs: list[Leg] = Field(description="consecutive stops of all routes, with the activity along them")
    by_mode: dict[str, int] = Field(description="incidents per transport mode")


class EmergingParams(Params):
    as_of: dt.date | None = Field(
        None,
        description="end of the recent window; by default the date of the newest "
        "report you may see (today if none is dated)",
    )
    recent_days: int = Field(30, ge=1, le=366)
    baseline_days: int = Field(180, ge=1, le=3660)
    factor: float = Field(2.0, gt=1, le=100, description="growth over the baseline that counts as emerging")
    min_incidents: int = Field(1, ge=1, le=1000, description="least recent incidents for a leg to count")


class EmergingLeg(BaseModel):
    origin: str
    destination: str
    mode: str
    recent_incidents: int
    baseline_incidents: int
    recent_migrants: int
    new: bool = Field(description="no activity at all in the baseline window")
    reports: list[ReportRef]


EndSource = Literal["as_of", "newest report", "today"]


class EmergingResult(BaseModel):
    recent: tuple[dt.date, dt.date] = Field(description="the recent window used, first and last day")
    baseline: tuple[dt.date, dt.date] = Field(description="the baseline window used, first and last day")
    ends: EndSource = Field(
        description="where the recent window's end came from: the as_of given, the newest report you may see, or today"
    )
    legs: list[EmergingLeg]


def _modes(route: NodeOut) -> list[str]:
    """The transport modes visible reports give a route."""
    return list(route.properties.get("modes") or [])


def _stops(row: dict[str, Any], prov: Provenance) -> list[Stop]:
    """A route's stops with their names as visible reports give them; the leg mode where they give one."""
    modes = _modes(prov.node(row["route"]))
    mode = modes[0] if len(modes) == 1 else None
    stops = []
    for stop in row["stops"]:
        node = prov.node(stop["stop"])
        country = node.properties.get("country") or node.properties.get("code")
        stops.append(Stop(position=stop["position"], name=node.name, country=country,
                          mode=mode if stop["position"] else None))  # fmt: skip
    return stops


def _legs(rows: list[dict[str, Any]], prov: Provenance) -> list[Leg]:
    totals: dict[tuple[str, str, str], dict[str, Any]] = defaultdict(lambda: {"i": 0, "m": 0, "ids": []})
    for row in rows:
        for a, b in pairwise(_stops(row, prov)):
            key = (a.name, b.name, b.mode or "unknown")
            totals[key]["i"] += row["incidents"]
            totals[key]["m"] += row["migrants"]
            totals[key]["ids"] += [rid for ids in row["incident_report_ids"] for rid in ids]
    return [
        Leg(origin=a, destination=b, mode=mode, incidents=t["i"], migrants=t["m"],
            reports=prov.support(sorted(set(t["ids"])))["reports"])
        for (a, b, mode), t in sorted(totals.items(), key=lambda item: (-item[1]["i"], item[0]))
    ]  # fmt: skip


def _route_rows(graph: Graph, scope: Scope, through: str | None, limit: int) -> list[dict[str, Any]]:
    return graph.read("investigations/routes", {**scope.params(), "through": through, "limit": limit})


def routes(graph: Graph, scope: Scope, params: RoutesParams) -> RoutesResult:
    rows = _route_rows(graph, scope, params.through, params.limit)
    ids = [row["route"].get("report_ids") for row in rows] + [i for row in rows for i in row["incident_report_ids"]]
    prov = Provenance(graph, scope, ids)
    by_mode: dict[str, int] = defaultdict(int)
    for row in rows:
        for mode in _modes(prov.node(row["route"])) or ["unknown"]:
            by_mode[mode] += row["incidents"]
    return RoutesResult(
        routes=[RouteOut(route=prov.node(row["route"]), stops=_stops(row, prov),
                         incidents=row["incidents"], migrants=row["migrants"]) for row in rows],
        legs=_legs(rows, prov), by_mode=dict(by_mode),
    )  # fmt: skip


def emerging_routes(graph: Graph, scope: Scope, params: EmergingParams) -> EmergingResult:
    """Legs whose recent activity is new, or at least `factor` times the baseline's (per day)."""
    as_of, ends = _window_end(graph, scope, params.as_of)
    recent_start = as_of - dt.timedelta(days=params.recent_days - 1)
    baseline_end = recent_start - dt.timedelta(days=1)
    baseline_start = baseline_end - dt.timedelta(days=params.baseline_days - 1)
    windows = {}
    for name, (since, until) in {
        "recent": (recent_start, as_of),
        "baseline": (baseline_start, baseline_end),
    }.items():
        window = scope.narrowed(since, until)
        rows = _route_rows(graph, window, None, 10_000)
        windows[name] = {
            (leg.origin, leg.destination, leg.mode): leg
            for leg in _legs(rows, Provenance(graph, window, [i for r in rows for i in r["incident_report_ids"]]))
        }
    legs = []
    for key, leg in windows["recent"].items():
        before = windows["baseline"].get(key)
        baseline = before.incidents if before else 0
        rate_ratio = (leg.incidents / params.recent_days) / (baseline / params.baseline_days) if baseline else None
        if leg.incidents >= params.min_incidents and (rate_ratio is None or rate_ratio >= params.factor):
            legs.append(EmergingLeg(origin=key[0], destination=key[1], mode=key[2], recent_incidents=leg.incidents,
                                    baseline_incidents=baseline, recent_migrants=leg.migrants, new=baseline == 0,
                                    reports=leg.reports))  # fmt: skip
    return EmergingResult(recent=(recent_start, as_of), baseline=(baseline_start, baseline_end), ends=ends, legs=legs)


def _window_end(graph: Graph, scope: Scope, as_of: dt.date | None) -> tuple[dt.date, EndSource]:
    """The given as_of, else the date of the newest report the caller may see, else today."""
    if as_of is not None:
        return as_of, "as_of"
    rows = graph.read("investigations/get_latest_report_date", {"scopes": scope.params()["scopes"]})
    if rows and rows[0]["latest"] is not None:
        return plain(rows[0]["latest"]), "newest report"
    return dt.date.today(), "today"
