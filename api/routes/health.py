"""GET /health: is the API up, and does the database answer."""

from __future__ import annotations

from fastapi import APIRouter
from pydantic import BaseModel

from api.deps import GraphDep

router = APIRouter(tags=["health"])


class DatabaseInfo(BaseModel):
    uri: str
    database: str
    version: str
    edition: str


class Health(BaseModel):
    status: str
    neo4j: DatabaseInfo


@router.get(
    "/health",
    response_model=Health,
    summary="Health of the API and its database",
    responses={
        503: {
            "description": "the database cannot be reached",
            "content": {
                "application/json": {
                    "example": {"detail": "cannot reach Neo4j at bolt://127.0.0.1:7687 (connection refused); ..."}
                }
            },
        }
    },
)
def health(graph: GraphDep) -> Health:
    """200 with the database's version when Neo4j answers; 503 with one clear line when it does not."""
    row = graph.read("graph/get_server_info")[0]
    info = DatabaseInfo(uri=graph.uri, database=graph.database, version=row["version"], edition=row["edition"])
    return Health(status="ok", neo4j=info)
