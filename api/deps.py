"""Dependencies the routes receive: the process's one Graph (driver) and the settings."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Request

from graph.db import Graph
from graph.settings import Settings


def get_graph(request: Request) -> Graph:
    """The process's Graph, its schema installed first (once) if the database was down at start-up."""
    request.app.state.schema.ensure()
    graph: Graph = request.app.state.graph
    return graph


def get_app_settings(request: Request) -> Settings:
    settings: Settings = request.app.state.settings
    return settings


GraphDep = Annotated[Graph, Depends(get_graph)]
SettingsDep = Annotated[Settings, Depends(get_app_settings)]
