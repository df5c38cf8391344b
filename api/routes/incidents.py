"""POST /incidents/link: paste a new incident, see at once which known people, identifiers and networks
it touches (ILOs and admins). Nothing is written unless commit=true."""

from __future__ import annotations

import datetime as dt
import threading
from typing import Annotated, Literal

from fastapi import APIRouter, Depends, Query, Request
from pydantic import BaseModel, ConfigDict, Field
from spacy.language import Language

from api.audit import audited, record
from api.auth import require_role
from api.deps import GraphDep, SettingsDep
from graph.visibility import Viewer, scope_for
from ingest.document import SourceDocument, content_id, normalise_text
from ingest.extract import build_pipeline
from ingest.link import LinkResult, link_incident
from ingest.link_judgements import Judgement
from ingest.load import ReportMeta

router = APIRouter(prefix="/incidents", tags=["incidents"])
IloDep = Annotated[Viewer, Depends(require_role("ilo", "admin"))]
_nlp_lock = threading.Lock()

EXAMPLE_TEXT = (
    "On 20 May 2026 Bulgarian border police at Kapitan Andreevo stopped a van with 6 Afghan migrants. "
    "The driver, Hasan Baba, a Turkish national, called +90 532 123 45 67 before the stop."
)


class IncidentIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    text: str = Field(..., min_length=1, max_length=200_000, examples=[EXAMPLE_TEXT],
                      description="the incident note or report, as written")  # fmt: skip
    title: str | None = Field(None, max_length=300)
    date: dt.date | None = None
    releasability: Literal["network", "agencies", "originator"] = "network"
    release_to: list[Annotated[str, Field(pattern=r"^[A-Za-z0-9][A-Za-z0-9._@\-]{1,63}$")]] = Field(
        default_factory=list, max_length=100
    )
    judgements: list[Judgement] = Field(
        default_factory=list, max_length=200,
        description="with commit=true: which offered candidates the incident's persons and organisations are "
                    "(same) or are not (different); recorded for the caller's agency",
    )  # fmt: skip


def pipeline(request: Request, settings: SettingsDep) -> Language:
    """The process's spaCy pipeline, built on first use (it takes a second or two)."""
    with _nlp_lock:
        if getattr(request.app.state, "nlp", None) is None:
            request.app.state.nlp = build_pipeline(settings.spacy_model)
    nlp: Language = request.app.state.nlp
    return nlp


@router.post(
    "/link", response_model=LinkResult, summary="Which known networks does a new incident touch?",
    responses={401: {"description": "no valid API key"}, 403: {"description": "not an ILO or admin"},
               422: {"description": "an empty text, or a judgement on a candidate the incident was not matched with"},
               503: {"description": "database unreachable"}},
)  # fmt: skip
def link(incident: IncidentIn, request: Request, graph: GraphDep, viewer: IloDep,
         nlp: Annotated[Language, Depends(pipeline)],
         commit: Annotated[bool, Query(description="also ingest it and record the likely matches")] = False,
         ) -> LinkResult:  # fmt: skip
    """Extract the incident, then list for each person, organisation, identifier and document the
    known candidates with score and reasons, and the networks they lead to, with their reports."""
    text = normalise_text(incident.text)
    audited(request, "incident:link", {"commit": commit, "report": content_id(text), "chars": len(text),
                                       "judgements": len(incident.judgements)})  # fmt: skip
    doc = SourceDocument(source=f"api:{viewer.agency}:{content_id(text)}", text=text, media_type="text/plain",
                         title=incident.title, date=incident.date)  # fmt: skip
    meta = ReportMeta(originator_agency=viewer.agency, releasability=incident.releasability,
                      release_to=tuple(incident.release_to))  # fmt: skip
    result = link_incident(graph, scope_for(graph, viewer), nlp, doc, commit=commit, meta=meta,
                           judgements=incident.judgements)  # fmt: skip
    record(request, 200, len(result.networks))
    return result
