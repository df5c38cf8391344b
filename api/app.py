"""The FastAPI application: one driver per process, opened in the lifespan, errors mapped once."""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

from fastapi import FastAPI
from fastapi.responses import RedirectResponse
from fastapi.staticfiles import StaticFiles
from fastapi_offline import FastAPIOffline

from api.audit import open_audit_log
from api.errors import map_errors
from api.routes import admin, health, incidents, investigations, provenance, resolution, vocabularies
from api.security import harden
from graph.db import connect
from graph.errors import Unavailable
from graph.schema import SchemaGate
from graph.settings import Settings, get_settings

log = logging.getLogger(__name__)
WEB_DIR = Path(__file__).parent / "web"
_MODULES = WEB_DIR / "node_modules"
VENDOR = {"cytoscape": _MODULES / "cytoscape" / "dist", "d3-array": _MODULES / "d3-array" / "dist",
          "d3-geo": _MODULES / "d3-geo" / "dist", "topojson-client": _MODULES / "topojson-client" / "dist",
          "world-atlas": _MODULES / "world-atlas"}  # fmt: skip
"""The page's libraries, installed from the npm registry by `make setup` (api/web/package-lock.json)."""
DESCRIPTION = (
    "Every endpoint but /health and these docs needs an API key: press **Authorize** and paste the key "
    "`smugglegraph users create` (or `make demo`) printed. Answers only draw on reports released to your agency."
)


def create_app(settings: Settings | None = None) -> FastAPI:
    """Build the app; the driver opens when the app starts and closes when it stops."""
    settings = settings or get_settings()

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        graph = connect(settings, verify=False)
        app.state.graph, app.state.settings, app.state.audit = graph, settings, open_audit_log(settings)
        app.state.schema = SchemaGate(graph)
        try:
            app.state.schema.ensure()
        except Unavailable as exc:  # installed by the first request that finds the database up
            log.warning("schema not installed at start-up: %s", exc.message)
        try:
            yield
        finally:
            graph.close()

    app = FastAPIOffline(
        title="smugglegraph",
        summary="Investigations over a knowledge graph of migrant-smuggling networks.",
        description=DESCRIPTION,
        version="0.1.0",
        lifespan=lifespan,
        redoc_url=None,
        max_body_size=settings.max_body_bytes,
    )
    harden(app, settings)
    app.include_router(health.router)
    app.include_router(investigations.router)
    app.include_router(incidents.router)
    app.include_router(resolution.router)
    app.include_router(provenance.router)
    app.include_router(vocabularies.router)
    app.include_router(admin.router)
    for library, folder in VENDOR.items():  # before /ui, which would otherwise answer for them
        app.mount(f"/ui/vendor/{library}", StaticFiles(directory=folder, check_dir=False), name=f"vendor-{library}")
    app.mount("/ui", StaticFiles(directory=WEB_DIR, html=True), name="ui")

    @app.get("/", include_in_schema=False)
    def home() -> RedirectResponse:
        return RedirectResponse("/ui/")

    map_errors(app)
    return app
