"""Provenance to the sentence: GET /provenance/node/{uid}, GET /provenance/edge and GET /reports/{id}.

Each answers from the reports the caller may see only; opening a report is audited like every read."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Path, Query, Request

from api.audit import audited, record_success
from api.auth import ViewerDep
from api.deps import GraphDep
from graph import provenance
from graph.investigations import examples
from graph.visibility import scope_for
from graph.vocabulary import FactType

router = APIRouter(tags=["provenance"])
Uid = Annotated[str, Path(min_length=1, max_length=100, examples=[examples.PERSON])]
NOT_FOUND: dict[int | str, dict[str, Any]] = {
    404: {"description": "unknown, or not visible to your agency (the same answer for both)"}
}


@router.get("/provenance/node/{uid}", responses=NOT_FOUND)
def node_provenance(uid: Uid, request: Request, graph: GraphDep, viewer: ViewerDep) -> provenance.Evidence:
    """The reports that support an entity, what each says of it, and the sentences that say it, with the
    extracted words marked."""
    audited(request, "provenance:node", {"uid": uid})
    result = provenance.node_evidence(graph, scope_for(graph, viewer), uid)
    record_success(request, result)
    return result


@router.get("/provenance/edge", responses=NOT_FOUND)
def edge_provenance(
    request: Request, graph: GraphDep, viewer: ViewerDep,
    source: Annotated[str, Query(min_length=1, max_length=100, examples=[examples.PERSON])],
    target: Annotated[str, Query(min_length=1, max_length=100, examples=[examples.PHONE])],
    type: Annotated[FactType, Query(description="the relationship type", examples=["HAS_PHONE"])],
) -> provenance.Evidence:  # fmt: skip
    """The reports that state a relationship, what each says of it, and the sentences that say it."""
    audited(request, "provenance:edge", {"source": source, "target": target, "type": type})
    result = provenance.edge_evidence(graph, scope_for(graph, viewer), source, target, type)
    record_success(request, result)
    return result


@router.get("/reports/{report_id}", responses=NOT_FOUND)
def open_report(
    report_id: Annotated[
        str,
        Path(
            min_length=1,
            max_length=100,
            examples=[examples.REPORT],
            description="a report id, as provenance and every answer's reports give it",
        ),
    ],
    request: Request,
    graph: GraphDep,
    viewer: ViewerDep,
) -> provenance.OpenedReport:
    """One report your agency may see, with its whole text (the opening is audited)."""
    audited(request, "report:open", {"id": report_id})
    result = provenance.open_report(graph, scope_for(graph, viewer), report_id)
    record_success(request, result)
    return result
