"""Resolution review (admins): proposed pairs, merge (confirm), reject, split; each audited."""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, Depends, Path, Query, Request
from pydantic import BaseModel, ConfigDict, Field

from api.audit import audited, record
from api.auth import ViewerDep, require_role
from api.deps import GraphDep
from graph.errors import NotFound
from graph.investigations import examples
from graph.investigations.base import NodeOut
from graph.visibility import Viewer, scope_for
from ingest.resolve import review

router = APIRouter(prefix="/resolution", tags=["resolution"])
AdminDep = Annotated[Viewer, Depends(require_role("admin"))]
Uid = Annotated[str, Field(min_length=1, max_length=100)]


class CandidateOut(BaseModel):
    a: dict[str, str | None]
    b: dict[str, str | None]
    score: float | None
    reasons: list[str] | None
    suggested: str | None = Field(None, description="what resolution would do: merge, or review")
    requires: list[str] = Field(default_factory=list, description="release scopes the pair was weighed in")
    by: str | None
    at: str | None
    status: str


class Pair(BaseModel):
    model_config = ConfigDict(extra="forbid")
    winner: Uid = Field(description="the entity that stays")
    loser: Uid = Field(description="the entity merged into it")


class Judgement(Pair):
    release: Literal["agency", "network"] = Field(
        "agency",
        description="agency: the two are one for your agency only (a judgement your agency can release "
        "later as a report); network: merge them into one node for every agency",
    )


class DecisionRef(BaseModel):
    model_config = ConfigDict(extra="forbid")
    decision: Uid


class Outcome(BaseModel):
    done: str
    decision: str | None = None


def _visible_pair(graph: GraphDep, viewer: Viewer, a: str, b: str) -> None:
    scope = scope_for(graph, viewer)
    for uid in (a, b):
        if not graph.read("investigations/get_entity", {"uid": uid, **scope.params()}):
            raise NotFound(f"no entity with id {uid!r}")


@router.get("/candidates", response_model=list[CandidateOut], summary="Pairs proposed as possibly the same person")
def list_candidates(request: Request, graph: GraphDep, viewer: AdminDep,
                    status: Annotated[str, Query(pattern="^(proposed|rejected|confirmed)$")] = "proposed",
                    limit: Annotated[int, Query(ge=1, le=1000)] = 100) -> list[CandidateOut]:  # fmt: skip
    audited(request, "resolution:candidates", {"status": status, "limit": limit})
    found = [CandidateOut(**row) for row in review.candidates(graph, scope_for(graph, viewer), status, limit)]
    record(request, 200, len(found))
    return found


class ProposalOut(BaseModel):
    source: str
    target: str
    other: NodeOut = Field(description="the entity at the other end, as your agency's reports give it")
    score: float | None
    reasons: list[str] | None


@router.get("/proposals/{uid}", response_model=list[ProposalOut],
            summary="Unreviewed 'possibly the same' proposals that touch one entity (any role)")  # fmt: skip
def proposals(uid: Annotated[str, Path(min_length=1, max_length=100, examples=[examples.PERSON])], request: Request,
              graph: GraphDep,
              viewer: ViewerDep) -> list[ProposalOut]:  # fmt: skip
    """Proposals only: they are never facts, and the page draws them dashed. Only those whose evidence
    your agency may see."""
    audited(request, "resolution:proposals", {"uid": uid})
    found = [ProposalOut(**row) for row in review.proposals_of(graph, scope_for(graph, viewer), uid)]
    record(request, 200, len(found))
    return found


@router.post("/merge", response_model=Outcome, summary="Judge two entities the same (confirms a proposed pair)")
def merge(pair: Judgement, request: Request, graph: GraphDep, viewer: AdminDep) -> Outcome:
    audited(request, "resolution:merge", pair.model_dump())
    _visible_pair(graph, viewer, pair.winner, pair.loser)
    scoped = viewer.agency is not None and pair.release == "agency"
    judged_for = scope_for(graph, viewer) if scoped else None
    decision = review.confirm(graph, pair.winner, pair.loser, by=viewer.user, judged_for=judged_for)
    record(request, 200, 1)
    return Outcome(done="judged same" if scoped else "merged", decision=decision)


@router.post("/reject", response_model=Outcome, summary="Two proposed entities are different")
def reject(pair: Pair, request: Request, graph: GraphDep, viewer: AdminDep) -> Outcome:
    audited(request, "resolution:reject", pair.model_dump())
    _visible_pair(graph, viewer, pair.winner, pair.loser)
    review.reject(graph, pair.winner, pair.loser, by=viewer.user)
    record(request, 200, 1)
    return Outcome(done="rejected")


@router.post("/split", response_model=Outcome, summary="Undo a merge or judgement: both entities as they were")
def split(ref: DecisionRef, request: Request, graph: GraphDep, viewer: AdminDep) -> Outcome:
    audited(request, "resolution:split", ref.model_dump())
    review.split(graph, ref.decision, by=viewer.user, scope=scope_for(graph, viewer))
    record(request, 200, 2)
    return Outcome(done="split", decision=ref.decision)
