"""GET /investigations/<name>: every canned investigation as an endpoint, generated from one registry.

Parameters are the investigation's own pydantic model, read from the query string (unknown
parameters are refused). Results that are graphs also come as GraphML or as a zip of CSV tables
with ?format=graphml|csv.
"""

# No `from __future__ import annotations` here: FastAPI must see the real parameter models
# of the endpoints this module builds in a loop.

from collections.abc import Callable
from enum import StrEnum
from typing import Annotated, Any, get_type_hints

from fastapi import APIRouter, Query, Request
from fastapi.responses import Response
from pydantic import BaseModel, Field, create_model

from api.audit import audited, record_success
from api.auth import ViewerDep
from api.deps import GraphDep
from graph.db import Graph
from graph.investigations import INVESTIGATIONS, Investigation, run_investigation
from graph.investigations.export import as_graph, to_csv_zip, to_graphml
from graph.visibility import Viewer

router = APIRouter(prefix="/investigations", tags=["investigations"])
ERROR_RESPONSES: dict[int | str, dict[str, Any]] = {
    401: {"description": "no API key, or a wrong or revoked one"},
    404: {"description": "unknown (or not visible) entity"},
    422: {"description": "invalid parameter"},
    503: {"description": "database unreachable or query timed out"},
}
EXPORT_RESPONSE = {
    "description": "the answer as JSON, or with format=graphml|csv as GraphML or a zip of nodes.csv and edges.csv",
    "content": {
        "application/graphml+xml": {"schema": {"type": "string"}},
        "application/zip": {"schema": {"type": "string", "format": "binary"}},
    },
}
GRAPH_RESULTS = {"network", "paths", "shared-identifiers", "co-offenders", "organisation"}


class ExportFormat(StrEnum):
    json = "json"
    graphml = "graphml"
    csv = "csv"


def render(result: BaseModel, fmt: ExportFormat, name: str) -> Any:
    if fmt is ExportFormat.graphml:
        return Response(to_graphml(as_graph(result)), media_type="application/graphml+xml",
                        headers={"Content-Disposition": f'attachment; filename="{name}.graphml"'})  # fmt: skip
    if fmt is ExportFormat.csv:
        return Response(to_csv_zip(as_graph(result)), media_type="application/zip",
                        headers={"Content-Disposition": f'attachment; filename="{name}.zip"'})  # fmt: skip
    return result


def _run(request: Request, graph: Graph, viewer: Viewer, name: str, params: BaseModel) -> BaseModel:
    audited(request, f"investigation:{name}", params.model_dump(mode="json", exclude_defaults=True))
    result = run_investigation(graph, viewer, name, params)
    record_success(request, result)
    return result


def _graph_endpoint(name: str, params_model: type[BaseModel]) -> Callable[..., Any]:
    # The export format joins the investigation's own parameters, so unknown names are still refused.
    query_model = create_model(
        f"{params_model.__name__}WithFormat", __base__=params_model,
        format=(ExportFormat, Field(ExportFormat.json, description="json, or the graph as GraphML or CSV tables")),
    )  # fmt: skip

    def endpoint(request: Request, graph: GraphDep, viewer: ViewerDep, params: Annotated[query_model, Query()]) -> Any:
        fmt: ExportFormat = getattr(params, "format")  # noqa: B009  (a field of the generated model)
        return render(_run(request, graph, viewer, name, params), fmt, name)

    return endpoint


def _plain_endpoint(name: str, params_model: type[BaseModel]) -> Callable[..., Any]:
    def endpoint(request: Request, graph: GraphDep, viewer: ViewerDep, params: Annotated[params_model, Query()]) -> Any:  # type: ignore[valid-type]
        return _run(request, graph, viewer, name, params)

    return endpoint


def _add(investigation: Investigation) -> None:
    name = investigation.name
    make = _graph_endpoint if name in GRAPH_RESULTS else _plain_endpoint
    endpoint = make(name, investigation.params)
    response_model = get_type_hints(investigation.run)["return"]
    responses: dict[int | str, dict[str, Any]] = dict(ERROR_RESPONSES)
    if name in GRAPH_RESULTS:
        responses[200] = EXPORT_RESPONSE
    router.add_api_route(
        f"/{name}", endpoint, methods=["GET"], response_model=response_model, name=name,
        summary=investigation.summary.capitalize(), description=(investigation.run.__doc__ or investigation.summary),
        responses=responses,
    )  # fmt: skip


for _investigation in INVESTIGATIONS.values():
    _add(_investigation)
