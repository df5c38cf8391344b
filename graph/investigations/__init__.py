"""The canned investigations: one name, one parameter model, one query file, one function each.

`run_investigation` is the single entry for the API and the CLI: it validates the parameters,
computes the caller's scope (visible reports in the time window) once, and runs the function.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from pydantic import BaseModel, ValidationError

from graph.db import Graph
from graph.errors import InvalidInput
from graph.investigations import fraud, identifiers, lookup, neighbourhood, networks, routes, timeline
from graph.visibility import Viewer, scope_for


@dataclass(frozen=True)
class Investigation:
    name: str
    summary: str
    params: type[BaseModel]
    run: Callable[..., BaseModel]


INVESTIGATIONS: dict[str, Investigation] = {
    i.name: i
    for i in (
        Investigation("search", "entities by name or alias, fuzzy and full-text", lookup.SearchParams, lookup.search),
        Investigation("profile", "one entity and every fact about it, with its reports", lookup.ProfileParams,
                      lookup.profile),
        Investigation("network", "the neighbourhood of an entity, 1-3 hops", neighbourhood.NetworkParams,
                      neighbourhood.network),
        Investigation("paths", "shortest paths between two entities", neighbourhood.PathsParams, neighbourhood.paths),
        Investigation("shared-identifiers", "identifiers used by more than one person or organisation",
                      identifiers.SharedIdentifiersParams, identifiers.shared_identifiers),
        Investigation("co-offenders", "persons who share incidents or organisations with a person",
                      identifiers.CoOffendersParams, identifiers.co_offenders),
        Investigation("routes", "routes and legs through a country or place, with activity", routes.RoutesParams,
                      routes.routes),
        Investigation("emerging-routes", "legs that are new or growing", routes.EmergingParams, routes.emerging_routes),
        Investigation("document-fraud", "fraud techniques and documents, and who supplies them",
                      fraud.DocumentFraudParams, fraud.document_fraud),
        Investigation("organisation", "members, leaders, front businesses, routes, incidents",
                      networks.OrganisationParams, networks.organisation),
        Investigation("key-players", "persons ranked by betweenness and degree in a network",
                      networks.KeyPlayersParams, networks.key_players),
        Investigation("timeline", "dated incidents and reports of an entity or network", timeline.TimelineParams,
                      timeline.timeline),
        Investigation("clusters", "the connected networks with their size and main actors", networks.ClustersParams,
                      networks.clusters),
    )
}  # fmt: skip


def parse_params(name: str, raw: dict[str, Any]) -> BaseModel:
    """The investigation's parameters from plain values; one clear error naming the bad parameter."""
    investigation = INVESTIGATIONS.get(name)
    if investigation is None:
        raise InvalidInput(f"no investigation named {name!r} (known: {', '.join(sorted(INVESTIGATIONS))})")
    try:
        return investigation.params.model_validate(raw)
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(part) for part in first["loc"]) or "parameters"
        raise InvalidInput(f"{name}: parameter {where!r}: {first['msg']}") from None


def run_investigation(graph: Graph, viewer: Viewer, name: str, params: BaseModel) -> BaseModel:
    """Run one investigation for one viewer: scope first, then the query."""
    scope = scope_for(graph, viewer, getattr(params, "since", None), getattr(params, "until", None))
    return INVESTIGATIONS[name].run(graph, scope, params)
