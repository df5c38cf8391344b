"""The FastAPI application: one driver per process, opened in the lifespan, errors mapped once."""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse

from api.routes import health, investigations
from graph.db import connect
from graph.errors import SmuggleGraphError, Unavailable
from graph.schema import install_schema
from graph.settings import Settings, get_settings

log = logging.getLogger(__name__)


def create_app(settings: Settings | None = None) -> FastAPI:
    """Build the app; the driver opens when the app starts and closes when it stops."""
    settings = settings or get_settings()

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        graph = connect(settings, verify=False)
        app.state.graph, app.state.settings = graph, settings
        try:
            install_schema(graph)
        except Unavailable as exc:
            log.warning("schema not installed at start-up: %s", exc.message)
        try:
            yield
        finally:
            graph.close()

    app = FastAPI(
        title="smugglegraph",
        summary="Investigations over a knowledge graph of migrant-smuggling networks.",
        version="0.1.0",
        lifespan=lifespan,
    )
    app.include_router(health.router)
    app.include_router(investigations.router)

    @app.exception_handler(SmuggleGraphError)
    async def project_error(_: Request, exc: SmuggleGraphError) -> JSONResponse:
        return JSONResponse(status_code=exc.status_code, content={"detail": exc.message})

    return app
