"""Who is calling: a bearer API key (or an OIDC JWT), checked on every request but health and docs.

Wrong, unknown or revoked credentials get 401; a role without the right gets 403. The viewer
is kept on the request so that the audit trail can name who asked.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Annotated

from fastapi import Depends, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

from api.deps import GraphDep, SettingsDep
from api.oidc import verify_jwt
from graph.errors import Forbidden, Unauthorized
from graph.users import authenticate
from graph.visibility import Viewer

bearer = HTTPBearer(auto_error=False, description="an API key from `smugglegraph users create`, or an OIDC JWT")


def get_viewer(request: Request, graph: GraphDep, settings: SettingsDep,
               credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(bearer)]) -> Viewer:  # fmt: skip
    if credentials is None:
        raise Unauthorized("this endpoint needs an API key: send 'Authorization: Bearer <key>'")
    token = credentials.credentials
    viewer = authenticate(graph, token) if token.startswith("sgk_") else verify_jwt(token, settings)
    if viewer is None:
        raise Unauthorized("the API key or token is invalid, unknown or revoked")
    request.state.viewer = viewer
    return viewer


ViewerDep = Annotated[Viewer, Depends(get_viewer)]


def require_role(*roles: str) -> Callable[[Viewer], Viewer]:
    """A dependency that lets only these roles through (403 for the others)."""

    def check(viewer: ViewerDep) -> Viewer:
        if viewer.role not in roles:
            raise Forbidden(f"the role {viewer.role!r} may not do this (needs {' or '.join(roles)})")
        return viewer

    return check
