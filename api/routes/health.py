"""GET /health: up or down, and nothing else (it needs no key, so it says nothing about the database)."""

from __future__ import annotations

import logging
from typing import Literal

from fastapi import APIRouter, Request
from fastapi.responses import JSONResponse
from pydantic import BaseModel

from graph.db import Graph
from graph.errors import Unavailable

router = APIRouter(tags=["health"])
log = logging.getLogger(__name__)


class Health(BaseModel):
    status: Literal["up", "down"]


@router.get(
    "/health",
    response_model=Health,
    summary="Is the API up and does its database answer",
    responses={503: {"description": "the database cannot be reached", "model": Health}},
)
def health(request: Request) -> Health | JSONResponse:
    """200 `{"status": "up"}` when Neo4j answers; 503 `{"status": "down"}` when it does not."""
    graph: Graph = request.app.state.graph
    try:
        request.app.state.schema.ensure()
        graph.read("graph/get_server_info")
    except Unavailable as exc:
        log.warning("health check: %s", exc.message)
        return JSONResponse(status_code=503, content={"status": "down"})
    return Health(status="up")
